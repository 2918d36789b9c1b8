/**
 * A push that dies after any number of Stripe calls — the last one having acted at Stripe
 * but its answer lost — is finished by pushing again, and Stripe ends up with every object
 * once: within the idempotency keys' 24 hours, and after them (found by metadata).
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoices } from '#db/schema';
import { insertPendingInvoice, type PendingLineInput } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { pushInvoice } from './push-invoice.server';
import {
  appRequests,
  fetchThatDiesAfter,
  objectsCreated,
  stripeWithFetch,
} from './push-test-fixtures';
import type { StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;
let owner: MemberActor;
let nextNumber = 100;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  ({ owner } = await createPracticeWithOwner(database.db));
}, 60_000);
afterAll(async () => {
  await standin.close();
  await database.close();
});

const LINES: readonly PendingLineInput[] = [
  { amountCents: 15_000, vatRateBasisPoints: 2550 },
  { amountCents: 9_999, vatRateBasisPoints: 1400 },
  { amountCents: 12_000, vatRateBasisPoints: null, vatExemptReason: 'AVL 34 §' },
];
/**
 * A fresh push of that invoice: customer, two tax rates, search, invoice, three items,
 * finalize, send.
 */
const CALLS_PER_PUSH = 10;

/**
 * More lines than the ten a Stripe invoice object carries, at the same two rates: a resumed
 * push finds the items already made only by paging through the invoice's lines.
 */
const MANY_LINES: readonly PendingLineInput[] = Array.from({ length: 23 }, (_, i) =>
  i % 3 === 2
    ? { amountCents: 12_000, vatRateBasisPoints: null, vatExemptReason: 'AVL 34 §' }
    : { amountCents: 9_000 + 137 * i, vatRateBasisPoints: i % 3 === 0 ? 2550 : 1400 },
);

/** A pending invoice on an account of its own, so every push starts from nothing. */
async function freshInvoice(lines = LINES) {
  const accountId = await onboardedAccount(stripe, standin);
  nextNumber += 1;
  const pending = await insertPendingInvoice(database.db, owner, {
    number: nextNumber,
    stripeAccountId: accountId,
    lines,
  });
  return { accountId, ...pending };
}

/** Pushes with a client that dies after `n` calls; returns the calls that reached Stripe. */
async function pushDyingAfter(n: number, invoiceId: string, accountId: string) {
  const from = standin.requests.length;
  const dying = stripeWithFetch(standin, fetchThatDiesAfter(n));
  const outcome = await pushInvoice(testContext(database.db), dying, invoiceId, owner.practiceId);
  expect(outcome.status).toBe('failed');
  return appRequests(standin.requests, from).filter((r) => r.stripeAccount === accountId);
}

async function expectPushedExactlyOnce(accountId: string, invoiceId: string, lineIds: string[]) {
  const at = { stripeAccount: accountId };
  expect(objectsCreated(standin.requests, accountId, '/v1/customers')).toBe(1);
  expect(objectsCreated(standin.requests, accountId, '/v1/tax_rates')).toBe(2);
  expect(objectsCreated(standin.requests, accountId, '/v1/invoices')).toBe(1);
  expect(objectsCreated(standin.requests, accountId, '/v1/invoiceitems')).toBe(lineIds.length);

  const found = await stripe.invoices.search(
    { query: `metadata['ohjaamo_invoice_id']:'${invoiceId}'` },
    at,
  );
  const listed = await stripe.invoices.list({ limit: 100 }, at);
  expect(found.data).toHaveLength(1);
  expect(listed.data.map((invoice) => invoice.id)).toEqual(found.data.map((i) => i.id));
  const [remote] = found.data;
  const linesAtStripe = await stripe.invoices
    .listLineItems(remote?.id ?? '', { limit: 100 }, at)
    .autoPagingToArray({ limit: 1000 });
  expect(linesAtStripe.map((line) => line.metadata?.ohjaamo_line_id)).toEqual(lineIds);

  const [ours] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  expect(ours).toMatchObject({
    status: 'open',
    stripeInvoiceId: remote?.id,
    pushError: null,
    hostedInvoiceUrl: remote?.hosted_invoice_url,
  });
  expect(ours?.sentAt).toBeInstanceOf(Date);
  expect(remote?.status).toBe('open');
  expect(remote?.subtotal).toBe(ours?.subtotalCents);
  expect(remote?.total).toBe(ours?.totalCents);
  expect(remote?.total_taxes?.reduce((sum, tax) => sum + tax.amount, 0)).toBe(ours?.vatCents);
  const sends = objectsCreated(standin.requests, accountId, `/v1/invoices/${remote?.id}/send`);
  expect(sends).toBe(1);
}

