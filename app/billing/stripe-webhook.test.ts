/**
 * Stripe's webhooks through the real HTTP stack: the stand-in signs and delivers events to
 * /webhooks/stripe of a running app, duplicated and reordered as Stripe may deliver them.
 */
import { count, eq, inArray } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  invoiceLines,
  invoices,
  stripeConnections,
  stripeEvents,
  supervisionSessions,
} from '#db/schema';
import { insertPendingInvoice } from '#db/testing/billing';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { startTestApp, type TestApp } from '~/http/test-app';
import type { MemberActor } from '~/practices/actor';

import type { StripeStandin } from './stripe-standin/standin.server';
import { SECRET_KEY, startStandin, WEBHOOK_SECRET } from './stripe-standin/test-fixtures';

let database: Database;
let app: TestApp;
let standin: StripeStandin;
let stripe: Stripe;
let owner: MemberActor;
let accountId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  app = await startTestApp(database, {
    stripe: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: standin.apiBase },
  });
  standin.webhooks.setTarget(`${app.origin}/webhooks/stripe`, WEBHOOK_SECRET);
  ({ owner } = await createPracticeWithOwner(database.db));
  const account = await stripe.accounts.create({ type: 'standard', country: 'FI' });
  accountId = account.id;
  await database.db.insert(stripeConnections).values({ practiceId: owner.practiceId, accountId });
}, 60_000);
afterAll(async () => {
  await app.close();
  await standin.close();
  await database.close();
});

const on = { stripeAccount: '' };
const opts = () => ({ ...on, stripeAccount: accountId });

/** Our pending invoice and its Stripe twin (draft, one line), as the push leaves them. */
async function invoicePair(number: number) {
  const ours = await insertPendingInvoice(database.db, owner, {
    number,
    stripeAccountId: accountId,
  });
  const customer = await stripe.customers.create({ name: 'Kuopion kaupunki' }, opts());
  const draft = await stripe.invoices.create(
    {
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 14,
      metadata: { ohjaamo_invoice_id: ours.invoiceId },
    },
    opts(),
  );
  await stripe.invoiceItems.create(
    { customer: customer.id, invoice: draft.id, amount: 15_000, currency: 'eur' },
    opts(),
  );
  return { ...ours, stripeId: draft.id ?? '' };
}

