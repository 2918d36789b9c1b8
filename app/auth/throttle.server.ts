/**
 * Log-in throttling kept in the database, so that it holds across several app processes.
 */
import { and, count, eq, gte, lt } from 'drizzle-orm';

import type { Db } from '#db/client';
import { loginAttempts } from '#db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account, and per IP address, within the window. */
export const MAX_FAILURES = 10;
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

export async function isLoginThrottled(
  db: Db,
  email: string,
  ip: string,
  now = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failed = eq(loginAttempts.succeeded, false);
  const recent = gte(loginAttempts.createdAt, since);
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), failed, recent));
  if ((byEmail?.n ?? 0) >= MAX_FAILURES) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), failed, recent));
  return (byIp?.n ?? 0) >= MAX_FAILURES;
}

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  await db.insert(loginAttempts).values({ ...attempt, createdAt: now });
  if (attempt.succeeded) {
    // A correct password ends the account's run of failures; the IP's count stays.
    await db
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.email, attempt.email), eq(loginAttempts.succeeded, false)));
  }
}

export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - KEEP_ATTEMPTS_MS)));
}
