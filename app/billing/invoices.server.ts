/**
 * The owner's view of the practice's invoices: the list with its filters and sums, and one
 * invoice with its lines. Reading only; what the owner does to an invoice lives in
 * invoice-actions.server.ts.
 */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';

import { type Page, pageWindow } from '#db/paging';
import { type Invoice, type InvoiceLine, invoiceLines, invoices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { helsinkiDate, type LocalDate } from '~/time/helsinki';

import { assertMayManageBilling } from './access.server';
import { formatIban, formatReference, virtualBarcode } from './finnish-payment';
import { type InvoiceListStatus, listStatus } from './invoice-list-status';
import { monthPeriod } from './period';
import type { VatGroup } from './vat';

export interface InvoiceFilter {
  status?: InvoiceListStatus;
  /** `YYYY-MM`: invoices issued in that month. */
  month?: string;
  /** A viitenumero or RF reference as a bank statement shows it, spaces or not. */
  reference?: string;
  /** 1-based; a page past the end reads as the first. */
  page?: number;
}

export interface InvoiceListRow {
  id: string;
  number: number;
  kind: Invoice['kind'];
  buyerName: string;
  issueDate: LocalDate;
  dueDate: LocalDate;
  totalCents: number;
  status: InvoiceListStatus;
  pushError: string | null;
  /** The viitenumero as printed, grouped in fives; none on a credit note. */
  reference: string | null;
  /** Still to be paid, and Stripe's last attempt to collect it failed. */
  paymentFailed: boolean;
}

export interface MonthTotal {
  /** `YYYY-MM` of the issue date. */
  month: string;
  count: number;
  totalCents: number;
}

export interface InvoiceList extends Omit<Page<InvoiceListRow>, 'rows'> {
  /** One page of the invoices the filter finds. */
  invoices: InvoiceListRow[];
  /**
   * Per issue month of the invoices the filter finds (on every page, not just this one),
   * newest first; void invoices count nothing, and a credit note counts its negative total in
   * the month it was issued.
   */
  months: MonthTotal[];
  /** Of the whole practice, whatever the filter: open invoices, and those of them overdue. */
  outstandingCents: number;
  overdueCents: number;
}

/** The rows listStatus() gives `status`, as SQL. */
function statusCondition(status: InvoiceListStatus, today: LocalDate): SQL | undefined {
  const invoice = eq(invoices.kind, 'invoice');
  switch (status) {
    case 'overdue':
      return and(invoice, eq(invoices.status, 'open'), lt(invoices.dueDate, today));
    case 'open':
      return and(invoice, eq(invoices.status, 'open'), gte(invoices.dueDate, today));
    case 'paid':
      return and(invoice, eq(invoices.status, 'paid'), isNull(invoices.creditedAt));
    case 'credited':
      return and(invoice, eq(invoices.status, 'paid'), isNotNull(invoices.creditedAt));
    case 'creditNote':
      return and(eq(invoices.kind, 'credit_note'), sql`${invoices.status} <> 'pending'`);
    case 'pending':
      return eq(invoices.status, 'pending');
    default:
      return and(invoice, eq(invoices.status, status));
  }
}

/**
 * One page of the practice's invoices, newest first, in three queries whatever their number:
 * the totals per month of all the invoices the filter finds (which also count them for the
 * paging), the page, and the outstanding and overdue sums. All are served by
 * `invoices_practice_issue_idx` (practice_id, issue_date), which the month filter ranges
 * over; a practice has at most some thousands of invoices, so the status is checked on the
 * rows the practice prefix finds and needs no index of its own.
 */
export async function listInvoices(
  { db, now }: DomainContext,
  actor: MemberActor,
  filter: InvoiceFilter,
): Promise<InvoiceList> {
  assertMayManageBilling(actor);
  const today = helsinkiDate(now);
  const period = filter.month ? monthPeriod(filter.month) : null;
  if (filter.month && !period) throw new AppError('invalid', 'invoices.error.month');
  const reference = filter.reference ? readReference(filter.reference) : null;
  const where = and(
    eq(invoices.practiceId, actor.practiceId),
    period ? gte(invoices.issueDate, period.start) : undefined,
    period ? lte(invoices.issueDate, period.end) : undefined,
    filter.status ? statusCondition(filter.status, today) : undefined,
    reference ? referenceCondition(reference) : undefined,
  );

  // Grouped by the month's first day (a date as a timestamp, free of time zones) and written
  // out once per month: to_char() on every row cost several times the whole scan.
  const monthStart = sql`date_trunc('month', ${invoices.issueDate}::timestamp)`;
  // What listStatus() calls void: a voided invoice (a credit note is never listed as void).
  const counted = sql`not (${invoices.kind} = 'invoice' and ${invoices.status} = 'void')`;
  const monthRows = await db
    .select({
      month: sql<string>`to_char(${monthStart}, 'YYYY-MM')`,
      listed: count(),
      count: sql<number>`count(*) filter (where ${counted})`.mapWith(Number),
      // Sums come back as numeric text (bigint on PostgreSQL); cents of one practice fit a number.
      totalCents: sql<string>`coalesce(sum(${invoices.totalCents}) filter (where ${counted}), 0)`,
    })
    .from(invoices)
    .where(where)
    .groupBy(monthStart)
    .orderBy(desc(monthStart));
  const total = monthRows.reduce((sum, row) => sum + row.listed, 0);
  const { offset, limit, ...window } = pageWindow(filter.page ?? 1, total);

  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      buyerName: invoices.buyerName,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      totalCents: invoices.totalCents,
      status: invoices.status,
      creditedAt: invoices.creditedAt,
      paymentFailedAt: invoices.paymentFailedAt,
      referenceNumber: invoices.referenceNumber,
      pushError: invoices.pushError,
    })
    .from(invoices)
    .where(where)
    // The number is unique in a practice: the order, and so the pages, hold still.
    .orderBy(desc(invoices.issueDate), desc(invoices.number))
    .limit(limit)
    .offset(offset);

  const [sums] = await db
    .select({
      outstanding: sql<string>`coalesce(sum(${invoices.totalCents}), 0)`,
      overdue: sql<string>`coalesce(sum(${invoices.totalCents}) filter (where ${invoices.dueDate} < ${today}), 0)`,
    })
    .from(invoices)
    .where(and(eq(invoices.practiceId, actor.practiceId), eq(invoices.status, 'open')));

  return {
    ...window,
    invoices: rows.map(({ paymentFailedAt, referenceNumber, ...row }) => {
      const status = listStatus(row, today);
      const unpaid = status === 'open' || status === 'overdue';
      return {
        ...row,
        status,
        paymentFailed: unpaid && paymentFailedAt !== null,
        reference: row.kind === 'invoice' ? formatReference(referenceNumber) : null,
      };
    }),
    months: monthRows
      .filter((row) => row.count > 0)
      .map(({ month, count, totalCents }) => ({ month, count, totalCents: Number(totalCents) })),
    outstandingCents: Number(sums?.outstanding ?? 0),
    overdueCents: Number(sums?.overdue ?? 0),
  };
}

