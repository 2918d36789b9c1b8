/**
 * Pushing one of our pending invoices to Stripe (ADR 017 point 2): customer, tax rates, the
 * invoice, its items, finalize, compare the totals, send. Every call carries the practice's
 * account and an idempotency key made from our ids, and every result is written to our row
 * before the next call, so a push that stops anywhere is finished by pushing again.
 *
 * One push of an invoice at a time: the whole push runs in one transaction that holds our
 * invoice row `for update`. A second push of the same invoice (a double click, two owners,
 * two runs) waits on that lock, then finds the invoice sent and does nothing. Holding a row
 * lock across a handful of Stripe calls is the simplest design that is correct on both
 * databases: PGlite has one connection, so a session advisory lock beside the transaction
 * would not exclude anything there, and a lease column would need expiry rules of its own.
 * When a Stripe call fails, the transaction still commits what the earlier steps stored and
 * the error; a crash of the process loses the uncommitted steps, and the idempotency keys,
 * the metadata search and the listing of the invoice's lines find their results again.
 */
import { and, asc, eq } from 'drizzle-orm';
import Stripe from 'stripe';

import type { Db } from '#db/client';
import { type Invoice, type InvoiceLine, invoiceLines, invoices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import { advanceStatus } from './invoice-status';
import { pushCreditNoteSteps } from './push-credit-note.server';
import {
  allLines,
  ensureCustomer,
  ensureTaxRates,
  pushKeys,
  PushStoppedError,
} from './push-stripe-objects.server';
import {
  daysUntilDue,
  invoiceCustomFields,
  invoiceFooter,
  servicePeriod,
} from './stripe-invoice-content';

export type PushOutcome =
  { status: 'sent' } | { status: 'unchanged' } | { status: 'failed'; error: string };

/**
 * Pushes our invoice to Stripe and sends it. Internal: the caller has checked that the
 * actor may invoice. An invoice already sent, or no longer pending or open, is left as it is.
 */
export async function pushInvoice(
  ctx: DomainContext,
  stripe: Stripe,
  invoiceId: string,
  practiceId: string,
): Promise<PushOutcome> {
  return ctx.db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.practiceId, practiceId)))
      .for('update');
    if (!invoice) throw new AppError('not_found');
    if (!awaitsPush(invoice)) return { status: 'unchanged' };
    try {
      if (invoice.kind === 'credit_note') await pushCreditNoteSteps(tx, stripe, invoice, ctx.now);
      else await pushSteps(tx, stripe, invoice, ctx.now);
      return { status: 'sent' };
    } catch (error) {
      // Database errors abort the transaction and go to the caller; what Stripe or our own
      // checks refused is kept on the invoice for the owner to see.
      if (!(error instanceof Stripe.errors.StripeError || error instanceof PushStoppedError)) {
        throw error;
      }
      const message = describePushError(error);
      await tx
        .update(invoices)
        .set({ pushError: message })
        .where(and(eq(invoices.id, invoice.id), eq(invoices.practiceId, practiceId)));
      return { status: 'failed', error: message };
    }
  });
}

/**
 * Pending, or open but not yet sent: a webhook of the finalize may have moved our status to
 * open before the push got to send.
 */
export function awaitsPush(invoice: Pick<Invoice, 'status' | 'sentAt'>): boolean {
  return invoice.sentAt === null && (invoice.status === 'pending' || invoice.status === 'open');
}

function describePushError(error: Stripe.errors.StripeError | PushStoppedError): string {
  if (error instanceof PushStoppedError) return error.message;
  const code = error.code ? ` (${error.code})` : '';
  return `Stripe: ${error.message}${code}`;
}

async function pushSteps(tx: Db, stripe: Stripe, invoice: Invoice, now: Date): Promise<void> {
  const account = { stripeAccount: invoice.stripeAccountId };
  const ours = and(eq(invoices.id, invoice.id), eq(invoices.practiceId, invoice.practiceId));
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(
      and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.practiceId, invoice.practiceId)),
    )
    .orderBy(asc(invoiceLines.position));
  if (lines.length === 0) throw new PushStoppedError('the invoice has no lines');

  const customerId = await ensureCustomer(tx, stripe, invoice);
  if (invoice.stripeCustomerId !== customerId) {
    await tx.update(invoices).set({ stripeCustomerId: customerId }).where(ours);
  }
  const taxRateIds = await ensureTaxRates(
    tx,
    stripe,
    invoice,
    lines.flatMap((line) => (line.vatRateBasisPoints === null ? [] : [line.vatRateBasisPoints])),
  );

  let stripeInvoice = await findOrCreateStripeInvoice(stripe, invoice, customerId, lines);
  if (invoice.stripeInvoiceId !== stripeInvoice.id) {
    await tx.update(invoices).set({ stripeInvoiceId: stripeInvoice.id }).where(ours);
  }

  const missing = await storeItemIds(tx, stripe, invoice, stripeInvoice, lines);
  if (stripeInvoice.status === 'draft') {
    for (const line of missing) {
      const item = await stripe.invoiceItems.create(
        {
          customer: customerId,
          invoice: stripeInvoice.id,
          amount: line.amountCents,
          currency: 'eur',
          description: line.description,
          period: servicePeriod(line.serviceDate),
          ...(line.vatRateBasisPoints === null
            ? {}
            : { tax_rates: [taxRateOf(taxRateIds, line.vatRateBasisPoints)] }),
          metadata: { ohjaamo_line_id: line.id },
        },
        { ...account, idempotencyKey: pushKeys.line(invoice.practiceId, line.id) },
      );
      await storeItemId(tx, invoice.practiceId, line.id, item.id);
    }
    stripeInvoice = await stripe.invoices.finalizeInvoice(
      stripeInvoice.id,
      { auto_advance: false },
      { ...account, idempotencyKey: pushKeys.invoice(invoice.practiceId, invoice.id, 'finalize') },
    );
  } else if (missing.length > 0) {
    throw new PushStoppedError(
      `Stripe invoice ${stripeInvoice.id} is ${stripeInvoice.status ?? 'finalised'} without ` +
        `${missing.length} of our lines`,
    );
  }

  assertTotalsMatch(invoice, stripeInvoice);

  // A paid (or otherwise settled) invoice needs no sending; only an open one is sent.
  if (stripeInvoice.status === 'open') {
    stripeInvoice = await stripe.invoices.sendInvoice(
      stripeInvoice.id,
      {},
      { ...account, idempotencyKey: pushKeys.invoice(invoice.practiceId, invoice.id, 'send') },
    );
  }
  const [current] = await tx.select({ status: invoices.status }).from(invoices).where(ours);
  const next = current ? advanceStatus(current.status, 'open') : null;
  await tx
    .update(invoices)
    .set({
      ...(next ? { status: next } : {}),
      hostedInvoiceUrl: stripeInvoice.hosted_invoice_url ?? invoice.hostedInvoiceUrl,
      sentAt: now,
      pushError: null,
    })
    .where(ours);
}