describe('a push that dies half-way', () => {
  it(`makes ${CALLS_PER_PUSH} calls when nothing goes wrong`, async () => {
    const { accountId, invoiceId, lineIds } = await freshInvoice();
    const from = standin.requests.length;
    const outcome = await pushInvoice(
      testContext(database.db),
      stripe,
      invoiceId,
      owner.practiceId,
    );
    expect(outcome).toEqual({ status: 'sent' });
    const calls = appRequests(standin.requests, from).map((r) => `${r.method} ${r.path}`);
    expect(calls).toHaveLength(CALLS_PER_PUSH);
    await expectPushedExactlyOnce(accountId, invoiceId, lineIds);
  });

  const deaths = Array.from({ length: CALLS_PER_PUSH + 1 }, (_, n) => n);
  it.each(deaths)(
    'is finished by the next push when it dies after %i calls',
    async (n) => {
      const { accountId, invoiceId, lineIds } = await freshInvoice();
      expect(await pushDyingAfter(n, invoiceId, accountId)).toHaveLength(n);
      const [stopped] = await database.db
        .select({ status: invoices.status, pushError: invoices.pushError })
        .from(invoices)
        .where(eq(invoices.id, invoiceId));
      expect(stopped?.status).toBe('pending');
      expect(stopped?.pushError).toMatch(/^Stripe: /);

      const resumed = await pushInvoice(
        testContext(database.db),
        stripe,
        invoiceId,
        owner.practiceId,
      );
      expect(resumed).toEqual({ status: 'sent' });
      await expectPushedExactlyOnce(accountId, invoiceId, lineIds);
    },
    30_000,
  );

  // The invoice's create, then its first item: their answers lost, and the push resumed a
  // day and an hour later, when Stripe no longer remembers the idempotency keys.
  it.each([5, 6])(
    'makes no second invoice or item when resumed 25 hours after dying at call %i',
    async (n) => {
      const { accountId, invoiceId, lineIds } = await freshInvoice();
      const reached = await pushDyingAfter(n, invoiceId, accountId);
      expect(reached.at(-1)?.path).toBe(n === 5 ? '/v1/invoices' : '/v1/invoiceitems');
      standin.clock.advance(25 * 60 * 60 * 1000);

      const resumed = await pushInvoice(
        testContext(database.db),
        stripe,
        invoiceId,
        owner.practiceId,
      );
      expect(resumed).toEqual({ status: 'sent' });
      await expectPushedExactlyOnce(accountId, invoiceId, lineIds);
    },
    30_000,
  );

  describe(`with ${MANY_LINES.length} lines`, () => {
    /** Customer, two tax rates, search, invoice, the items, finalize, send. */
    const callsPerPush = 5 + MANY_LINES.length + 2;

    it(`makes ${callsPerPush} calls and sends totals equal to Stripe's`, async () => {
      const { accountId, invoiceId, lineIds } = await freshInvoice(MANY_LINES);
      const from = standin.requests.length;
      const outcome = await pushInvoice(
        testContext(database.db),
        stripe,
        invoiceId,
        owner.practiceId,
      );
      expect(outcome).toEqual({ status: 'sent' });
      expect(appRequests(standin.requests, from)).toHaveLength(callsPerPush);
      await expectPushedExactlyOnce(accountId, invoiceId, lineIds);
    });

    // Call 20 is the 15th item, 29 the finalize: either way more than ten items exist, and
    // a day later no idempotency key remembers them, so the resumed push must page through
    // the invoice's lines to find every one or it makes them again.
    it.each([20, 29])(
      'makes no second item when resumed 25 hours after dying at call %i',
      async (n) => {
        const { accountId, invoiceId, lineIds } = await freshInvoice(MANY_LINES);
        const reached = await pushDyingAfter(n, invoiceId, accountId);
        expect(reached.at(-1)?.path).toMatch(
          n === 20 ? /^\/v1\/invoiceitems$/ : /^\/v1\/invoices\/in_\w+\/finalize$/,
        );
        standin.clock.advance(25 * 60 * 60 * 1000);

        const from = standin.requests.length;
        const resumed = await pushInvoice(
          testContext(database.db),
          stripe,
          invoiceId,
          owner.practiceId,
        );
        expect(resumed).toEqual({ status: 'sent' });
        const paged = appRequests(standin.requests, from).filter((r) => r.path.endsWith('/lines'));
        expect(paged).toHaveLength(1);
        await expectPushedExactlyOnce(accountId, invoiceId, lineIds);
      },
      30_000,
    );
  });
});
