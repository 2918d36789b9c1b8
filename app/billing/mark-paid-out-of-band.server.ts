/**
 * The owner records that the payer paid an invoice by bank transfer, straight to the
 * practice's account. Stripe is told (`paid_out_of_band`), so it stops collecting and its
 * Dashboard agrees with ours; then our row is paid.
 */
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

import { invoices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { assertMayManageBilling } from './access.server';
import { advanceStatus } from './invoice-status';
import { stripeRefusal } from './invoice-stripe-errors.server';
import { pushKeys } from './push-stripe-objects.server';

export type MarkPaidOutcome = 'paid' | 'unchanged';

/**
 * Open or uncollectible invoices only: a pending one is not at Stripe yet, a void one is
 * gone. The row stays locked while Stripe is asked, so a second press waits and then finds
 * the invoice paid (`unchanged`); were our answer lost, the key makes Stripe's second
 * answer the first one.
 */
export async function markPaidOutOfBand(
  ctx: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
  invoiceId: string,
): Promise<MarkPaidOutcome> {
  assertMayManageBilling(actor);
  return ctx.db.transaction(async (tx) => {
    const ours = and(eq(invoices.id, invoiceId), eq(invoices.practiceId, actor.practiceId));
    const [invoice] = await tx.select().from(invoices).where(ours).for('update');
    if (!invoice) throw new AppError('not_found');
    if (invoice.status === 'paid') return 'unchanged';
    const next = advanceStatus(invoice.status, 'paid');
    if (!next || invoice.status === 'pending' || !invoice.stripeInvoiceId) {
      throw new AppError('conflict', 'invoicePage.error.notOpen');
    }
    await stripe.invoices
      .pay(
        invoice.stripeInvoiceId,
        { paid_out_of_band: true },
        {
          stripeAccount: invoice.stripeAccountId,
          idempotencyKey: pushKeys.invoice(actor.practiceId, invoice.id, 'pay'),
        },
      )
      .catch(stripeRefusal);
    await tx
      .update(invoices)
      .set({ status: next, paidOutOfBand: true, paidAt: ctx.now })
      .where(ours);
    return 'paid';
  });
}
