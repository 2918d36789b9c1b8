/**
 * Pushing a run: every invoice once, even with two pushes of the same run at the same
 * moment (on PostgreSQL they really run side by side), an invoice's failure reported
 * without stopping the others, and the run completed only when all are sent.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoiceRuns, invoices } from '#db/schema';
import { insertInvoiceRun, insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { pushPendingInvoices, pushRun } from './push-run.server';
import { objectsCreated } from './push-test-fixtures';
import type { StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;
let owner: MemberActor;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  ({ owner } = await createPracticeWithOwner(database.db));
}, 60_000);
afterAll(async () => {
  await standin.close();
  await database.close();
});

async function runOfInvoices(accountId: string, numbers: number[]) {
  const runId = await insertInvoiceRun(database.db, owner);
  const ids: string[] = [];
  for (const number of numbers) {
    const { invoiceId } = await insertPendingInvoice(database.db, owner, {
      number,
      stripeAccountId: accountId,
      runId,
      lines: [
        { amountCents: 15_000, vatRateBasisPoints: 2550 },
        { amountCents: 7_500, vatRateBasisPoints: 2550 },
      ],
    });
    ids.push(invoiceId);
  }
  return { runId, ids };
}

async function completedAt(runId: string) {
  const [run] = await database.db.select().from(invoiceRuns).where(eq(invoiceRuns.id, runId));
  return run?.completedAt ?? null;
}

describe('pushRun', () => {
  it('two pushes of the same run at once make one set of Stripe objects', async () => {
    const accountId = await onboardedAccount(stripe, standin);
    const { runId, ids } = await runOfInvoices(accountId, [401, 402, 403, 404]);
    const [a, b] = await Promise.all([
      pushRun(testContext(database.db), stripe, runId, owner.practiceId),
      pushRun(testContext(database.db), stripe, runId, owner.practiceId),
    ]);
    expect(a?.failed).toEqual([]);
    expect(b?.failed).toEqual([]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(ids.length);

    expect(objectsCreated(standin.requests, accountId, '/v1/customers')).toBe(ids.length);
    expect(objectsCreated(standin.requests, accountId, '/v1/tax_rates')).toBe(1);
    expect(objectsCreated(standin.requests, accountId, '/v1/invoices')).toBe(ids.length);
    expect(objectsCreated(standin.requests, accountId, '/v1/invoiceitems')).toBe(2 * ids.length);
    const listed = await stripe.invoices.list({ limit: 100 }, { stripeAccount: accountId });
    expect(listed.data.map((invoice) => invoice.number).sort()).toEqual([
      '401',
      '402',
      '403',
      '404',
    ]);
    expect(listed.data.every((invoice) => invoice.status === 'open')).toBe(true);
    const rows = await database.db.select().from(invoices).where(eq(invoices.runId, runId));
    expect(rows.every((row) => row.status === 'open' && row.sentAt !== null)).toBe(true);
    expect(await completedAt(runId)).toBeInstanceOf(Date);
  }, 60_000);

  it('goes on after an invoice’s failure, reports it, and completes once it is fixed', async () => {
    const accountId = await onboardedAccount(stripe, standin);
    const { runId, ids } = await runOfInvoices(accountId, [501, 502, 503]);
    const [, broken = ''] = ids;
    await database.db.update(invoices).set({ vatCents: 1 }).where(eq(invoices.id, broken));

    const ctx = testContext(database.db);
    const summary = await pushRun(ctx, stripe, runId, owner.practiceId);
    expect(summary.sent).toBe(2);
    expect(summary.failed).toEqual([
      { invoiceId: broken, error: expect.stringMatching(/^totals differ/) as unknown },
    ]);
    expect(await completedAt(runId)).toBeNull();

    // The owner's "resume" pushes what is left of every run once the cause is fixed.
    const [line] = await database.db
      .select({ subtotal: invoices.subtotalCents, total: invoices.totalCents })
      .from(invoices)
      .where(eq(invoices.id, broken));
    await database.db
      .update(invoices)
      .set({ vatCents: (line?.total ?? 0) - (line?.subtotal ?? 0) })
      .where(eq(invoices.id, broken));
    expect(await pushPendingInvoices(ctx, stripe, owner.practiceId)).toEqual({
      sent: 1,
      failed: [],
    });
    expect(await pushRun(ctx, stripe, runId, owner.practiceId)).toEqual({ sent: 0, failed: [] });
    expect(await completedAt(runId)).toBeInstanceOf(Date);
    expect(objectsCreated(standin.requests, accountId, '/v1/invoices')).toBe(3);
  }, 60_000);
});
