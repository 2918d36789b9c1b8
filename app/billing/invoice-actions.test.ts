/**
 * What the owner does to a sent invoice, through the real SDK and the stand-in: marking it
 * paid by bank transfer and voiding it — what Stripe is asked, what our row records, that a
 * second press changes nothing, and that voiding makes the sessions billable again.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { commissioners, invoiceLines, invoices, supervisionSessions } from '#db/schema';
import { outcomeOf } from '#db/testing/access-cast';
import { insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { previewInvoiceRun } from './invoice-run.server';
import { markPaidOutOfBand } from './mark-paid-out-of-band.server';
import { monthPeriod } from './period';
import { pushInvoice } from './push-invoice.server';
import type { StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';
import { voidInvoice } from './void-invoice.server';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;
let owner: MemberActor;
let supervisor: MemberActor;
let outsider: MemberActor;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  ({ owner } = await createPracticeWithOwner(database.db));
  supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  ({ owner: outsider } = await createPracticeWithOwner(database.db, { practiceName: 'Muu Oy' }));
}, 60_000);
afterAll(async () => {
  await standin.close();
  await database.close();
});

const ctx = () => testContext(database.db);

/** An invoice of ours pushed to the stand-in, so that it is open and sent there. */
async function sentInvoice(number: number) {
  const accountId = await onboardedAccount(stripe, standin);
  const made = await insertPendingInvoice(database.db, owner, {
    number,
    stripeAccountId: accountId,
    lines: [
      { amountCents: 15_000, vatRateBasisPoints: 2550 },
      { amountCents: 12_000, vatRateBasisPoints: 2550 },
    ],
  });
  expect(await pushInvoice(ctx(), stripe, made.invoiceId, owner.practiceId)).toEqual({
    status: 'sent',
  });
  const ours = await ourInvoice(made.invoiceId);
  return { ...made, accountId, stripeInvoiceId: ours.stripeInvoiceId ?? '' };
}

async function ourInvoice(invoiceId: string) {
  const [row] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new Error('our invoice is gone');
  return row;
}

describe('markPaidOutOfBand', () => {
  it('tells Stripe the invoice was paid outside it, then records it paid', async () => {
    const sent = await sentInvoice(71);
    const before = standin.requests.length;
    expect(await markPaidOutOfBand(ctx(), owner, stripe, sent.invoiceId)).toBe('paid');

    const payRequests = standin.requests
      .slice(before)
      .filter((r) => r.path === `/v1/invoices/${sent.stripeInvoiceId}/pay`);
    expect(payRequests).toHaveLength(1);
    expect(payRequests[0]).toMatchObject({
      method: 'POST',
      status: 200,
      stripeAccount: sent.accountId,
      idempotencyKey: `ohjaamo:${owner.practiceId}:invoice:${sent.invoiceId}:pay`,
      body: { paid_out_of_band: 'true' },
    });
    const remote = await stripe.invoices.retrieve(
      sent.stripeInvoiceId,
      {},
      { stripeAccount: sent.accountId },
    );
    expect(remote).toMatchObject({ status: 'paid' });
    const ours = await ourInvoice(sent.invoiceId);
    expect(ours).toMatchObject({ status: 'paid', paidOutOfBand: true });
    expect(ours.paidAt).toBeInstanceOf(Date);

    // A second press: nothing is asked of Stripe and nothing changes.
    const again = standin.requests.length;
    expect(await markPaidOutOfBand(ctx(), owner, stripe, sent.invoiceId)).toBe('unchanged');
    expect(standin.requests.slice(again)).toEqual([]);
    expect(await ourInvoice(sent.invoiceId)).toEqual(ours);
  });

  it('asks Stripe once when the owner presses twice at the same moment', async () => {
    const sent = await sentInvoice(74);
    const before = standin.requests.length;
    const outcomes = await Promise.all([
      markPaidOutOfBand(ctx(), owner, stripe, sent.invoiceId),
      markPaidOutOfBand(ctx(), owner, stripe, sent.invoiceId),
    ]);
    expect(outcomes.sort()).toEqual(['paid', 'unchanged']);
    const pays = standin.requests.slice(before).filter((r) => r.path.endsWith('/pay'));
    expect(pays).toHaveLength(1);
  });

  it('refuses a pending invoice, a supervisor, and another practice’s invoice', async () => {
    const pending = await insertPendingInvoice(database.db, owner, {
      number: 72,
      stripeAccountId: 'acct_never_pushed',
    });
    expect(await outcomeOf(markPaidOutOfBand(ctx(), owner, stripe, pending.invoiceId))).toBe(
      'conflict',
    );
    expect(await outcomeOf(markPaidOutOfBand(ctx(), supervisor, stripe, pending.invoiceId))).toBe(
      'forbidden',
    );
    expect(await outcomeOf(markPaidOutOfBand(ctx(), outsider, stripe, pending.invoiceId))).toBe(
      'not_found',
    );
    expect(await ourInvoice(pending.invoiceId)).toMatchObject({ status: 'pending' });
  });

  it('turns Stripe’s refusal into a translated conflict and leaves our row as it was', async () => {
    const sent = await sentInvoice(73);
    // Voided at Stripe behind our back: Stripe refuses to take a payment.
    await stripe.invoices.voidInvoice(sent.stripeInvoiceId, {}, { stripeAccount: sent.accountId });
    const refused = markPaidOutOfBand(ctx(), owner, stripe, sent.invoiceId);
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'invoicePage.error.stripe',
    });
    expect(await ourInvoice(sent.invoiceId)).toMatchObject({ paidOutOfBand: false });
  });
});

