/**
 * What a Stripe event changes here (ADR 017). Each event is applied once: its id is recorded
 * in the same transaction as its effect, so a redelivery — even one arriving while the first
 * is still being applied — finds the id and changes nothing. Effects only move forward
 * (invoice-status.ts; an account's state by the event's time), so late and reordered events
 * are safe. Event types we do not act on are recorded and ignored.
 */
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type Stripe from 'stripe';

import type { Db } from '#db/client';
import { invoices, stripeConnections, stripeEvents } from '#db/schema';
import type { DomainContext } from '~/domain/context';

import { advanceStatus, statusOfEvent } from './invoice-status';
import { releaseInvoiceLines } from './release-lines.server';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

const INVOICE_EVENTS = new Set([
  'invoice.finalized',
  'invoice.sent',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.voided',
  'invoice.marked_uncollectible',
]);

export async function applyStripeEvent(
  { db, now }: DomainContext,
  event: Stripe.Event,
): Promise<EventOutcome> {
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, accountId: event.account ?? null, type: event.type })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!fresh) return 'duplicate';
    const at = new Date(event.created * 1000);
    if (event.type === 'account.updated') {
      return applyAccountState(tx, event.data.object, at);
    }
    if (INVOICE_EVENTS.has(event.type) && event.account) {
      return applyInvoiceEvent(tx, {
        type: event.type,
        account: event.account,
        invoice: event.data.object as Stripe.Invoice,
        at,
        now,
      });
    }
    return 'ignored';
  });
}

/** The connected account's onboarding state, unless a later event already set it. */
async function applyAccountState(tx: Db, account: Stripe.Account, at: Date): Promise<EventOutcome> {
  const updated = await tx
    .update(stripeConnections)
    .set({
      detailsSubmitted: account.details_submitted ?? false,
      chargesEnabled: account.charges_enabled ?? false,
      payoutsEnabled: account.payouts_enabled ?? false,
      requirementsDue: account.requirements?.currently_due ?? [],
      stateAt: at,
    })
    .where(
      and(
        eq(stripeConnections.accountId, account.id),
        // lte, not raw SQL: the column maps the Date for either driver.
        or(isNull(stripeConnections.stateAt), lte(stripeConnections.stateAt, at)),
      ),
    )
    .returning({ practiceId: stripeConnections.practiceId });
  return updated.length > 0 ? 'applied' : 'ignored';
}

async function applyInvoiceEvent(
  tx: Db,
  event: { type: string; account: string; invoice: Stripe.Invoice; at: Date; now: Date },
): Promise<EventOutcome> {
  const { invoice } = event;
  const ourId = invoice.metadata?.ohjaamo_invoice_id;
  // Our id from the metadata finds the invoice even before the push stored Stripe's id.
  const [ours] = await tx
    .select({ id: invoices.id, practiceId: invoices.practiceId, status: invoices.status })
    .from(invoices)
    .where(
      and(
        eq(invoices.stripeAccountId, event.account),
        ourId && isUuid(ourId)
          ? or(eq(invoices.id, ourId), eq(invoices.stripeInvoiceId, invoice.id ?? ''))
          : eq(invoices.stripeInvoiceId, invoice.id ?? ''),
      ),
    )
    .for('update');
  if (!ours) return 'ignored';
  const target = statusOfEvent(event.type);
  const next = target ? advanceStatus(ours.status, target) : null;
  const changes: Partial<typeof invoices.$inferInsert> = {
    stripeInvoiceId: invoice.id ?? null,
    stripeStateAt: event.at,
  };
  if (invoice.hosted_invoice_url) changes.hostedInvoiceUrl = invoice.hosted_invoice_url;
  if (event.type === 'invoice.sent') changes.sentAt = event.at;
  // A failed attempt matters while the invoice is still to be paid; the owner sees it there.
  if (
    event.type === 'invoice.payment_failed' &&
    (ours.status === 'open' || ours.status === 'pending')
  ) {
    changes.paymentFailedAt = event.at;
  }
  if (next) {
    changes.status = next;
    if (next === 'paid') {
      const paidAt = invoice.status_transitions?.paid_at;
      changes.paidAt = paidAt ? new Date(paidAt * 1000) : event.at;
    }
    if (next === 'void') changes.voidedAt = event.at;
  }
  await tx
    .update(invoices)
    .set(changes)
    .where(and(eq(invoices.id, ours.id), eq(invoices.practiceId, ours.practiceId)));
  if (next === 'void') await releaseInvoiceLines(tx, ours.practiceId, ours.id, event.now);
  return 'applied';
}

const isUuid = (text: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
