/**
 * Connecting a practice's Stripe account, with the real SDK against the stand-in: the account
 * is made once, onboarding on the link's page is seen on return, disconnecting keeps the
 * history and reconnecting reuses the account. Only the owner does any of it.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stripeConnections } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import {
  continueOnboarding,
  disconnect,
  isReadyToInvoice,
  loadConnection,
  readConnection,
  refreshConnection,
  startOnboarding,
} from './connection.server';
import type { StripeStandin } from './stripe-standin/standin.server';
import { startStandin } from './stripe-standin/test-fixtures';

const APP_ORIGIN = 'https://ohjaamo.test';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
}, 60_000);
afterAll(async () => {
  await standin.close();
  await database.close();
});

const ctx = (now = new Date()) => testContext(database.db, now);

/** Opens the link's page and presses its button, as the owner's browser would. */
async function completeOnboardingAt(linkUrl: string): Promise<string | null> {
  const page = await fetch(linkUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const token = /name="link" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const submitted = await fetch(new URL(action, linkUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ link: token }),
    redirect: 'manual',
  });
  expect(submitted.status).toBe(303);
  return submitted.headers.get('location');
}

const accountCreations = () =>
  standin.requests.filter((r) => r.method === 'POST' && r.path === '/v1/accounts');

async function newPractice(): Promise<{ owner: MemberActor; email: string }> {
  return createPracticeWithOwner(database.db, { practiceName: 'Työnohjaus Virtanen' });
}