/**
 * The Stripe invoice of ours: by the id we stored; else by our id in its metadata (a create
 * whose answer was lost, later than the 24 hours an idempotency key is kept); else new.
 */
async function findOrCreateStripeInvoice(
  stripe: Stripe,
  invoice: Invoice,
  customerId: string,
  lines: readonly InvoiceLine[],
): Promise<Stripe.Invoice> {
  const account = { stripeAccount: invoice.stripeAccountId };
  if (invoice.stripeInvoiceId) {
    return stripe.invoices.retrieve(invoice.stripeInvoiceId, {}, account);
  }
  const found = await stripe.invoices.search(
    { query: `metadata['ohjaamo_invoice_id']:'${invoice.id}'`, limit: 10 },
    account,
  );
  // Newest first: the oldest is the one any earlier push went on with.
  const adopted = found.data.filter((candidate) => candidate.status !== 'void').at(-1);
  if (adopted) return adopted;
  return stripe.invoices.create(
    {
      customer: customerId,
      collection_method: 'send_invoice',
      days_until_due: daysUntilDue(invoice.issueDate, invoice.dueDate),
      number: String(invoice.number),
      auto_advance: false,
      pending_invoice_items_behavior: 'exclude',
      currency: 'eur',
      custom_fields: invoiceCustomFields(invoice),
      footer: invoiceFooter(invoice, lines),
      metadata: {
        ohjaamo_invoice_id: invoice.id,
        ohjaamo_practice_id: invoice.practiceId,
        ohjaamo_number: String(invoice.number),
      },
    },
    { ...account, idempotencyKey: pushKeys.invoice(invoice.practiceId, invoice.id, 'create') },
  );
}

/**
 * Stores the item ids of our lines already on the Stripe invoice (found by the line id in
 * their metadata) and returns the lines that are not there yet.
 */
async function storeItemIds(
  tx: Db,
  stripe: Stripe,
  invoice: Invoice,
  stripeInvoice: Stripe.Invoice,
  lines: readonly InvoiceLine[],
): Promise<InvoiceLine[]> {
  const itemOfLine = new Map<string, string>();
  for (const stripeLine of await allLines(stripe, invoice.stripeAccountId, stripeInvoice)) {
    const lineId = stripeLine.metadata?.ohjaamo_line_id;
    const itemId = stripeLine.parent?.invoice_item_details?.invoice_item;
    if (lineId && itemId) itemOfLine.set(lineId, itemId);
  }
  const missing: InvoiceLine[] = [];
  for (const line of lines) {
    const itemId = itemOfLine.get(line.id);
    if (!itemId) missing.push(line);
    else if (line.stripeInvoiceItemId !== itemId) {
      await storeItemId(tx, invoice.practiceId, line.id, itemId);
    }
  }
  return missing;
}

async function storeItemId(tx: Db, practiceId: string, lineId: string, itemId: string) {
  await tx
    .update(invoiceLines)
    .set({ stripeInvoiceItemId: itemId })
    .where(and(eq(invoiceLines.id, lineId), eq(invoiceLines.practiceId, practiceId)));
}

function taxRateOf(ids: ReadonlyMap<number, string>, basisPoints: number): string {
  const id = ids.get(basisPoints);
  if (!id) throw new Error(`no Stripe tax rate for ${basisPoints} basis points`);
  return id;
}

/**
 * Our invoice is the lawful document: Stripe's finalised invoice must carry the same
 * amounts to the cent, or it is not sent.
 */
function assertTotalsMatch(invoice: Invoice, stripeInvoice: Stripe.Invoice): void {
  const stripeVat = (stripeInvoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0);
  const differences = [
    ['subtotal', invoice.subtotalCents, stripeInvoice.subtotal],
    ['VAT', invoice.vatCents, stripeVat],
    ['total', invoice.totalCents, stripeInvoice.total],
  ].filter(([, ours, theirs]) => ours !== theirs);
  if (differences.length > 0) {
    const text = differences
      .map(([name, ours, theirs]) => `${name} ${ours} here, ${theirs} at Stripe`)
      .join('; ');
    throw new PushStoppedError(`totals differ (cents): ${text}; the invoice was not sent`);
  }
}