type Reference = { kind: 'national'; digits: string } | { kind: 'rf'; text: string };

/** What the owner typed, as stored: digits of a viitenumero, or an RF reference upper-cased. */
function readReference(typed: string): Reference {
  const compact = typed.replace(/\s+/g, '').toUpperCase();
  if (/^\d{4,20}$/.test(compact)) return { kind: 'national', digits: compact };
  if (/^RF\d{2}[0-9A-Z]{1,21}$/.test(compact)) return { kind: 'rf', text: compact };
  throw new AppError('invalid', 'invoices.error.reference');
}

function referenceCondition(reference: Reference): SQL {
  return reference.kind === 'national'
    ? eq(invoices.referenceNumber, reference.digits)
    : eq(invoices.rfReference, reference.text);
}

export interface RelatedDocument {
  id: string;
  number: number;
  issueDate: LocalDate;
  totalCents: number;
}

export interface InvoiceView {
  invoice: Invoice;
  status: InvoiceListStatus;
  lines: InvoiceLine[];
  vatByRate: VatGroup[];
  /** For an invoice: its credit notes, in number order. */
  creditNotes: RelatedDocument[];
  /** For a credit note: the invoice it corrects. */
  credits: RelatedDocument | null;
}

/** One invoice of the practice with its lines in order; another practice's is not found. */
export async function getInvoice(
  ctx: DomainContext,
  actor: MemberActor,
  invoiceId: string,
): Promise<InvoiceView> {
  assertMayManageBilling(actor);
  const invoice = await loadInvoice(ctx, actor.practiceId, invoiceId);
  const lines = await ctx.db
    .select()
    .from(invoiceLines)
    .where(
      and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.practiceId, actor.practiceId)),
    )
    .orderBy(asc(invoiceLines.position));
  const related = await ctx.db
    .select({
      id: invoices.id,
      number: invoices.number,
      issueDate: invoices.issueDate,
      totalCents: invoices.totalCents,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.practiceId, actor.practiceId),
        invoice.creditsInvoiceId
          ? eq(invoices.id, invoice.creditsInvoiceId)
          : eq(invoices.creditsInvoiceId, invoice.id),
      ),
    )
    .orderBy(asc(invoices.number));
  return {
    invoice,
    status: listStatus(invoice, helsinkiDate(ctx.now)),
    lines,
    vatByRate: storedVatByRate(lines),
    creditNotes: invoice.creditsInvoiceId ? [] : related,
    credits: invoice.creditsInvoiceId ? (related[0] ?? null) : null,
  };
}