describe('voidInvoice', () => {
  it('voids at Stripe, releases the sessions, and the run lists them as billable again', async () => {
    const sent = await sentInvoice(81);
    // The run bills a payer it can address.
    await database.db
      .update(commissioners)
      .set({ addressLine: 'PL 1000', postalCode: '70101', city: 'Kuopio' })
      .where(eq(commissioners.id, sent.commissionerId));
    const march = monthPeriod('2027-03');
    if (!march) throw new Error('no period');
    const billable = async () =>
      (await previewInvoiceRun(ctx(), owner, march)).payers.flatMap((payer) =>
        payer.lines.map((line) => line.sessionId),
      );
    expect(await billable()).not.toContain(sent.sessionId);

    const before = standin.requests.length;
    expect(await voidInvoice(ctx(), owner, stripe, sent.invoiceId)).toBe('void');
    const voids = standin.requests
      .slice(before)
      .filter((r) => r.path === `/v1/invoices/${sent.stripeInvoiceId}/void`);
    expect(voids).toMatchObject([
      {
        status: 200,
        stripeAccount: sent.accountId,
        idempotencyKey: `ohjaamo:${owner.practiceId}:invoice:${sent.invoiceId}:void`,
      },
    ]);
    const ours = await ourInvoice(sent.invoiceId);
    expect(ours.status).toBe('void');
    expect(ours.voidedAt).toBeInstanceOf(Date);
    const lines = await database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, sent.invoiceId));
    expect(lines.every((line) => line.releasedAt instanceof Date)).toBe(true);
    for (const sessionId of sent.sessionIds) {
      const [session] = await database.db
        .select({ invoicedAt: supervisionSessions.invoicedAt })
        .from(supervisionSessions)
        .where(eq(supervisionSessions.id, sessionId));
      expect(session?.invoicedAt).toBeNull();
    }
    expect(await billable()).toEqual(expect.arrayContaining(sent.sessionIds));

    // A second press changes nothing and asks Stripe nothing.
    const again = standin.requests.length;
    expect(await voidInvoice(ctx(), owner, stripe, sent.invoiceId)).toBe('unchanged');
    expect(standin.requests.slice(again)).toEqual([]);
  });

  it('does not void a paid invoice', async () => {
    const sent = await sentInvoice(82);
    await markPaidOutOfBand(ctx(), owner, stripe, sent.invoiceId);
    expect(await outcomeOf(voidInvoice(ctx(), owner, stripe, sent.invoiceId))).toBe('conflict');
    expect(await ourInvoice(sent.invoiceId)).toMatchObject({ status: 'paid', voidedAt: null });
  });
});
