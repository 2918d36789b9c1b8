/**
 * The owner voids an open invoice (ADR 017 point 7): Stripe voids it, our row becomes void,
 * and its sessions are released — they may be corrected and invoiced again. A paid invoice
 * is not voided but credited.
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
import { releaseInvoiceLines } from './release-lines.server';

export type VoidOutcome = 'void' | 'unchanged';

/**
 * Under the invoice's row lock, like the push and marking paid: a second press waits, then
 * finds the invoice void and changes nothing.
 */
export async function voidInvoice(
  ctx: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
  invoiceId: string,
): Promise<VoidOutcome> {
  assertMayManageBilling(actor);
  return ctx.db.transaction(async (tx) => {
    const ours = and(eq(invoices.id, invoiceId), eq(invoices.practiceId, actor.practiceId));
    const [invoice] = await tx.select().from(invoices).where(ours).for('update');
    if (!invoice) throw new AppError('not_found');
    if (invoice.status === 'void') return 'unchanged';
    const next = advanceStatus(invoice.status, 'void');
    if (invoice.status !== 'open' || !next || !invoice.stripeInvoiceId) {
      throw new AppError('conflict', 'invoicePage.error.notOpen');
    }
    await stripe.invoices
      .voidInvoice(
        invoice.stripeInvoiceId,
        {},
        {
          stripeAccount: invoice.stripeAccountId,
          idempotencyKey: pushKeys.invoice(actor.practiceId, invoice.id, 'void'),
        },
      )
      .catch(stripeRefusal);
    await tx.update(invoices).set({ status: next, voidedAt: ctx.now }).where(ours);
    await releaseInvoiceLines(tx, actor.practiceId, invoice.id, ctx.now);
    return 'void';
  });
}
