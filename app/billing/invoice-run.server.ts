/**
 * The invoice run of a period: what it would invoice, per payer (the preview), and — once
 * the owner confirms — our invoices written in one transaction under the practice's row lock
 * (ADR 017, point 1). Stripe is told afterwards by the push (push-invoice.server.ts).
 */
import { randomUUID } from 'node:crypto';

import { and, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  clients,
  commissioners,
  invoiceLines,
  invoiceRuns,
  invoices,
  type Payer,
  practices,
  supervisionSessions,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { translator } from '~/i18n';
import { formatDate } from '~/i18n/format';
import type { MemberActor } from '~/practices/actor';
import { addDays, helsinkiDate } from '~/time/helsinki';

import { assertMayManageBilling } from './access.server';
import {
  type BillableSession,
  type BillingPeriod,
  type LeftOutSession,
  sessionsForPeriod,
} from './billable-sessions.server';
import { isReadyToInvoice, loadConnection } from './connection.server';
import { invoiceReferenceNumber, rfReference } from './finnish-payment';
import {
  loadInvoicingDetails,
  missingInvoicingDetails,
  type RequiredInvoicingDetail,
} from './invoicing-details.server';
import { takeInvoiceNumbers } from './numbering.server';
import type { InvoicingDetails } from './schemas';
import { invoiceTotals, type VatGroup } from './vat';

export interface Buyer {
  name: string;
  address: string;
  businessId: string | null;
  email: string | null;
}

export interface RunLine {
  sessionId: string;
  contractId: string;
  description: string;
  serviceDate: string;
  amountCents: number;
  vatRateBasisPoints: number | null;
  vatExemptReason: string | null;
  vatCents: number;
}

export interface PayerInvoice {
  payerKind: Payer;
  payerId: string;
  buyer: Buyer;
  lines: RunLine[];
  subtotalCents: number;
  vatByRate: VatGroup[];
  vatCents: number;
  totalCents: number;
}

export type RunLeftOut =
  | LeftOutSession
  | (Omit<LeftOutSession, 'reason'> & {
      reason: 'payerAddressMissing';
      /** Whose address is missing, so that the preview can point to where it is filled in. */
      payerKind: Payer;
      payerId: string;
    });

export type RunProblem = 'notConnected' | 'vatNumberMissing';

export interface RunPlan {
  period: BillingPeriod;
  payers: PayerInvoice[];
  leftOut: RunLeftOut[];
  totals: { subtotalCents: number; vatCents: number; totalCents: number };
  missingDetails: RequiredInvoicingDetail[];
  problems: RunProblem[];
}

/** The owner's preview: nothing is written. */
export async function previewInvoiceRun(
  { db, now }: DomainContext,
  actor: MemberActor,
  period: BillingPeriod,
): Promise<RunPlan> {
  assertMayManageBilling(actor);
  const { plan } = await planRun(db, actor.practiceId, period, now);
  return plan;
}

/**
 * Writes the run's invoices as pending, each with the next sequential number, and marks
 * their sessions invoiced. A second confirmation at the same moment waits for the practice
 * lock and then finds nothing left (`nothingToInvoice`); the unique live-session index
 * holds even if that reasoning were wrong.
 */
export async function confirmInvoiceRun(
  { db, now }: DomainContext,
  actor: MemberActor,
  period: BillingPeriod,
): Promise<{ runId: string; invoiceIds: string[] }> {
  assertMayManageBilling(actor);
  return db.transaction(async (tx) => {
    await tx
      .select({ id: practices.id })
      .from(practices)
      .where(eq(practices.id, actor.practiceId))
      .for('update');
    const { plan, details, accountId } = await planRun(tx, actor.practiceId, period, now);
    if (plan.missingDetails.length > 0) throw new AppError('invalid', 'billing.details.incomplete');
    if (!accountId) throw new AppError('conflict', 'invoiceRun.error.notConnected');
    if (plan.problems.includes('vatNumberMissing')) {
      throw new AppError('invalid', 'invoiceRun.error.vatNumberMissing');
    }
    if (plan.payers.length === 0)
      throw new AppError('conflict', 'invoiceRun.error.nothingToInvoice');

    const firstNumber = await takeInvoiceNumbers(tx, actor.practiceId, plan.payers.length);

    const runId = randomUUID();
    await tx.insert(invoiceRuns).values({
      id: runId,
      practiceId: actor.practiceId,
      periodStart: period.start,
      periodEnd: period.end,
      createdBy: actor.userId,
    });
    const issueDate = helsinkiDate(now);
    const dueDate = addDays(issueDate, details.paymentTermDays);
    const seller = sellerOf(details);
    const written = plan.payers.map((payer, index) => ({
      id: randomUUID(),
      payer,
      number: firstNumber + index,
    }));
    await tx.insert(invoices).values(
      written.map(({ id, payer, number }) => {
        const reference = invoiceReferenceNumber(number);
        return {
          id,
          practiceId: actor.practiceId,
          runId,
          number,
          payerKind: payer.payerKind,
          commissionerId: payer.payerKind === 'commissioner' ? payer.payerId : null,
          clientId: payer.payerKind === 'supervisee' ? payer.payerId : null,
          buyerName: payer.buyer.name,
          buyerAddress: payer.buyer.address,
          buyerBusinessId: payer.buyer.businessId,
          buyerEmail: payer.buyer.email,
          ...seller,
          issueDate,
          dueDate,
          periodStart: period.start,
          periodEnd: period.end,
          referenceNumber: reference,
          rfReference: rfReference(reference),
          subtotalCents: payer.subtotalCents,
          vatCents: payer.vatCents,
          totalCents: payer.totalCents,
          stripeAccountId: accountId,
          createdBy: actor.userId,
        };
      }),
    );
    await tx.insert(invoiceLines).values(
      written.flatMap(({ id, payer }) =>
        payer.lines.map((line, position) => ({
          invoiceId: id,
          practiceId: actor.practiceId,
          position: position + 1,
          sessionId: line.sessionId,
          contractId: line.contractId,
          description: line.description,
          serviceDate: line.serviceDate,
          unitPriceCents: line.amountCents,
          amountCents: line.amountCents,
          vatRateBasisPoints: line.vatRateBasisPoints,
          vatExemptReason: line.vatExemptReason,
          vatCents: line.vatCents,
        })),
      ),
    );
    await tx
      .update(supervisionSessions)
      .set({ invoicedAt: now })
      .where(
        and(
          eq(supervisionSessions.practiceId, actor.practiceId),
          inArray(
            supervisionSessions.id,
            plan.payers.flatMap((payer) => payer.lines.map((line) => line.sessionId)),
          ),
        ),
      );
    return { runId, invoiceIds: written.map((w) => w.id) };
  });
}

/** The plan of a run, from four queries whatever the number of sessions. */
async function planRun(
  db: Db,
  practiceId: string,
  period: BillingPeriod,
  now: Date,
): Promise<{ plan: RunPlan; details: InvoicingDetails; accountId: string | null }> {
  if (period.start > period.end) throw new AppError('invalid', 'invoiceRun.error.period');
  const details = await loadInvoicingDetails(db, practiceId);
  const connection = await loadConnection(db, practiceId);
  const ready = isReadyToInvoice(connection);
  const { billable, leftOut } = await sessionsForPeriod(db, practiceId, period, now);
  const buyers = await buyersOf(db, practiceId, billable);

  const t = translator('fi');
  const groups = new Map<
    string,
    { payerKind: Payer; payerId: string; sessions: BillableSession[] }
  >();
  const runLeftOut: RunLeftOut[] = [...leftOut];
  for (const session of billable) {
    const key = `${session.payerKind}:${session.payerId}`;
    if (!buyers.has(key)) {
      runLeftOut.push({
        ...pick(session),
        reason: 'payerAddressMissing',
        payerKind: session.payerKind,
        payerId: session.payerId,
      });
      continue;
    }
    const group = groups.get(key) ?? {
      payerKind: session.payerKind,
      payerId: session.payerId,
      sessions: [],
    };
    group.sessions.push(session);
    groups.set(key, group);
  }

  const payers: PayerInvoice[] = [...groups.entries()].map(([key, group]) => {
    const totals = invoiceTotals(
      group.sessions.map((s) =>
        s.vatRateBasisPoints === null
          ? {
              amountCents: s.priceCents,
              rateBasisPoints: null,
              exemptReason: s.vatExemptReason ?? '',
            }
          : { amountCents: s.priceCents, rateBasisPoints: s.vatRateBasisPoints },
      ),
    );
    return {
      payerKind: group.payerKind,
      payerId: group.payerId,
      buyer: buyers.get(key) as Buyer,
      lines: group.sessions.map((session, i) => ({
        sessionId: session.sessionId,
        contractId: session.contractId,
        description: lineText(t, session),
        serviceDate: helsinkiDate(session.startsAt),
        amountCents: session.priceCents,
        vatRateBasisPoints: session.vatRateBasisPoints,
        vatExemptReason: session.vatExemptReason,
        vatCents: totals.lines[i]?.vatCents ?? 0,
      })),
      subtotalCents: totals.subtotalCents,
      vatByRate: totals.vatByRate,
      vatCents: totals.vatCents,
      totalCents: totals.totalCents,
    };
  });
  payers.sort((a, b) => a.buyer.name.localeCompare(b.buyer.name, 'fi'));
  runLeftOut.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  const problems: RunProblem[] = [];
  if (!ready) problems.push('notConnected');
  const taxed = payers.some((p) => p.lines.some((l) => l.vatRateBasisPoints !== null));
  if (taxed && !details.vatNumber) problems.push('vatNumberMissing');
  const sum = (pick: (p: PayerInvoice) => number) => payers.reduce((n, p) => n + pick(p), 0);
  return {
    plan: {
      period,
      payers,
      leftOut: runLeftOut,
      totals: {
        subtotalCents: sum((p) => p.subtotalCents),
        vatCents: sum((p) => p.vatCents),
        totalCents: sum((p) => p.totalCents),
      },
      missingDetails: missingInvoicingDetails(details),
      problems,
    },
    details,
    accountId: ready && connection ? connection.accountId : null,
  };
}

const pick = (s: BillableSession): Omit<LeftOutSession, 'reason'> => ({
  sessionId: s.sessionId,
  contractId: s.contractId,
  contractCode: s.contractCode,
  startsAt: s.startsAt,
});

/** Neutral line text: length, date and contract code; never a name or anything of a note. */
function lineText(t: ReturnType<typeof translator>, session: BillableSession): string {
  const params = {
    minutes: session.minutes,
    date: formatDate(session.startsAt, 'fi'),
    code: session.contractCode,
  };
  const key =
    session.outcome === 'held'
      ? 'invoiceLine.held'
      : session.outcome === 'no_show'
        ? 'invoiceLine.noShow'
        : 'invoiceLine.lateCancelled';
  const line = t(key, params);
  return session.vatRateBasisPoints === null
    ? t('invoiceLine.exempt', { line, reason: session.vatExemptReason ?? '' })
    : line;
}

/**
 * Who each payer is on the invoice: the commissioner's name, Y-tunnus and billing address,
 * or the paying supervisee's name, billing address and e-mail. A payer without a full postal
 * address cannot be invoiced lawfully (VAT Act 209 e §) and is left out.
 */
async function buyersOf(db: Db, practiceId: string, sessions: BillableSession[]) {
  const ids = (kind: Payer) => [
    ...new Set(sessions.filter((s) => s.payerKind === kind).map((s) => s.payerId)),
  ];
  const buyers = new Map<string, Buyer>();
  const commissionerIds = ids('commissioner');
  if (commissionerIds.length > 0) {
    const rows = await db
      .select({
        id: commissioners.id,
        name: commissioners.name,
        businessId: commissioners.businessId,
        addressLine: commissioners.addressLine,
        postalCode: commissioners.postalCode,
        city: commissioners.city,
        email: commissioners.billingEmail,
      })
      .from(commissioners)
      .where(
        and(eq(commissioners.practiceId, practiceId), inArray(commissioners.id, commissionerIds)),
      );
    for (const row of rows) {
      const address = postalAddress(row.addressLine, row.postalCode, row.city);
      if (!address) continue;
      buyers.set(`commissioner:${row.id}`, {
        name: row.name,
        address,
        businessId: row.businessId,
        email: row.email,
      });
    }
  }
  const superviseeIds = ids('supervisee');
  if (superviseeIds.length > 0) {
    const rows = await db
      .select({
        id: clients.id,
        name: clients.name,
        streetAddress: clients.streetAddress,
        postalCode: clients.postalCode,
        city: clients.city,
        email: clients.email,
      })
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, superviseeIds)));
    for (const row of rows) {
      const address = postalAddress(row.streetAddress, row.postalCode, row.city);
      if (!address) continue;
      buyers.set(`supervisee:${row.id}`, {
        name: row.name,
        address,
        businessId: null,
        email: row.email,
      });
    }
  }
  return buyers;
}

/** The address as the invoice prints it, or null while a part of it is missing. */
function postalAddress(street: string | null, postalCode: string | null, city: string | null) {
  return street && postalCode && city ? `${street}\n${postalCode} ${city}` : null;
}

function sellerOf(details: InvoicingDetails) {
  return {
    sellerName: details.legalName ?? '',
    sellerAddress: `${details.streetAddress ?? ''}\n${details.postalCode ?? ''} ${details.city ?? ''}`,
    sellerBusinessId: details.businessId ?? '',
    sellerVatNumber: details.vatNumber,
    sellerIban: details.iban ?? '',
  };
}
