/**
 * Throttling kept in the database, so that it holds across several app processes. Each
 * attempt is counted first, in one atomic statement, and allowed only if its own count is
 * within the limit: thirty concurrent attempts get counts 1 … 30, never thirty times "9".
 */
import { and, eq, lt, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { throttleCounters } from '#db/schema';

export interface ThrottleRule {
  scope: string;
  limit: number;
  windowMs: number;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The documented limits; every one is "at most `limit` within `windowMs`". */
export const throttles = {
  /**
   * Failed log-ins per account, and per IP address. A sign-in code entered counts here too,
   * like a password: a code is only another thing to guess.
   */
  loginAccount: { scope: 'login-account', limit: 10, windowMs: 15 * MINUTE },
  loginIp: { scope: 'login-ip', limit: 10, windowMs: 15 * MINUTE },
  /**
   * Wrong second factors (app or recovery codes) per account. Its own counter: a correct
   * password clears the log-in one, and must not buy ten more code guesses. The IP side is
   * counted in `loginIp`, with passwords.
   */
  secondFactorAccount: { scope: 'second-factor-account', limit: 10, windowMs: 15 * MINUTE },
  /** Wrong current passwords on the settings page, per user. */
  passwordCheck: { scope: 'password-check', limit: 10, windowMs: 15 * MINUTE },
  /** Invitations sent, per practice and per sender. */
  invitePractice: { scope: 'invite-practice', limit: 20, windowMs: HOUR },
  inviteSender: { scope: 'invite-sender', limit: 20, windowMs: HOUR },
  /** Forgot-password requests, per address (known or not) and per IP address. */
  resetAddress: { scope: 'reset-address', limit: 3, windowMs: HOUR },
  resetIp: { scope: 'reset-ip', limit: 20, windowMs: HOUR },
  /** Sign-in codes mailed, per address (known or not) and per IP address. */
  signInCodeAddress: { scope: 'sign-in-code-address', limit: 5, windowMs: HOUR },
  signInCodeIp: { scope: 'sign-in-code-ip', limit: 20, windowMs: HOUR },
  /** Notices to an address that someone tried to sign up with it again. */
  signUpNotice: { scope: 'signup-notice', limit: 3, windowMs: HOUR },
  /** Verification mails a user asks to be sent again. */
  verificationResend: { scope: 'verify-resend', limit: 3, windowMs: HOUR },
} as const satisfies Record<string, ThrottleRule>;

/**
 * Counts one attempt and says whether it is within the limit. A window starts with the
 * first attempt and lasts `windowMs`; an attempt after it starts a new window at 1. Call it
 * inside the action's transaction when a rolled-back action should not count.
 */
export async function countAttempt(
  db: Db,
  rule: ThrottleRule,
  key: string,
  now = new Date(),
): Promise<boolean> {
  // Raw SQL parameters are passed as text: postgres.js does not serialise a Date there.
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowEnd = new Date(now.getTime() - rule.windowMs).toISOString();
  const expired = sql`${throttleCounters.windowStartedAt} <= ${windowEnd}::timestamptz`;
  const [row] = await db
    .insert(throttleCounters)
    .values({ scope: rule.scope, key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: [throttleCounters.scope, throttleCounters.key],
      set: {
        count: sql`case when ${expired} then 1 else ${throttleCounters.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at} else ${throttleCounters.windowStartedAt} end`,
      },
    })
    .returning({ count: throttleCounters.count });
  return (row?.count ?? Number.POSITIVE_INFINITY) <= rule.limit;
}

/** Forgets the key's attempts, e.g. after a correct password ends a run of failures. */
export async function clearAttempts(db: Db, rule: ThrottleRule, key: string): Promise<void> {
  await db
    .delete(throttleCounters)
    .where(and(eq(throttleCounters.scope, rule.scope), eq(throttleCounters.key, key)));
}

/** Takes back one counted attempt that turned out not to be a failure. */
export async function uncountAttempt(db: Db, rule: ThrottleRule, key: string): Promise<void> {
  await db
    .update(throttleCounters)
    .set({ count: sql`greatest(${throttleCounters.count} - 1, 0)` })
    .where(and(eq(throttleCounters.scope, rule.scope), eq(throttleCounters.key, key)));
}

const KEEP_COUNTERS_MS = 24 * HOUR;

/** Deletes counters whose window ended long ago (every window is shorter than a day). */
export async function pruneThrottleCounters(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(throttleCounters)
    .where(lt(throttleCounters.windowStartedAt, new Date(now.getTime() - KEEP_COUNTERS_MS)));
}
