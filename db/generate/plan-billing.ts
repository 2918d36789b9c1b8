/**
 * Three years of invoicing on the practice's connected Stripe account, as the billing code
 * writes it: a run per month early in the next month, one invoice per payer with a line per
 * billable session (invoice-run.server.ts: grouping, order, line texts, VAT and totals),
 * numbers from one sequence shared with credit notes and taken in the order things happened
 * (numbering.server.ts), viitenumero and RF reference from the number (finnish-payment.ts).
 * What became of each invoice follows the app's paths: sent and paid (a few by bank transfer
 * marked by hand), still open, overdue, uncollectible, voided while open with its sessions
 * released and invoiced again by another run of the period, credited in full and invoiced
 * again, or a late cancellation's or no-show's charge credited and waived
 * (credit-note.server.ts, release-lines.server.ts, corrections.server.ts). Nothing here
 * talks to Stripe: the Stripe ids are made up in Stripe's shapes.
 */
import { invoiceReferenceNumber, rfReference } from '~/billing/finnish-payment';
import { invoiceTotals } from '~/billing/vat';
import { translator } from '~/i18n';
import { formatDate } from '~/i18n/format';
import {
  addDays,
  helsinkiDate,
  helsinkiInstant,
  isoWeekday,
  type LocalDate,
} from '~/time/helsinki';

import type {
  invoiceLines,
  invoiceRuns,
  invoices,
  Payer,
  sessionChanges,
  stripeConnections,
  stripeCustomers,
  stripeTaxRates,
} from '../schema';
import { fullCreditReasons, waivedChargeReasons } from './finnish';
import type { PeoplePlan } from './plan-people';
import type { PlannedSession } from './plan-sessions';
import type { Random } from './random';

type InvoiceRow = typeof invoices.$inferInsert & {
  id: string;
  number: number;
  status: NonNullable<(typeof invoices.$inferInsert)['status']>;
  updatedAt: Date;
};
type LineRow = typeof invoiceLines.$inferInsert & { id: string; amountCents: number };

export interface BillingPlan {
  connection: typeof stripeConnections.$inferInsert;
  runs: (typeof invoiceRuns.$inferInsert)[];
  invoices: InvoiceRow[];
  lines: LineRow[];
  customers: (typeof stripeCustomers.$inferInsert)[];
  taxRates: (typeof stripeTaxRates.$inferInsert)[];
  /** What the practice's numbering hands out next. */
  nextInvoiceNumber: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Months of invoicing before the month of `now`. */
const MONTHS = 36;
export const PAYMENT_TERM_DAYS = 30;

interface Billed {
  session: PlannedSession;
  /** The live line holding the session, and when its invoice was written. */
  live: { line: LineRow; at: number } | null;
  /** Last time billing changed the session row (invoiced, released, waived). */
  touchedAt: number;
  waived: boolean;
}

interface Payee {
  kind: Payer;
  id: string;
  name: string;
  address: string;
  businessId: string | null;
  email: string | null;
}

type BillingEvent =
  | { at: number; kind: 'run'; period: { start: LocalDate; end: LocalDate } }
  | { at: number; kind: 'void'; invoice: InvoiceRow }
  | { at: number; kind: 'credit'; invoice: InvoiceRow; lineIds: string[]; reason: string };

function stripeId(random: Random, prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = `${prefix}_1`;
  for (let i = 0; i < 23; i++) id += alphabet[random.int(0, alphabet.length - 1)];
  return id;
}

/** Whether the app's run bills the session at all (billable-sessions.server.ts). */
function charged(session: PlannedSession): boolean {
  const { status, chargeable } = session.row;
  return status === 'held' || ((status === 'no_show' || status === 'cancelled') && !!chargeable);
}

const t = translator('fi');

/** The line text the run writes (invoice-run.server.ts, lineText). */
function lineText(session: PlannedSession): string {
  const { row, contract } = session;
  const params = {
    minutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / MINUTE),
    date: formatDate(row.startsAt, 'fi'),
    code: contract.row.code ?? '',
  };
  const key =
    row.status === 'held'
      ? 'invoiceLine.held'
      : row.status === 'no_show'
        ? 'invoiceLine.noShow'
        : 'invoiceLine.lateCancelled';
  const line = t(key, params);
  return contract.row.vatRateBasisPoints === null
    ? t('invoiceLine.exempt', { line, reason: contract.row.vatExemptReason ?? '' })
    : line;
}