async function loadInvoice(
  { db }: DomainContext,
  practiceId: string,
  invoiceId: string,
): Promise<Invoice> {
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.practiceId, practiceId)));
  if (!invoice) throw new AppError('not_found');
  return invoice;
}

/**
 * VAT per rate as the invoice was issued: the stored VAT of each line summed, never computed
 * again, so the page shows what the payer got even if a rule were to change later.
 */
function storedVatByRate(lines: readonly InvoiceLine[]): VatGroup[] {
  const taxed = new Map<number, { baseCents: number; vatCents: number }>();
  let exempt: { baseCents: number; reasons: Set<string> } | null = null;
  for (const line of lines) {
    if (line.vatRateBasisPoints === null) {
      exempt ??= { baseCents: 0, reasons: new Set() };
      exempt.baseCents += line.amountCents;
      if (line.vatExemptReason) exempt.reasons.add(line.vatExemptReason);
    } else {
      const group = taxed.get(line.vatRateBasisPoints) ?? { baseCents: 0, vatCents: 0 };
      group.baseCents += line.amountCents;
      group.vatCents += line.vatCents;
      taxed.set(line.vatRateBasisPoints, group);
    }
  }
  const groups: VatGroup[] = [...taxed.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBasisPoints, group]) => ({ rateBasisPoints, ...group }));
  if (exempt) {
    groups.push({
      rateBasisPoints: null,
      baseCents: exempt.baseCents,
      vatCents: 0,
      exemptReasons: [...exempt.reasons].sort(),
    });
  }
  return groups;
}

/** The payment details as the invoice prints them: grouped references and IBAN, the barcode. */
export function printedPaymentDetails(
  invoice: Pick<
    Invoice,
    'referenceNumber' | 'rfReference' | 'sellerIban' | 'totalCents' | 'dueDate'
  >,
) {
  return {
    reference: formatReference(invoice.referenceNumber),
    rfReference: formatReference(invoice.rfReference),
    iban: formatIban(invoice.sellerIban),
    barcode: virtualBarcode({
      iban: invoice.sellerIban,
      amountCents: invoice.totalCents,
      reference: invoice.referenceNumber,
      dueDate: invoice.dueDate,
    }),
  };
}
