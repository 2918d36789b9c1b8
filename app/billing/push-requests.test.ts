/**
 * Every request a run's push sends to Stripe, read back from the stand-in's log: the
 * practice's account, our idempotency keys, whole cents in euros, custom fields within
 * Stripe's limits, and nothing of the supervisee or of the notes.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { insertInvoiceRun, insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor } from '~/practices/actor';

import { issueCreditNote } from './credit-note.server';
import { markPaidOutOfBand } from './mark-paid-out-of-band.server';
import { pushRun } from './push-run.server';
import { appRequests } from './push-test-fixtures';
import { CUSTOM_FIELD_LIMITS } from './stripe-invoice-content';
import type { FormObject } from './stripe-standin/form.server';
import type { LoggedRequest, StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';
import { voidInvoice } from './void-invoice.server';

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

const secrets = {
  private: 'Yksityinen-huomio-esihenkilon-vasymyksesta',
  shared: 'Jaettu-yhteenveto-valtakysymyksesta',
};
// createContractFixture's supervisee.
const SUPERVISEE = 'Maria Lehtonen';

type FormValue = FormObject[string];

/** Every leaf of a decoded form body with its bracketed key, e.g. `custom_fields[0][name]`. */
function leaves(value: FormValue | FormObject, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v as FormValue, key ? `${key}[${k}]` : k));
}

/** What every request the app sends must be: the account, our key, cents, euros, limits, no names. */
function checkRequests(requests: readonly LoggedRequest[], accountId: string) {
  for (const request of requests) {
    const where = `${request.method} ${request.path}`;
    expect(request.stripeAccount, where).toBe(accountId);
    expect(request.status, where).toBe(200);
    if (request.method === 'POST') expect(request.idempotencyKey, where).toMatch(/^ohjaamo:/);
    const fields = leaves(request.body);
    for (const [key, value] of fields) {
      if (/^(amount|unit_amount|quantity)$/.test(key)) expect(value, where).toMatch(/^-?\d+$/);
      if (key === 'currency') expect(value, where).toBe('eur');
      expect(value.includes(SUPERVISEE), `${where} ${key}`).toBe(false);
      for (const secret of Object.values(secrets)) {
        expect(value.includes(secret), `${where} ${key}`).toBe(false);
      }
    }
    const names = fields.filter(([key]) => /^custom_fields\[\d+\]\[name\]$/.test(key));
    const values = fields.filter(([key]) => /^custom_fields\[\d+\]\[value\]$/.test(key));
    expect(names.length, where).toBeLessThanOrEqual(CUSTOM_FIELD_LIMITS.count);
    for (const [, name] of names) expect([...name].length).toBeLessThanOrEqual(40);
    for (const [, value] of values) expect([...value].length).toBeLessThanOrEqual(140);
  }
}

it('sends only what the invoice needs, on the practice’s account, under our keys', async () => {
  const accountId = await onboardedAccount(stripe, standin);
  const runId = await insertInvoiceRun(database.db, owner);
  const first = await insertPendingInvoice(database.db, owner, {
    number: 301,
    stripeAccountId: accountId,
    runId,
    lines: [
      { amountCents: 15_000, vatRateBasisPoints: 2550 },
      { amountCents: 13_333, vatRateBasisPoints: 2550 },
    ],
  });
  await insertPendingInvoice(database.db, owner, {
    number: 302,
    stripeAccountId: accountId,
    runId,
    lines: [{ amountCents: 9_000, vatRateBasisPoints: null, vatExemptReason: 'AVL 34 §' }],
  });
  await insertPendingInvoice(database.db, owner, {
    number: 303,
    stripeAccountId: accountId,
    runId,
    payer: { commissionerId: first.commissionerId, contractId: first.contractId },
  });
  await saveNote(testContext(database.db), owner, first.sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, power: secrets.private },
    shared: { ...emptySharedDraft, dialogue: secrets.shared },
    themes: null,
  });

  const from = standin.requests.length;
  const summary = await pushRun(testContext(database.db), stripe, runId, owner.practiceId);
  expect(summary).toEqual({ sent: 3, failed: [] });

  const requests = appRequests(standin.requests, from);
  expect(requests.length).toBeGreaterThan(15);
  checkRequests(requests, accountId);
  // The keys name what they make, each exactly once.
  const keys = requests.flatMap((r) =>
    r.method === 'POST' && r.idempotencyKey ? [r.idempotencyKey] : [],
  );
  expect(new Set(keys).size).toBe(keys.length);
  const prefix = `ohjaamo:${owner.practiceId}:`;
  expect(keys.filter((k) => k.startsWith(`${prefix}customer:commissioner:`))).toHaveLength(2);
  expect(keys).toContain(`${prefix}taxrate:${accountId}:2550`);
  expect(keys).toContain(`${prefix}invoice:${first.invoiceId}:create`);
  expect(keys).toContain(`${prefix}line:${first.lineIds[1]}`);
  expect(keys).toContain(`${prefix}invoice:${first.invoiceId}:finalize`);
  expect(keys).toContain(`${prefix}invoice:${first.invoiceId}:send`);
  // Amounts reached Stripe as whole cents.
  const amounts = requests.filter((r) => r.path === '/v1/invoiceitems').map((r) => r.body.amount);
  expect(amounts).toEqual(['15000', '13333', '9000', '15000']);
});

it('sends the owner’s later actions the same way: paid by transfer, a credit note, a void', async () => {
  const accountId = await onboardedAccount(stripe, standin);
  const runId = await insertInvoiceRun(database.db, owner);
  const paid = await insertPendingInvoice(database.db, owner, {
    number: 311,
    stripeAccountId: accountId,
    runId,
    lines: [
      { amountCents: 15_000, vatRateBasisPoints: 2550 },
      { amountCents: 9_000, vatRateBasisPoints: null, vatExemptReason: 'AVL 34 §' },
    ],
  });
  const voided = await insertPendingInvoice(database.db, owner, {
    number: 312,
    stripeAccountId: accountId,
    runId,
  });
  const ctx = testContext(database.db);
  expect(await pushRun(ctx, stripe, runId, owner.practiceId)).toEqual({ sent: 2, failed: [] });

  const from = standin.requests.length;
  await markPaidOutOfBand(ctx, owner, stripe, paid.invoiceId);
  const { push } = await issueCreditNote(ctx, owner, stripe, paid.invoiceId, {
    lineIds: paid.lineIds,
    reason: 'Väärä maksaja',
  });
  expect(push).toEqual({ status: 'sent' });
  await voidInvoice(ctx, owner, stripe, voided.invoiceId);

  const requests = appRequests(standin.requests, from);
  const posts = requests.filter((r) => r.method === 'POST').map((r) => r.path);
  expect(posts).toEqual([
    expect.stringMatching(/^\/v1\/invoices\/.+\/pay$/),
    '/v1/credit_notes',
    expect.stringMatching(/^\/v1\/invoices\/.+\/void$/),
  ]);
  checkRequests(requests, accountId);
  const credit = requests.find((r) => r.method === 'POST' && r.path === '/v1/credit_notes');
  expect(credit?.body.out_of_band_amount).toBe(String(Math.round(15_000 * 1.255) + 9_000));
});
