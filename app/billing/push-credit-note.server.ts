/**
 * Pushing one of our credit notes to Stripe: a credit note of the original's Stripe invoice,
 * one line per credited line (Stripe's invoice line item, found by our line id in its
 * metadata), the whole amount as credited outside Stripe. Runs inside pushInvoice's
 * transaction and row lock, like an invoice's push, with the same recovery: the stored id,
 * then our id among the invoice's credit notes (a list sees them at once; the idempotency key
 * covers only 24 hours), then a new one under a key made from our id.
 */
import { and, asc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import type { Db } from '#db/client';
import { type Invoice, invoiceLines, invoices } from '#db/schema';

import { advanceStatus } from './invoice-status';
import { allLines, pushKeys, PushStoppedError } from './push-stripe-objects.server';

export async function pushCreditNoteSteps(
  tx: Db,
  stripe: Stripe,
  creditNote: Invoice,
  now: Date,
): Promise<void> {
  const account = { stripeAccount: creditNote.stripeAccountId };
  const ours = and(eq(invoices.id, creditNote.id), eq(invoices.practiceId, creditNote.practiceId));
  const [original] = creditNote.creditsInvoiceId
    ? await tx
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.id, creditNote.creditsInvoiceId),
            eq(invoices.practiceId, creditNote.practiceId),
          ),
        )
    : [];
  if (!original?.stripeInvoiceId) {
    throw new PushStoppedError('the credited invoice is not at Stripe');
  }
  const stripeCreditNote = await findOrCreate(stripe, tx, creditNote, original.stripeInvoiceId);
  if (creditNote.stripeCreditNoteId !== stripeCreditNote.id) {
    await tx.update(invoices).set({ stripeCreditNoteId: stripeCreditNote.id }).where(ours);
  }
  assertCreditTotals(creditNote, stripeCreditNote);
  const [current] = await tx.select({ status: invoices.status }).from(invoices).where(ours);
  // Issued and settled at once: nothing is due on a credit note.
  const next = current ? advanceStatus(current.status, 'paid') : null;
  await tx
    .update(invoices)
    .set({ ...(next ? { status: next } : {}), sentAt: now, pushError: null })
    .where(ours);

  async function findOrCreate(
    client: Stripe,
    db: Db,
    note: Invoice,
    stripeInvoiceId: string,
  ): Promise<Stripe.CreditNote> {
    if (note.stripeCreditNoteId) {
      return client.creditNotes.retrieve(note.stripeCreditNoteId, {}, account);
    }
    const existing = await client.creditNotes.list(
      { invoice: stripeInvoiceId, limit: 100 },
      account,
    );
    const adopted = existing.data.find(
      (candidate) =>
        candidate.metadata?.ohjaamo_invoice_id === note.id && candidate.status !== 'void',
    );
    if (adopted) return adopted;

    const stripeInvoice = await client.invoices.retrieve(stripeInvoiceId, {}, account);
    const stripeLineOf = new Map<string, string>();
    for (const line of await allLines(client, note.stripeAccountId, stripeInvoice)) {
      const lineId = line.metadata?.ohjaamo_line_id;
      if (lineId) stripeLineOf.set(lineId, line.id);
    }
    const credited = await db
      .select({ creditsLineId: invoiceLines.creditsLineId })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.invoiceId, note.id), eq(invoiceLines.practiceId, note.practiceId)))
      .orderBy(asc(invoiceLines.position));
    const lines = credited.map(({ creditsLineId }) => {
      const stripeLine = creditsLineId ? stripeLineOf.get(creditsLineId) : undefined;
      if (!stripeLine) {
        throw new PushStoppedError(
          `a credited line is not on Stripe invoice ${stripeInvoiceId}; the credit note was not issued`,
        );
      }
      return { type: 'invoice_line_item' as const, invoice_line_item: stripeLine, quantity: 1 };
    });
    if (lines.length === 0) throw new PushStoppedError('the credit note has no lines');
    return client.creditNotes.create(
      {
        invoice: stripeInvoiceId,
        lines,
        out_of_band_amount: -note.totalCents,
        memo: `Hyvityslasku ${note.number}: ${note.creditReason ?? ''}`.slice(0, 500),
        metadata: {
          ohjaamo_invoice_id: note.id,
          ohjaamo_practice_id: note.practiceId,
          ohjaamo_number: String(note.number),
        },
      },
      {
        ...account,
        idempotencyKey: pushKeys.invoice(note.practiceId, note.id, 'credit'),
      },
    );
  }
}

/** Stripe's credit note must take back exactly what ours does, to the cent. */
function assertCreditTotals(creditNote: Invoice, stripeCreditNote: Stripe.CreditNote): void {
  const stripeVat = (stripeCreditNote.total_taxes ?? []).reduce((s, tax) => s + tax.amount, 0);
  const differences = [
    ['subtotal', -creditNote.subtotalCents, stripeCreditNote.subtotal],
    ['VAT', -creditNote.vatCents, stripeVat],
    ['total', -creditNote.totalCents, stripeCreditNote.total],
  ].filter(([, ours, theirs]) => ours !== theirs);
  if (differences.length > 0) {
    const text = differences
      .map(([name, ours, theirs]) => `${name} ${ours} here, ${theirs} at Stripe`)
      .join('; ');
    throw new PushStoppedError(`credit note totals differ (cents): ${text}`);
  }
}
