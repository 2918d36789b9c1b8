/**
 * The Stripe objects an invoice push shares with other invoices of the same connected
 * account — the payer's customer and one tax rate per VAT rate — made once and remembered
 * in our tables (stripe_customers, stripe_tax_rates), then reused.
 */
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import type { Db } from '#db/client';
import { type Invoice, stripeCustomers, stripeTaxRates } from '#db/schema';

import { stripeAddress } from './stripe-invoice-content';
import { ratePercentage } from './vat';

/**
 * Idempotency keys made from our own ids, so that a repeated push — by a retry, a second
 * process or the owner's button — asks Stripe for the same thing under the same key and
 * gets the first answer back instead of a second object (ADR 017 point 2).
 */
export const pushKeys = {
  customer: (practiceId: string, payerKind: string, payerId: string) =>
    `ohjaamo:${practiceId}:customer:${payerKind}:${payerId}`,
  taxRate: (practiceId: string, accountId: string, basisPoints: number) =>
    `ohjaamo:${practiceId}:taxrate:${accountId}:${basisPoints}`,
  invoice: (
    practiceId: string,
    invoiceId: string,
    step: 'create' | 'finalize' | 'send' | 'pay' | 'void' | 'credit',
  ) => `ohjaamo:${practiceId}:invoice:${invoiceId}:${step}`,
  line: (practiceId: string, lineId: string) => `ohjaamo:${practiceId}:line:${lineId}`,
};

/** A push that cannot go on for a reason of ours (not Stripe's): recorded as push_error. */
export class PushStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PushStoppedError';
  }
}

type PushedInvoice = Pick<
  Invoice,
  | 'id'
  | 'practiceId'
  | 'stripeAccountId'
  | 'payerKind'
  | 'commissionerId'
  | 'clientId'
  | 'buyerName'
  | 'buyerAddress'
  | 'buyerEmail'
  | 'buyerBusinessId'
>;

/**
 * The Stripe customer of the invoice's payer on the invoice's account. Stripe's test API
 * has `tax_id_data`, but the stand-in takes no tax ids; the buyer's business ID goes to the
 * metadata and to the invoice's custom fields, which is where a Finnish payer looks for it.
 */
export async function ensureCustomer(
  tx: Db,
  stripe: Stripe,
  invoice: PushedInvoice,
): Promise<string> {
  const payerId = invoice.payerKind === 'commissioner' ? invoice.commissionerId : invoice.clientId;
  if (!payerId) throw new PushStoppedError('the invoice names no payer');
  const ofPayer = and(
    eq(stripeCustomers.practiceId, invoice.practiceId),
    eq(stripeCustomers.stripeAccountId, invoice.stripeAccountId),
    eq(stripeCustomers.payerKind, invoice.payerKind),
    eq(stripeCustomers.payerId, payerId),
  );
  const known = await readCustomer(tx, ofPayer);
  if (known) return known;
  const customer = await stripe.customers.create(
    {
      name: invoice.buyerName,
      ...(invoice.buyerEmail ? { email: invoice.buyerEmail } : {}),
      address: stripeAddress(invoice.buyerAddress),
      metadata: {
        ohjaamo_payer_kind: invoice.payerKind,
        ohjaamo_payer_id: payerId,
        ...(invoice.buyerBusinessId ? { ohjaamo_business_id: invoice.buyerBusinessId } : {}),
      },
    },
    {
      stripeAccount: invoice.stripeAccountId,
      idempotencyKey: pushKeys.customer(invoice.practiceId, invoice.payerKind, payerId),
    },
  );
  // Another push of the same payer may have stored its customer first (the same one, by the
  // idempotency key): keep whichever row is there.
  await tx
    .insert(stripeCustomers)
    .values({
      practiceId: invoice.practiceId,
      stripeAccountId: invoice.stripeAccountId,
      payerKind: invoice.payerKind,
      payerId,
      stripeCustomerId: customer.id,
    })
    .onConflictDoNothing();
  const stored = await readCustomer(tx, ofPayer);
  if (!stored) throw new Error('the Stripe customer row vanished after its insert');
  return stored;
}

async function readCustomer(tx: Db, ofPayer: ReturnType<typeof and>): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: stripeCustomers.stripeCustomerId })
    .from(stripeCustomers)
    .where(ofPayer);
  return row?.id;
}

/** Stripe's tax rate id for each VAT rate (basis points) the invoice's lines use. */
export async function ensureTaxRates(
  tx: Db,
  stripe: Stripe,
  invoice: Pick<Invoice, 'practiceId' | 'stripeAccountId'>,
  basisPoints: readonly number[],
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const rate of new Set(basisPoints)) {
    ids.set(rate, await ensureTaxRate(tx, stripe, invoice, rate));
  }
  return ids;
}

async function ensureTaxRate(
  tx: Db,
  stripe: Stripe,
  { practiceId, stripeAccountId }: Pick<Invoice, 'practiceId' | 'stripeAccountId'>,
  rateBasisPoints: number,
): Promise<string> {
  const ofRate = and(
    eq(stripeTaxRates.stripeAccountId, stripeAccountId),
    eq(stripeTaxRates.rateBasisPoints, rateBasisPoints),
    eq(stripeTaxRates.practiceId, practiceId),
  );
  const read = async () => {
    const [row] = await tx
      .select({ id: stripeTaxRates.stripeTaxRateId })
      .from(stripeTaxRates)
      .where(ofRate);
    return row?.id;
  };
  const known = await read();
  if (known) return known;
  const taxRate = await stripe.taxRates.create(
    {
      display_name: 'ALV',
      percentage: ratePercentage(rateBasisPoints),
      inclusive: false,
      country: 'FI',
      tax_type: 'vat',
    },
    {
      stripeAccount: stripeAccountId,
      idempotencyKey: pushKeys.taxRate(practiceId, stripeAccountId, rateBasisPoints),
    },
  );
  await tx
    .insert(stripeTaxRates)
    .values({ stripeAccountId, rateBasisPoints, practiceId, stripeTaxRateId: taxRate.id })
    .onConflictDoNothing();
  const stored = await read();
  if (!stored) throw new PushStoppedError('the VAT rate belongs to another practice’s account');
  return stored;
}

/** The invoice object carries its first lines; Stripe pages the rest (ten by default). */
export async function allLines(
  stripe: Stripe,
  stripeAccount: string,
  stripeInvoice: Stripe.Invoice,
): Promise<Stripe.InvoiceLineItem[]> {
  if (!stripeInvoice.lines.has_more) return stripeInvoice.lines.data;
  return stripe.invoices
    .listLineItems(stripeInvoice.id, { limit: 100 }, { stripeAccount })
    .autoPagingToArray({ limit: 10_000 });
}
