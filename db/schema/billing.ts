import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { clients } from './clients';
import { createdAt, id, timestamptz, updatedAt } from './columns';
import { commissioners } from './commissioners';
import { contracts } from './contracts';
import { practices } from './practices';
import { supervisionSessions } from './supervision-sessions';
import { users } from './users';
import { invoiceKinds, invoiceStatuses, payers } from './values';

/**
 * The practice's own Stripe account (Connect; the practice is the merchant). One row per
 * practice; disconnecting keeps the row, so the history of invoices still names the account.
 */
export const stripeConnections = pgTable('stripe_connections', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id, { onDelete: 'cascade' }),
  accountId: text('account_id').notNull().unique(),
  detailsSubmitted: boolean('details_submitted').notNull().default(false),
  chargesEnabled: boolean('charges_enabled').notNull().default(false),
  payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
  /** Stripe's `requirements.currently_due`: what the owner still has to fill in at Stripe. */
  requirementsDue: text('requirements_due')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** The `created` time of the account.updated event last applied: older events are ignored. */
  stateAt: timestamptz('state_at'),
  connectedAt: createdAt(),
  disconnectedAt: timestamptz('disconnected_at'),
  updatedAt: updatedAt(),
});

/**
 * A contract's price and VAT from a moment on. Invoices price a session by the row in force
 * when the session took place, so a later price change does not rewrite the past.
 */
export const contractPrices = pgTable(
  'contract_prices',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    effectiveFrom: timestamptz('effective_from').notNull(),
    priceCents: integer('price_cents').notNull(),
    /** VAT in basis points (2550 = 25.5 %); null when the sale is exempt. */
    vatRateBasisPoints: integer('vat_rate_basis_points'),
    vatExemptReason: text('vat_exempt_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    // The price in force at a session's time: the latest row at or before it.
    index('contract_prices_contract_time_idx').on(t.contractId, t.effectiveFrom),
    check('contract_prices_price_nonnegative', sql`${t.priceCents} >= 0`),
  ],
);

/** One confirmed invoice run of a practice for a period (a month by default). */
export const invoiceRuns = pgTable(
  'invoice_runs',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    /** Inclusive. */
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Every invoice of the run reached Stripe and was sent. */
    completedAt: timestamptz('completed_at'),
  },
  (t) => [
    // A practice's runs, newest first.
    index('invoice_runs_practice_idx').on(t.practiceId, t.createdAt),
  ],
);

/**
 * Our invoice (or credit note): the lawful document, written before anything reaches Stripe.
 * Seller and buyer details are copied at issue, as the invoice must keep showing them.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => invoiceRuns.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: invoiceKinds }).notNull().default('invoice'),
    /** Sequential per practice, shared by invoices and credit notes. */
    number: integer('number').notNull(),
    /** For a credit note: the invoice it corrects. */
    creditsInvoiceId: uuid('credits_invoice_id').references((): AnyPgColumn => invoices.id),
    /** For a credit note: why it was issued, in the owner's words; printed on it. */
    creditReason: text('credit_reason'),
    payerKind: text('payer_kind', { enum: payers }).notNull(),
    commissionerId: uuid('commissioner_id').references(() => commissioners.id),
    clientId: uuid('client_id').references(() => clients.id),
    buyerName: text('buyer_name').notNull(),
    buyerAddress: text('buyer_address').notNull(),
    buyerBusinessId: text('buyer_business_id'),
    buyerVatNumber: text('buyer_vat_number'),
    buyerEmail: text('buyer_email'),
    sellerName: text('seller_name').notNull(),
    sellerAddress: text('seller_address').notNull(),
    sellerBusinessId: text('seller_business_id').notNull(),
    sellerVatNumber: text('seller_vat_number'),
    sellerIban: text('seller_iban').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    /** Viitenumero (7-3-1) made from the number, and its RF creditor reference. */
    referenceNumber: text('reference_number').notNull(),
    rfReference: text('rf_reference').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    status: text('status', { enum: invoiceStatuses }).notNull().default('pending'),
    stripeAccountId: text('stripe_account_id').notNull(),
    stripeCustomerId: text('stripe_customer_id'),
    stripeInvoiceId: text('stripe_invoice_id').unique(),
    /** For a credit note: Stripe's credit note of the original invoice. */
    stripeCreditNoteId: text('stripe_credit_note_id').unique(),
    hostedInvoiceUrl: text('hosted_invoice_url'),
    /**
     * Why the last push to Stripe stopped (a Stripe error, totals that differ from ours), for
     * the owner to see; cleared when a push completes.
     */
    pushError: text('push_error'),
    /** The push reached Stripe's finalize and send: nothing of this invoice is left to do. */
    sentAt: timestamptz('sent_at'),
    paidAt: timestamptz('paid_at'),
    /** When Stripe last reported a failed payment attempt (`invoice.payment_failed`). */
    paymentFailedAt: timestamptz('payment_failed_at'),
    /** Paid by bank transfer and marked by the owner (Stripe is told `paid_out_of_band`). */
    paidOutOfBand: boolean('paid_out_of_band').notNull().default(false),
    voidedAt: timestamptz('voided_at'),
    /** Every line of this invoice has been credited: it reads "credited" in the list. */
    creditedAt: timestamptz('credited_at'),
    /** The `created` time of the Stripe event last applied, for ordering late deliveries. */
    stripeStateAt: timestamptz('stripe_state_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_practice_number_key').on(t.practiceId, t.number),
    // The invoice list: a practice's invoices by issue date (filters by status and month).
    index('invoices_practice_issue_idx').on(t.practiceId, t.issueDate),
    // A run's invoices, for the push and its resumption.
    index('invoices_run_idx').on(t.runId),
    // An invoice's credit notes, shown on its page.
    index('invoices_credits_idx')
      .on(t.creditsInvoiceId)
      .where(sql`${t.creditsInvoiceId} is not null`),
    check(
      'invoices_credit_note_names_original',
      sql`(${t.kind} = 'credit_note') = (${t.creditsInvoiceId} is not null)`,
    ),
    check(
      'invoices_one_payer',
      sql`(${t.payerKind} = 'commissioner' and ${t.commissionerId} is not null)
        or (${t.payerKind} = 'supervisee' and ${t.clientId} is not null)`,
    ),
  ],
);

