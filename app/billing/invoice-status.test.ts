import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type InvoiceStatus, invoiceStatuses } from '#db/schema/values';

import { advanceStatus, statusOfEvent } from './invoice-status';

const apply = (events: string[], start: InvoiceStatus = 'pending') =>
  events.reduce<InvoiceStatus>((status, type) => {
    const target = statusOfEvent(type);
    return (target && advanceStatus(status, target)) ?? status;
  }, start);

/** The lives an invoice can have at Stripe, as the events it sends in order. */
const lives = [
  ['invoice.finalized', 'invoice.sent', 'invoice.paid'],
  ['invoice.finalized', 'invoice.sent', 'invoice.payment_failed', 'invoice.paid'],
  ['invoice.finalized', 'invoice.sent', 'invoice.voided'],
  ['invoice.finalized', 'invoice.marked_uncollectible'],
  ['invoice.finalized', 'invoice.marked_uncollectible', 'invoice.paid'],
  ['invoice.finalized', 'invoice.marked_uncollectible', 'invoice.voided'],
];

describe('an invoice’s status moves only forward', () => {
  it('ends where Stripe ended, in whatever order and however often the events arrive', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...lives),
        fc.array(fc.nat(), { minLength: 0, maxLength: 6 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (life, repeats, order) => {
          const expected = apply(life);
          // Some events twice, then all of them shuffled.
          const delivered = [...life, ...repeats.map((i) => life[i % life.length] ?? '')];
          const keys = delivered.map(() => order.next().value);
          const shuffled = delivered
            .map((type, i) => ({ type, key: keys[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map((e) => e.type);
          expect(apply(shuffled)).toBe(expected);
        },
      ),
    );
  });

  it('never leaves a final state, and refuses to go back', () => {
    for (const final of ['paid', 'void'] as const) {
      for (const target of invoiceStatuses) expect(advanceStatus(final, target)).toBeNull();
    }
    expect(advanceStatus('open', 'pending')).toBeNull();
    expect(advanceStatus('uncollectible', 'open')).toBeNull();
    expect(advanceStatus('uncollectible', 'paid')).toBe('paid');
    expect(advanceStatus('pending', 'paid')).toBe('paid');
  });

  it('reads only the events that report a status', () => {
    expect(statusOfEvent('invoice.sent')).toBeNull();
    expect(statusOfEvent('invoice.payment_failed')).toBeNull();
    expect(statusOfEvent('customer.created')).toBeNull();
    expect(statusOfEvent('invoice.voided')).toBe('void');
  });
});