describe('Stripe webhooks', () => {
  it('keeps the connected account’s onboarding state from account.updated', async () => {
    standin.simulate.completeOnboarding(accountId);
    await standin.webhooks.flush();
    const [row] = await database.db
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.practiceId, owner.practiceId));
    expect(row).toMatchObject({
      detailsSubmitted: true,
      chargesEnabled: true,
      requirementsDue: [],
    });
  });

  it('leaves every invoice in Stripe’s final state, whatever the duplicates and the order', async () => {
    standin.webhooks.duplicate({ rate: 0.3 });
    standin.webhooks.reorder(true, 20261201);
    const lives = [
      'paid',
      'void',
      'uncollectible',
      'uncollectibleThenPaid',
      'open',
      'sentThenPaid',
    ] as const;
    const pairs = [];
    for (let i = 0; i < 48; i++) {
      const life = lives[i % lives.length] ?? 'open';
      const pair = await invoicePair(1000 + i);
      pairs.push(pair);
      const id = pair.stripeId;
      await stripe.invoices.finalizeInvoice(id, {}, opts());
      if (life === 'paid') await stripe.invoices.pay(id, { paid_out_of_band: true }, opts());
      if (life === 'void') await stripe.invoices.voidInvoice(id, {}, opts());
      if (life === 'uncollectible' || life === 'uncollectibleThenPaid') {
        await stripe.invoices.markUncollectible(id, {}, opts());
      }
      if (life === 'uncollectibleThenPaid') {
        await stripe.invoices.pay(id, { paid_out_of_band: true }, opts());
      }
      if (life === 'sentThenPaid') {
        await stripe.invoices.sendInvoice(id, {}, opts());
        standin.simulate.pay(accountId, id);
      }
    }
    await standin.webhooks.flush();
    standin.webhooks.reorder(false);
    standin.webhooks.duplicate({ rate: 0 });

    const deliveries = standin.webhooks.deliveries.filter(
      (d) => d.type.startsWith('invoice.') && d.status === 200,
    );
    const distinct = new Set(deliveries.map((d) => d.eventId));
    expect(deliveries.length).toBeGreaterThanOrEqual(200);
    expect(deliveries.length - distinct.size).toBeGreaterThan(30);

    const rows = await database.db
      .select({ id: invoices.id, status: invoices.status, stripeId: invoices.stripeInvoiceId })
      .from(invoices)
      .where(
        inArray(
          invoices.id,
          pairs.map((p) => p.invoiceId),
        ),
      );
    for (const pair of pairs) {
      const atStripe = await stripe.invoices.retrieve(pair.stripeId, {}, opts());
      const ours = rows.find((r) => r.id === pair.invoiceId);
      expect(ours, pair.invoiceId).toEqual({
        id: pair.invoiceId,
        status: atStripe.status,
        stripeId: pair.stripeId,
      });
    }
    // A voided invoice gave its session back; every other one still holds it.
    const voided = pairs.filter((_, i) => lives[i % lives.length] === 'void');
    const sessions = await database.db
      .select({ id: supervisionSessions.id, invoicedAt: supervisionSessions.invoicedAt })
      .from(supervisionSessions)
      .where(
        inArray(
          supervisionSessions.id,
          pairs.map((p) => p.sessionId),
        ),
      );
    for (const session of sessions) {
      const isVoided = voided.some((p) => p.sessionId === session.id);
      expect(session.invoicedAt === null, session.id).toBe(isVoided);
    }
    const [live] = await database.db
      .select({ n: count() })
      .from(invoiceLines)
      .where(
        inArray(
          invoiceLines.invoiceId,
          voided.map((p) => p.invoiceId),
        ),
      );
    expect(live?.n).toBe(voided.length);
  }, 120_000);

  it('records a failed payment on the open invoice, which a later payment settles', async () => {
    const { invoiceId, stripeId } = await invoicePair(1901);
    await stripe.invoices.finalizeInvoice(stripeId, { auto_advance: false }, opts());
    standin.simulate.failPayment(accountId, stripeId);
    await standin.webhooks.flush();
    const [failed] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
    expect(failed).toMatchObject({ status: 'open' });
    expect(failed?.paymentFailedAt).toBeInstanceOf(Date);

    standin.simulate.pay(accountId, stripeId);
    await standin.webhooks.flush();
    const [paid] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
    expect(paid).toMatchObject({ status: 'paid' });
  });

  it('refuses a forged or expired signature with 400 and changes nothing', async () => {
    const { invoiceId, stripeId } = await invoicePair(2001);
    const event = {
      id: 'evt_forged_0001',
      object: 'event',
      type: 'invoice.paid',
      account: accountId,
      created: Math.floor(Date.now() / 1000),
      data: {
        object: { id: stripeId, object: 'invoice', metadata: { ohjaamo_invoice_id: invoiceId } },
      },
    };
    const payload = JSON.stringify(event);
    const post = (signature: string) =>
      fetch(`${app.origin}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
        body: payload,
      });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' });
    const expired = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect((await post(forged)).status).toBe(400);
    expect((await post(expired)).status).toBe(400);
    expect((await post('')).status).toBe(400);
    const [ours] = await database.db
      .select({ status: invoices.status })
      .from(invoices)
      .where(eq(invoices.id, invoiceId));
    expect(ours?.status).toBe('pending');
    const recorded = await database.db
      .select()
      .from(stripeEvents)
      .where(eq(stripeEvents.id, event.id));
    expect(recorded).toEqual([]);

    // The same event, signed with our secret, is applied; an unknown type is answered 200.
    const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    expect((await post(signed)).status).toBe(200);
    const [paid] = await database.db
      .select({ status: invoices.status })
      .from(invoices)
      .where(eq(invoices.id, invoiceId));
    expect(paid?.status).toBe('paid');
    const unknown = JSON.stringify({
      ...event,
      id: 'evt_unknown_0001',
      type: 'customer.tax_id.created',
    });
    const response = await fetch(`${app.origin}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({
          payload: unknown,
          secret: WEBHOOK_SECRET,
        }),
      },
      body: unknown,
    });
    expect(response.status).toBe(200);
  });
});