/** A line of an invoice: one session (or, on a credit note, the correction of one line). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sessionId: uuid('session_id').references(() => supervisionSessions.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    /** For a credit note's line: the line it corrects. */
    creditsLineId: uuid('credits_line_id').references((): AnyPgColumn => invoiceLines.id),
    /** Neutral text: duration, date, contract code; never a name unless the contract allows. */
    description: text('description').notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    quantity: integer('quantity').notNull().default(1),
    unitPriceCents: integer('unit_price_cents').notNull(),
    amountCents: integer('amount_cents').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points'),
    vatExemptReason: text('vat_exempt_reason'),
    vatCents: integer('vat_cents').notNull(),
    stripeInvoiceItemId: text('stripe_invoice_item_id'),
    /** Set when the invoice is voided or the line credited: the session may be billed again. */
    releasedAt: timestamptz('released_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The promise of billing: a session is on at most one live invoice line.
    uniqueIndex('invoice_lines_live_session_key')
      .on(t.sessionId)
      .where(sql`${t.sessionId} is not null and ${t.releasedAt} is null`),
    // A line is credited at most once (a second credit note for it is refused).
    uniqueIndex('invoice_lines_credits_line_key')
      .on(t.creditsLineId)
      .where(sql`${t.creditsLineId} is not null`),
    // An invoice's lines in order.
    index('invoice_lines_invoice_idx').on(t.invoiceId, t.position),
    // The foreign key to the session: deleting a session (or a contract or a practice, which
    // cascade to their sessions) checks that no line, live or released, still points at it.
    // The live-line key above holds live lines only, so without this each check scans them all.
    index('invoice_lines_session_idx').on(t.sessionId),
    // The same for the foreign key to the contract, checked when a contract (or a practice)
    // is deleted.
    index('invoice_lines_contract_idx').on(t.contractId),
    check(
      'invoice_lines_vat_or_reason',
      sql`${t.vatRateBasisPoints} is not null or ${t.vatExemptReason} is not null`,
    ),
  ],
);

/** The Stripe customer of a payer on a connected account: created once, then reused. */
export const stripeCustomers = pgTable(
  'stripe_customers',
  {
    id: id(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    stripeAccountId: text('stripe_account_id').notNull(),
    payerKind: text('payer_kind', { enum: payers }).notNull(),
    /** The commissioner's or the client's id, as payerKind says. */
    payerId: uuid('payer_id').notNull(),
    stripeCustomerId: text('stripe_customer_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stripe_customers_payer_key').on(
      t.practiceId,
      t.stripeAccountId,
      t.payerKind,
      t.payerId,
    ),
  ],
);

/** A VAT rate as a Stripe tax rate object on a connected account, made once per rate. */
export const stripeTaxRates = pgTable(
  'stripe_tax_rates',
  {
    stripeAccountId: text('stripe_account_id').notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    stripeTaxRateId: text('stripe_tax_rate_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.stripeAccountId, t.rateBasisPoints] })],
);

/** Stripe events already applied: a redelivered event id changes nothing. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  accountId: text('account_id'),
  type: text('type').notNull(),
  receivedAt: createdAt(),
});

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
