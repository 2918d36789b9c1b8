/**
 * Our invoice's status only ever moves forward (ADR 017): pending → open → paid | void |
 * uncollectible, and uncollectible → paid | void. Stripe's webhooks may arrive late, twice or
 * in another order; applying them through `advanceStatus` makes the order not matter — the
 * furthest state wins, and a final state never changes.
 */
import type { InvoiceStatus } from '#db/schema/values';

const rank: Record<InvoiceStatus, number> = {
  pending: 0,
  open: 1,
  uncollectible: 2,
  paid: 3,
  void: 3,
};

export const isFinal = (status: InvoiceStatus) => rank[status] === 3;

/** The status after `target` is reported, or null when the report changes nothing. */
export function advanceStatus(current: InvoiceStatus, target: InvoiceStatus): InvoiceStatus | null {
  if (isFinal(current) || rank[target] <= rank[current]) return null;
  return target;
}

/** The status a Stripe invoice event reports; null for events that report no status. */
export function statusOfEvent(type: string): InvoiceStatus | null {
  switch (type) {
    case 'invoice.finalized':
      return 'open';
    case 'invoice.paid':
      return 'paid';
    case 'invoice.voided':
      return 'void';
    case 'invoice.marked_uncollectible':
      return 'uncollectible';
    default:
      return null;
  }
}

/** Stripe's `status` field of an invoice object, in our terms (`draft` is our pending). */
export function statusOfStripeInvoice(status: string | null): InvoiceStatus {
  switch (status) {
    case 'open':
    case 'paid':
    case 'void':
    case 'uncollectible':
      return status;
    default:
      return 'pending';
  }
}