export function planBilling(
  random: Random,
  input: {
    people: PeoplePlan;
    sessions: readonly PlannedSession[];
    /** The session plan's changes: a waived charge is recorded there. */
    changes: (typeof sessionChanges.$inferInsert)[];
    ownerId: string;
    now: Date;
  },
): BillingPlan {
  const { people, ownerId } = input;
  const nowMs = input.now.getTime();
  const practice = people.practice;
  const practiceId = practice.id;
  const today = helsinkiDate(input.now);
  const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -MONTHS);

  const accountId = stripeId(random, 'acct');
  const connectedAt = helsinkiInstant(addDays(firstMonth, -random.int(5, 20)), '10:00');
  const plan: BillingPlan = {
    connection: {
      practiceId,
      accountId,
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      requirementsDue: [],
      stateAt: new Date(connectedAt.getTime() + 2 * DAY),
      connectedAt,
      updatedAt: new Date(connectedAt.getTime() + 2 * DAY),
    },
    runs: [],
    invoices: [],
    lines: [],
    customers: [],
    taxRates: [],
    nextInvoiceNumber: 1,
  };
  const seller = {
    sellerName: practice.legalName ?? '',
    sellerAddress: `${practice.streetAddress ?? ''}\n${practice.postalCode ?? ''} ${practice.city ?? ''}`,
    sellerBusinessId: practice.businessId ?? '',
    sellerVatNumber: practice.vatNumber ?? null,
    sellerIban: practice.iban ?? '',
  };

  const payees = new Map<string, Payee>();
  for (const c of people.commissioners) {
    payees.set(`commissioner:${c.id}`, {
      kind: 'commissioner',
      id: c.id,
      name: c.name,
      address: `${c.addressLine ?? ''}\n${c.postalCode ?? ''} ${c.city ?? ''}`,
      businessId: c.businessId ?? null,
      email: c.billingEmail ?? null,
    });
  }
  for (const c of people.clients) {
    if (!c.streetAddress || !c.postalCode || !c.city) continue;
    payees.set(`supervisee:${c.id}`, {
      kind: 'supervisee',
      id: c.id,
      name: c.name,
      address: `${c.streetAddress}\n${c.postalCode} ${c.city}`,
      businessId: null,
      email: c.email ?? null,
    });
  }
  const payeeOf = ({ contract }: PlannedSession): Payee | undefined => {
    if (contract.row.payer === 'supervisee') {
      const [sole, other] = contract.participantIds;
      return sole && !other ? payees.get(`supervisee:${sole}`) : undefined;
    }
    return payees.get(`commissioner:${contract.row.commissionerId}`);
  };

  // The sessions each month's run looks at, in the run's order (start time, then id).
  const byMonth = new Map<string, Billed[]>();
  const billed = new Map<string, Billed>();
  const ordered = [...input.sessions].sort(
    (a, b) =>
      a.row.startsAt.getTime() - b.row.startsAt.getTime() ||
      (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
  );
  for (const session of ordered) {
    if (!charged(session)) continue;
    const entry: Billed = { session, live: null, touchedAt: 0, waived: false };
    billed.set(session.row.id, entry);
    const month = helsinkiDate(session.row.startsAt).slice(0, 7);
    const list = byMonth.get(month);
    if (list) list.push(entry);
    else byMonth.set(month, [entry]);
  }

  const customers = new Map<string, string>();
  const customerOf = (payee: Payee, at: number) => {
    const key = `${payee.kind}:${payee.id}`;
    let id = customers.get(key);
    if (!id) {
      id = stripeId(random, 'cus');
      customers.set(key, id);
      plan.customers.push({
        id: random.uuid(),
        practiceId,
        stripeAccountId: accountId,
        payerKind: payee.kind,
        payerId: payee.id,
        stripeCustomerId: id,
        createdAt: new Date(at),
      });
    }
    return id;
  };
  const taxRates = new Set<number>();
  const linesOf = new Map<string, LineRow[]>();

  const events: BillingEvent[] = [];
  const schedule = (event: BillingEvent) => {
    if (event.at < nowMs) events.push(event);
  };
  for (let k = 0; k < MONTHS; k++) {
    const start = addMonths(firstMonth, k);
    const next = addMonths(start, 1);
    // Early in the next month, on a weekday morning.
    let day = addDays(next, random.int(1, 3));
    while (isoWeekday(day) > 5) day = addDays(day, 1);
    const at = helsinkiInstant(day, `0${random.int(8, 9)}:${random.int(10, 59)}`);
    schedule({ at: at.getTime(), kind: 'run', period: { start, end: addDays(next, -1) } });
  }

  let number = 1;
  const take = () => number++;

  /** What the owner's confirmation writes, and what then becomes of each invoice. */
  const run = (at: number, period: { start: LocalDate; end: LocalDate }) => {
    const groups = new Map<string, { payee: Payee; sessions: Billed[] }>();
    for (const entry of byMonth.get(period.start.slice(0, 7)) ?? []) {
      if (entry.live || entry.waived || entry.session.row.updatedAt.getTime() > at) continue;
      const payee = payeeOf(entry.session);
      if (!payee) continue;
      const key = `${payee.kind}:${payee.id}`;
      const group = groups.get(key) ?? { payee, sessions: [] };
      group.sessions.push(entry);
      groups.set(key, group);
    }
    if (groups.size === 0) return;
    const runId = random.uuid();
    const pushedAt = at + random.int(1, 4) * MINUTE;
    plan.runs.push({
      id: runId,
      practiceId,
      periodStart: period.start,
      periodEnd: period.end,
      createdBy: ownerId,
      createdAt: new Date(at),
      completedAt: new Date(pushedAt),
    });
    const issueDate = helsinkiDate(new Date(at));
    const payers = [...groups.values()].sort((a, b) =>
      a.payee.name.localeCompare(b.payee.name, 'fi'),
    );
    for (const { payee, sessions } of payers) {
      const terms = sessions.map(({ session: { contract } }) => ({
        amountCents: contract.row.priceCents ?? 0,
        rateBasisPoints: contract.row.vatRateBasisPoints ?? null,
        exemptReason: contract.row.vatExemptReason ?? '',
      }));
      const totals = invoiceTotals(
        terms.map((line) =>
          line.rateBasisPoints === null
            ? {
                amountCents: line.amountCents,
                rateBasisPoints: null,
                exemptReason: line.exemptReason,
              }
            : { amountCents: line.amountCents, rateBasisPoints: line.rateBasisPoints },
        ),
      );
      const invoiceNumber = take();
      const reference = invoiceReferenceNumber(invoiceNumber);
      const id = random.uuid();
      const invoice: InvoiceRow = {
        id,
        practiceId,
        runId,
        number: invoiceNumber,
        payerKind: payee.kind,
        commissionerId: payee.kind === 'commissioner' ? payee.id : null,
        clientId: payee.kind === 'supervisee' ? payee.id : null,
        buyerName: payee.name,
        buyerAddress: payee.address,
        buyerBusinessId: payee.businessId,
        buyerEmail: payee.email,
        ...seller,
        issueDate,
        dueDate: addDays(issueDate, PAYMENT_TERM_DAYS),
        periodStart: period.start,
        periodEnd: period.end,
        referenceNumber: reference,
        rfReference: rfReference(reference),
        subtotalCents: totals.subtotalCents,
        vatCents: totals.vatCents,
        totalCents: totals.totalCents,
        status: 'open',
        stripeAccountId: accountId,
        stripeCustomerId: customerOf(payee, at),
        stripeInvoiceId: stripeId(random, 'in'),
        hostedInvoiceUrl: `https://invoice.stripe.com/i/${accountId}/${stripeId(random, 'test')}`,
        sentAt: new Date(pushedAt),
        stripeStateAt: new Date(pushedAt),
        createdBy: ownerId,
        createdAt: new Date(at),
        updatedAt: new Date(pushedAt),
      };
      plan.invoices.push(invoice);
      const lines = sessions.map((entry, index): LineRow => {
        const { row, contract } = entry.session;
        const term = terms[index];
        const rate = contract.row.vatRateBasisPoints ?? null;
        if (rate !== null) taxRates.add(rate);
        const line: LineRow = {
          id: random.uuid(),
          invoiceId: id,
          practiceId,
          position: index + 1,
          sessionId: row.id,
          contractId: contract.row.id,
          description: lineText(entry.session),
          serviceDate: helsinkiDate(row.startsAt),
          quantity: 1,
          unitPriceCents: term?.amountCents ?? 0,
          amountCents: term?.amountCents ?? 0,
          vatRateBasisPoints: rate,
          vatExemptReason: rate === null ? (contract.row.vatExemptReason ?? null) : null,
          vatCents: totals.lines[index]?.vatCents ?? 0,
          stripeInvoiceItemId: stripeId(random, 'ii'),
          createdAt: new Date(at),
        };
        entry.live = { line, at };
        entry.touchedAt = Math.max(entry.touchedAt, at);
        return line;
      });
      plan.lines.push(...lines);
      linesOf.set(id, lines);
      decideFate(invoice, lines, at);
    }
  };

  // Each fate at least once, whatever the scale (the first invoices are years old, so the
  // events they schedule lie in the past), and then as often as its share says.
  const seen = new Set<string>();
  const happens = (fate: string, probability: number) => {
    const yes = random.chance(probability) || (!seen.has(fate) && plan.invoices.length > 3);
    if (yes) seen.add(fate);
    return yes;
  };

  const decideFate = (invoice: InvoiceRow, lines: LineRow[], at: number) => {
    const due = helsinkiInstant(invoice.dueDate ?? today, '23:59').getTime();
    if (happens('void', 0.02)) {
      // A mistake seen while still open: voided, then invoiced again.
      schedule({
        at: at + random.int(1, 10) * DAY + random.int(0, 480) * MINUTE,
        kind: 'void',
        invoice,
      });
      return;
    }
    if (happens('unpaid', 0.015)) {
      // Never paid: overdue, or given up on two months after the due date.
      const givenUp = due + random.int(60, 90) * DAY;
      if (givenUp < nowMs && happens('uncollectible', 0.3)) {
        invoice.status = 'uncollectible';
        invoice.stripeStateAt = new Date(givenUp);
        invoice.updatedAt = new Date(givenUp);
      }
      return;
    }
    // Employers mostly pay in the last days before the due date; some early, some late.
    const payDays = random.weighted({ early: 15, onTime: 70, late: 15 });
    const paidAt =
      at +
      (payDays === 'early'
        ? random.int(5, PAYMENT_TERM_DAYS - 11)
        : payDays === 'onTime'
          ? random.int(PAYMENT_TERM_DAYS - 10, PAYMENT_TERM_DAYS)
          : random.int(PAYMENT_TERM_DAYS + 1, PAYMENT_TERM_DAYS + 30)) *
        DAY +
      random.int(0, 600) * MINUTE;
    if (paidAt >= nowMs) return;
    invoice.status = 'paid';
    invoice.paidAt = new Date(paidAt);
    invoice.paidOutOfBand = random.chance(0.15);
    invoice.stripeStateAt = new Date(paidAt);
    invoice.updatedAt = new Date(paidAt);

    if (happens('fullCredit', 0.015)) {
      schedule({
        at: paidAt + random.int(3, 30) * DAY,
        kind: 'credit',
        invoice,
        lineIds: lines.map((l) => l.id),
        reason: random.pick(fullCreditReasons),
      });
      return;
    }
    const charges = lines.filter((line) => {
      const status = billed.get(line.sessionId ?? '')?.session.row.status;
      return status === 'no_show' || status === 'cancelled';
    });
    if (charges.length > 0 && happens('waiver', 0.1)) {
      schedule({
        at: paidAt + random.int(1, 20) * DAY,
        kind: 'credit',
        invoice,
        lineIds: charges.map((l) => l.id),
        reason: random.pick(waivedChargeReasons),
      });
    }
  };

  /** Takes lines off their invoice: their sessions may be invoiced again. */
  const release = (lines: LineRow[], at: number) => {
    for (const line of lines) {
      line.releasedAt = new Date(at);
      const entry = billed.get(line.sessionId ?? '');
      if (entry?.live?.line === line) {
        entry.live = null;
        entry.touchedAt = Math.max(entry.touchedAt, at);
      }
    }
  };

  /** The owner runs the period again: the released sessions go on a new invoice. */
  const runAgain = (at: number, invoice: InvoiceRow) => {
    const start = invoice.periodStart;
    const end = invoice.periodEnd;
    if (!start || !end) return;
    const next = helsinkiDate(new Date(at + random.int(1, 3) * DAY));
    schedule({
      at: helsinkiInstant(next, `1${random.int(0, 5)}:${random.int(10, 59)}`).getTime(),
      kind: 'run',
      period: { start, end },
    });
  };

  const credit = (event: Extract<BillingEvent, { kind: 'credit' }>) => {
    const { invoice: original, at } = event;
    const chosen = (linesOf.get(original.id) ?? []).filter(
      (line) => event.lineIds.includes(line.id) && !line.releasedAt,
    );
    if (chosen.length === 0) return;
    const creditNumber = take();
    const reference = invoiceReferenceNumber(creditNumber);
    const id = random.uuid();
    const day = helsinkiDate(new Date(at));
    const subtotalCents = -chosen.reduce((n, l) => n + l.amountCents, 0);
    const vatCents = -chosen.reduce((n, l) => n + (l.vatCents ?? 0), 0);
    const sentAt = new Date(at + random.int(1, 3) * MINUTE);
    plan.invoices.push({
      id,
      practiceId,
      kind: 'credit_note',
      number: creditNumber,
      creditsInvoiceId: original.id,
      creditReason: event.reason,
      payerKind: original.payerKind,
      commissionerId: original.commissionerId,
      clientId: original.clientId,
      buyerName: original.buyerName,
      buyerAddress: original.buyerAddress,
      buyerBusinessId: original.buyerBusinessId,
      buyerEmail: original.buyerEmail,
      ...seller,
      issueDate: day,
      dueDate: day,
      periodStart: original.periodStart,
      periodEnd: original.periodEnd,
      referenceNumber: reference,
      rfReference: rfReference(reference),
      subtotalCents,
      vatCents,
      totalCents: subtotalCents + vatCents,
      status: 'paid',
      stripeAccountId: accountId,
      stripeCustomerId: original.stripeCustomerId,
      stripeCreditNoteId: stripeId(random, 'cn'),
      sentAt,
      createdBy: ownerId,
      createdAt: new Date(at),
      updatedAt: sentAt,
    });
    plan.lines.push(
      ...chosen.map((line, index): LineRow => ({
        id: random.uuid(),
        invoiceId: id,
        practiceId,
        position: index + 1,
        sessionId: null,
        contractId: line.contractId,
        creditsLineId: line.id,
        description: line.description,
        serviceDate: line.serviceDate,
        quantity: line.quantity,
        unitPriceCents: -(line.unitPriceCents ?? 0),
        amountCents: -line.amountCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        vatExemptReason: line.vatExemptReason,
        vatCents: -(line.vatCents ?? 0),
        createdAt: new Date(at),
      })),
    );
    release(chosen, at);
    if ((linesOf.get(original.id) ?? []).every((line) => line.releasedAt)) {
      original.creditedAt = new Date(at);
      original.updatedAt = new Date(at);
    }
    if (fullCreditReasons.some((reason) => reason === event.reason)) {
      runAgain(at, original);
      return;
    }
    // The charge is let go (corrections.server.ts, waiveCharge), so no run bills it again.
    for (const line of chosen) {
      const entry = billed.get(line.sessionId ?? '');
      if (!entry) continue;
      const waivedAt = at + random.int(5, 60) * MINUTE;
      entry.waived = true;
      entry.touchedAt = Math.max(entry.touchedAt, waivedAt);
      entry.session.row.chargeable = false;
      entry.session.row.chargeWaivedReason = event.reason;
      input.changes.push({
        sessionId: entry.session.row.id,
        practiceId,
        changedBy: entry.session.row.supervisorId,
        kind: 'charge_waived',
        createdAt: new Date(waivedAt),
      });
    }
  };

  while (events.length > 0) {
    events.sort((a, b) => a.at - b.at);
    const event = events.shift();
    if (!event) break;
    if (event.kind === 'run') run(event.at, event.period);
    else if (event.kind === 'credit') credit(event);
    else {
      const { invoice, at } = event;
      invoice.status = 'void';
      invoice.voidedAt = new Date(at);
      invoice.stripeStateAt = new Date(at);
      invoice.updatedAt = new Date(at);
      release(linesOf.get(invoice.id) ?? [], at);
      runAgain(at, invoice);
    }
  }

  // The sessions as billing left them: invoiced while on a live line, and touched when last
  // changed (the columns' $onUpdate would have set updated_at).
  for (const entry of billed.values()) {
    const row = entry.session.row;
    row.invoicedAt = entry.live ? new Date(entry.live.at) : null;
    if (entry.touchedAt > row.updatedAt.getTime()) row.updatedAt = new Date(entry.touchedAt);
  }
  for (const rate of [...taxRates].sort((a, b) => a - b)) {
    plan.taxRates.push({
      stripeAccountId: accountId,
      rateBasisPoints: rate,
      practiceId,
      stripeTaxRateId: stripeId(random, 'txr'),
      createdAt: connectedAt,
    });
  }
  plan.nextInvoiceNumber = number;
  return plan;
}

/** The first day of the month `months` after the month of `date` (a first of a month). */
function addMonths(date: LocalDate, months: number): LocalDate {
  const [year = 0, month = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