describe('connecting the practice’s Stripe account', () => {
  it('creates one Standard account for the practice, however often the owner starts', async () => {
    const { owner, email } = await newPractice();
    const before = accountCreations().length;
    const first = await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    const second = await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);

    const created = accountCreations().slice(before);
    expect(created).toHaveLength(1);
    expect(created[0]?.idempotencyKey).toBe(`ohjaamo:${owner.practiceId}:account`);
    expect(created[0]?.stripeAccount).toBeNull();

    const connection = await readConnection(ctx(), owner);
    expect(connection).not.toBeNull();
    const account = standin.accounts.retrieve(connection?.accountId ?? '');
    expect(account).toMatchObject({
      type: 'standard',
      country: 'FI',
      email,
      business_profile: { name: 'Työnohjaus Virtanen' },
      metadata: { ohjaamo_practice_id: owner.practiceId },
      controller: { stripe_dashboard: { type: 'full' }, fees: { payer: 'account' } },
    });
    // Each press gets a link of its own (they are single-use), to the same account.
    expect(first.url).not.toBe(second.url);
    for (const { url } of [first, second]) {
      expect(url).toContain(`/standin/onboarding/${connection?.accountId}?link=`);
    }
    expect(connection).toMatchObject({ chargesEnabled: false, disconnectedAt: null });
    // The new account's state is stored at once: the page lists what Stripe asks for.
    expect(connection?.requirementsDue).toContain('external_account');
    expect(isReadyToInvoice(connection)).toBe(false);
  });

  it('gets one account when two presses race (the same idempotency key)', async () => {
    const { owner } = await newPractice();
    const before = accountCreations().length;
    await Promise.all([
      startOnboarding(ctx(), owner, stripe, APP_ORIGIN),
      startOnboarding(ctx(), owner, stripe, APP_ORIGIN),
    ]);
    const created = accountCreations().slice(before);
    const ids = new Set(created.map((r) => r.idempotencyKey));
    expect(ids).toEqual(new Set([`ohjaamo:${owner.practiceId}:account`]));
    expect(created.filter((r) => !r.replayed)).toHaveLength(1);
    const rows = await database.db
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.practiceId, owner.practiceId));
    expect(rows).toHaveLength(1);
  });

  it('learns on return that onboarding on the link’s page was completed', async () => {
    const { owner } = await newPractice();
    const { url } = await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    const returnTo = await completeOnboardingAt(url);
    expect(returnTo).toBe(`${APP_ORIGIN}/billing/connect/return`);

    const refreshed = await refreshConnection(ctx(), owner, stripe);
    expect(refreshed).toMatchObject({
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      requirementsDue: [],
    });
    expect(isReadyToInvoice(await readConnection(ctx(), owner))).toBe(true);
  });

  it('keeps a later state than the one it reads (an account.updated applied meanwhile)', async () => {
    const { owner } = await newPractice();
    await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    const later = new Date(Date.now() + 60_000);
    await database.db
      .update(stripeConnections)
      .set({ chargesEnabled: true, detailsSubmitted: true, stateAt: later })
      .where(eq(stripeConnections.practiceId, owner.practiceId));

    const state = await refreshConnection(ctx(), owner, stripe);
    expect(state).toMatchObject({ chargesEnabled: true, detailsSubmitted: true });
    const stored = await loadConnection(database.db, owner.practiceId);
    expect(stored?.stateAt).toEqual(later);
  });

  it('gives a connected account a fresh link, and none to a practice without one', async () => {
    const { owner } = await newPractice();
    await expect(continueOnboarding(ctx(), owner, stripe, APP_ORIGIN)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(refreshConnection(ctx(), owner, stripe)).rejects.toMatchObject({
      code: 'not_found',
    });
    await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    const before = accountCreations().length;
    const { url } = await continueOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    expect(url).toContain('/standin/onboarding/');
    expect(accountCreations()).toHaveLength(before);
  });

  it('disconnects without losing the row, and reconnects to the same account', async () => {
    const { owner } = await newPractice();
    const { url } = await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    await completeOnboardingAt(url);
    await refreshConnection(ctx(), owner, stripe);
    const connected = await readConnection(ctx(), owner);

    const at = new Date('2026-12-02T10:00:00Z');
    await disconnect(ctx(at), owner);
    const disconnected = await readConnection(ctx(), owner);
    expect(disconnected).toMatchObject({
      accountId: connected?.accountId,
      chargesEnabled: true,
      disconnectedAt: at,
    });
    expect(isReadyToInvoice(disconnected)).toBe(false);
    // Twice is a conflict, not a second time stamp; nor may the old link be renewed.
    await expect(disconnect(ctx(), owner)).rejects.toMatchObject({ code: 'conflict' });
    await expect(continueOnboarding(ctx(), owner, stripe, APP_ORIGIN)).rejects.toMatchObject({
      code: 'conflict',
    });

    const before = accountCreations().length;
    const again = await startOnboarding(ctx(), owner, stripe, APP_ORIGIN);
    expect(accountCreations()).toHaveLength(before);
    expect(again.url).toContain(`/standin/onboarding/${connected?.accountId}?`);
    const reconnected = await readConnection(ctx(), owner);
    expect(reconnected).toMatchObject({ accountId: connected?.accountId, disconnectedAt: null });
    expect(isReadyToInvoice(reconnected)).toBe(true);
  });

  it('refuses a supervisor every step, and nothing is created', async () => {
    const { owner } = await newPractice();
    const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
    const before = standin.requests.length;
    const forbidden = { code: 'forbidden' } satisfies Partial<AppError>;
    await expect(readConnection(ctx(), supervisor)).rejects.toMatchObject(forbidden);
    await expect(startOnboarding(ctx(), supervisor, stripe, APP_ORIGIN)).rejects.toMatchObject(
      forbidden,
    );
    await expect(continueOnboarding(ctx(), supervisor, stripe, APP_ORIGIN)).rejects.toMatchObject(
      forbidden,
    );
    await expect(refreshConnection(ctx(), supervisor, stripe)).rejects.toMatchObject(forbidden);
    await expect(disconnect(ctx(), supervisor)).rejects.toMatchObject(forbidden);
    expect(standin.requests).toHaveLength(before);
    expect(await loadConnection(database.db, owner.practiceId)).toBeNull();
  });
});

describe('isReadyToInvoice', () => {
  const state = {
    accountId: 'acct_x',
    detailsSubmitted: true,
    chargesEnabled: true,
    payoutsEnabled: true,
    requirementsDue: [],
    connectedAt: new Date(),
    disconnectedAt: null,
  };
  it('asks for a connected account that takes charges', () => {
    expect(isReadyToInvoice(null)).toBe(false);
    expect(isReadyToInvoice(state)).toBe(true);
    expect(isReadyToInvoice({ ...state, chargesEnabled: false })).toBe(false);
    expect(isReadyToInvoice({ ...state, disconnectedAt: new Date() })).toBe(false);
  });
});
