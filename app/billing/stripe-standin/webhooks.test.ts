import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { StripeStandin } from './standin.server';
import {
  onboardedAccount,
  startStandin,
  startWebhookReceiver,
  WEBHOOK_SECRET,
} from './test-fixtures';

let standin: StripeStandin;
let stripe: Stripe;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let account: string;
let on: { stripeAccount: string };
beforeAll(async () => {
  ({ standin, stripe } = await startStandin({ seed: 7 }));
  account = await onboardedAccount(stripe, standin);
  on = { stripeAccount: account };
  receiver = await startWebhookReceiver(stripe);
  standin.webhooks.setTarget(receiver.url, WEBHOOK_SECRET);
});
afterEach(async () => {
  standin.webhooks.reorder(false);
  await standin.webhooks.resume();
  receiver.received.length = 0;
});
afterAll(async () => {
  await standin.close();
  await receiver.close();
});

/** An open invoice, then paid: invoice.created, .finalized, .paid (and item events). */
async function invoiceLifecycle(metadata: Record<string, string>) {
  const customer = await stripe.customers.create({ name: 'Webhook' }, on);
  const invoice = await stripe.invoices.create(
    { customer: customer.id, collection_method: 'send_invoice', metadata },
    on,
  );
  await stripe.invoiceItems.create(
    { customer: customer.id, invoice: invoice.id, amount: 5000 },
    on,
  );
  await stripe.invoices.finalizeInvoice(invoice.id, {}, on);
  await stripe.invoices.sendInvoice(invoice.id, {}, on);
  await stripe.invoices.pay(invoice.id, { paid_out_of_band: true }, on);
  return invoice.id;
}

const invoiceEvents = (events: { event: Stripe.Event }[], invoiceId: string) =>
  events
    .filter((r) => r.event.type.startsWith('invoice.'))
    .filter((r) => (r.event.data.object as { id?: string }).id === invoiceId)
    .map((r) => r.event.type);

describe('webhooks', () => {
  it('signs every event so the SDK verifies it on the raw body', async () => {
    const invoiceId = await invoiceLifecycle({ ohjaamo_invoice_id: 'w-1' });
    await standin.webhooks.flush();
    expect(receiver.rejected).toEqual([]);
    expect(invoiceEvents(receiver.received, invoiceId)).toEqual([
      'invoice.created',
      'invoice.finalized',
      'invoice.sent',
      'invoice.paid',
    ]);
    const paid = receiver.received.find((r) => r.event.type === 'invoice.paid');
    expect(paid?.event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      object: 'event',
      account,
      api_version: '2026-10-28.endive',
      livemode: false,
      data: { object: { id: invoiceId, status: 'paid', metadata: { ohjaamo_invoice_id: 'w-1' } } },
    });
    expect(paid?.event.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
    // The body is verified as it came: one byte changed and the signature no longer holds.
    const tampered = (paid?.rawBody ?? '').replace('"paid"', '"open"');
    expect(() =>
      stripe.webhooks.constructEvent(tampered, paid?.signature ?? '', WEBHOOK_SECRET),
    ).toThrow();
  });

  it('keeps the object as it was when the event was emitted', async () => {
    const invoiceId = await invoiceLifecycle({ ohjaamo_invoice_id: 'w-2' });
    await standin.webhooks.flush();
    const finalized = receiver.received.find(
      (r) =>
        r.event.type === 'invoice.finalized' &&
        (r.event.data.object as { id: string }).id === invoiceId,
    );
    expect((finalized?.event.data.object as Stripe.Invoice).status).toBe('open');
  });

  it('delivers some events twice when asked to', async () => {
    standin.webhooks.duplicate({ count: 2 });
    const customer = await stripe.customers.create({ name: 'Twice' }, on);
    await stripe.customers.update(customer.id, { email: 'twice@example.fi' }, on);
    await stripe.customers.update(customer.id, { phone: '+358401234567' }, on);
    await standin.webhooks.flush();
    const ids = receiver.received.map((r) => r.event.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
  });

  it('holds a batch and delivers it shuffled, the same way for the same seed', async () => {
    standin.webhooks.reorder(true, 42);
    const invoiceId = await invoiceLifecycle({ ohjaamo_invoice_id: 'w-3' });
    expect(receiver.received).toHaveLength(0);
    const emitted = standin.webhooks.events
      .filter((e) => (e.data.object as { id?: string }).id === invoiceId)
      .map((e) => e.type);
    await standin.webhooks.flush();
    const delivered = invoiceEvents(receiver.received, invoiceId);
    expect([...delivered].sort()).toEqual([...emitted].sort());
    expect(delivered).not.toEqual(emitted);
  });

  it('holds events while paused and retries deliveries the receiver fails', async () => {
    standin.webhooks.pause();
    const customer = await stripe.customers.create({ name: 'Paused' }, on);
    expect(receiver.received).toHaveLength(0);
    receiver.state.failNext = 2;
    await standin.webhooks.resume();
    expect(receiver.received.map((r) => r.event.type)).toEqual(['customer.created']);
    const attempts = standin.webhooks.deliveries.filter(
      (d) => d.type === 'customer.created' && d.eventId === receiver.received[0]?.event.id,
    );
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect((receiver.received[0]?.event.data.object as Stripe.Customer).id).toBe(customer.id);
  });

  it('waits before delivering when a delay is set', async () => {
    standin.webhooks.delay(100);
    const before = Date.now();
    const customer = await stripe.customers.create({ name: 'Delayed' }, on);
    await standin.webhooks.flush();
    standin.webhooks.delay(0);
    expect((receiver.received[0]?.event.data.object as Stripe.Customer).id).toBe(customer.id);
    const delivery = standin.webhooks.deliveries.at(-1);
    // A lower bound only: the delivery cannot have gone out before the delay ran out.
    expect((delivery?.at ?? 0) - before).toBeGreaterThanOrEqual(95);
  });
});
