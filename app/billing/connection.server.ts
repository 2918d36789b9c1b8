/**
 * The practice's own Stripe account (Connect, a Standard account with its own Dashboard; the
 * practice is the merchant and invoices are direct charges on it). The owner starts
 * onboarding here, Stripe collects the details on its own pages behind an account link, and
 * the account's state comes back by `account.updated` (stripe-events.server.ts) or by asking
 * Stripe when the owner returns. Disconnecting stops invoicing and keeps the row, so earlier
 * invoices still name the account they were made on.
 */
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import Stripe from 'stripe';

import type { Db } from '#db/client';
import { practices, stripeConnections, users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { assertMayManageBilling } from './access.server';

export type StripeConnection = typeof stripeConnections.$inferSelect;

/** The connection as the billing page shows it. */
export type ConnectionState = Pick<
  StripeConnection,
  | 'accountId'
  | 'detailsSubmitted'
  | 'chargesEnabled'
  | 'payoutsEnabled'
  | 'requirementsDue'
  | 'connectedAt'
  | 'disconnectedAt'
>;

/** Where Stripe sends the owner back: a fresh link when the old one is stale, or done. */
export const ONBOARDING_REFRESH_PATH = '/billing/connect/refresh';
export const ONBOARDING_RETURN_PATH = '/billing/connect/return';

/** A practice's connection as stored, for code that has checked its right (the invoice run). */
export async function loadConnection(db: Db, practiceId: string): Promise<StripeConnection | null> {
  const [row] = await db
    .select()
    .from(stripeConnections)
    .where(eq(stripeConnections.practiceId, practiceId));
  return row ?? null;
}

/** Invoices may be made on the account: connected, not disconnected, and taking charges. */
export function isReadyToInvoice(connection: ConnectionState | null): boolean {
  return connection !== null && connection.disconnectedAt === null && connection.chargesEnabled;
}

/** The owner reads the connection (null: never connected). */
export async function readConnection(
  { db }: DomainContext,
  actor: MemberActor,
): Promise<ConnectionState | null> {
  assertMayManageBilling(actor);
  return loadConnection(db, actor.practiceId);
}

/**
 * The owner presses "Connect Stripe": the practice's account is created once (a second press,
 * a retry, or a reconnection after disconnecting reuses it) and a fresh onboarding link is
 * returned for the browser to go to.
 */
export async function startOnboarding(
  ctx: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
  appOrigin: string,
): Promise<{ url: string }> {
  assertMayManageBilling(actor);
  const { db, now } = ctx;
  const existing = await loadConnection(db, actor.practiceId);
  let accountId: string;
  if (existing) {
    accountId = existing.accountId;
    if (existing.disconnectedAt !== null) {
      await db
        .update(stripeConnections)
        .set({ disconnectedAt: null, updatedAt: now })
        .where(eq(stripeConnections.practiceId, actor.practiceId));
    }
  } else {
    accountId = await createPracticeAccount(ctx, actor, stripe);
  }
  return onboardingLink(stripe, accountId, appOrigin);
}

/**
 * A new link for an account already connected: when the owner continues at Stripe, or Stripe
 * sends them to the refresh URL because the old link was used or expired. Changes nothing here.
 */
export async function continueOnboarding(
  { db }: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
  appOrigin: string,
): Promise<{ url: string }> {
  assertMayManageBilling(actor);
  const connection = await loadConnection(db, actor.practiceId);
  if (!connection || connection.disconnectedAt !== null) {
    throw new AppError('conflict', 'billing.connect.notConnected');
  }
  return onboardingLink(stripe, connection.accountId, appOrigin);
}

/**
 * The account's state as Stripe has it now, stored unless an `account.updated` of a later
 * moment was applied meanwhile. Our clock stands for the moment of the read: it is at or after
 * every event Stripe had sent when it answered, give or take the clocks' difference.
 */
export async function refreshConnection(
  { db, now }: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
): Promise<ConnectionState> {
  assertMayManageBilling(actor);
  const connection = await loadConnection(db, actor.practiceId);
  if (!connection) throw new AppError('not_found');
  const account = await callStripe(() => stripe.accounts.retrieve(connection.accountId));
  const [updated] = await db
    .update(stripeConnections)
    .set({ ...stateOf(account), stateAt: now, updatedAt: now })
    .where(
      and(
        eq(stripeConnections.practiceId, actor.practiceId),
        eq(stripeConnections.accountId, connection.accountId),
        // lte, not raw SQL: the column maps the Date for either driver.
        or(isNull(stripeConnections.stateAt), lte(stripeConnections.stateAt, now)),
      ),
    )
    .returning();
  return updated ?? (await loadConnection(db, actor.practiceId)) ?? connection;
}

/**
 * The owner disconnects: no new invoices are made on the account. The row stays (and with it
 * the account id earlier invoices name); connecting again reuses the same account.
 */
export async function disconnect({ db, now }: DomainContext, actor: MemberActor): Promise<void> {
  assertMayManageBilling(actor);
  const updated = await db
    .update(stripeConnections)
    .set({ disconnectedAt: now, updatedAt: now })
    .where(
      and(
        eq(stripeConnections.practiceId, actor.practiceId),
        isNull(stripeConnections.disconnectedAt),
      ),
    )
    .returning({ practiceId: stripeConnections.practiceId });
  if (updated.length === 0) throw new AppError('conflict', 'billing.connect.notConnected');
}

/**
 * Creates the practice's Standard account and stores it. The idempotency key is the
 * practice's, so two presses at once (or a retry after a lost answer) get the same account
 * from Stripe, and the row is written once whichever request gets there first.
 */
async function createPracticeAccount(
  { db, now }: DomainContext,
  actor: MemberActor,
  stripe: Stripe,
): Promise<string> {
  const [owner] = await db
    .select({ email: users.email, practiceName: practices.name, legalName: practices.legalName })
    .from(users)
    .innerJoin(practices, eq(practices.id, actor.practiceId))
    .where(eq(users.id, actor.userId));
  if (!owner) throw new AppError('not_found');
  const account = await callStripe(() =>
    stripe.accounts.create(
      {
        // Controller properties of a Standard account (its own full Dashboard, pays its own
        // fees, Stripe collects requirements and bears losses): Stripe's advice over `type`.
        controller: {
          fees: { payer: 'account' },
          losses: { payments: 'stripe' },
          requirement_collection: 'stripe',
          stripe_dashboard: { type: 'full' },
        },
        country: 'FI',
        email: owner.email,
        business_profile: { name: owner.legalName ?? owner.practiceName },
        metadata: { ohjaamo_practice_id: actor.practiceId },
      },
      { idempotencyKey: `ohjaamo:${actor.practiceId}:account` },
    ),
  );
  await db
    .insert(stripeConnections)
    .values({
      practiceId: actor.practiceId,
      accountId: account.id,
      ...stateOf(account),
      stateAt: now,
    })
    .onConflictDoNothing({ target: stripeConnections.practiceId });
  const stored = await loadConnection(db, actor.practiceId);
  if (!stored) throw new AppError('conflict');
  return stored.accountId;
}

/** What the billing page shows of an account, as Stripe reports it. */
function stateOf(account: Stripe.Account) {
  return {
    detailsSubmitted: account.details_submitted ?? false,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    requirementsDue: account.requirements?.currently_due ?? [],
  };
}

async function onboardingLink(
  stripe: Stripe,
  accountId: string,
  appOrigin: string,
): Promise<{ url: string }> {
  const link = await callStripe(() =>
    stripe.accountLinks.create({
      account: accountId,
      type: 'account_onboarding',
      refresh_url: `${appOrigin}${ONBOARDING_REFRESH_PATH}`,
      return_url: `${appOrigin}${ONBOARDING_RETURN_PATH}`,
    }),
  );
  return { url: link.url };
}

/** Stripe out of reach or refusing: the owner is told to try again, not shown a crash. */
async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new AppError('unavailable', 'billing.connect.stripeFailed');
    }
    throw error;
  }
}
