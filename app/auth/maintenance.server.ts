import { lt, or } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  authSessions,
  emailVerifications,
  passwordResets,
  pendingSignIns,
  signInCodes,
} from '#db/schema';

import { pruneThrottleCounters } from './throttle.server';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what is no longer needed and should not be kept: expired sessions and pending
 * sign-ins, spent or expired reset and verification links and sign-in codes older than a
 * day, and throttle counters older than a day.
 */
export async function pruneAuthRecords(db: Db, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
  await db.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
  await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, dayAgo), lt(passwordResets.usedAt, dayAgo)));
  await db
    .delete(emailVerifications)
    .where(or(lt(emailVerifications.expiresAt, dayAgo), lt(emailVerifications.usedAt, dayAgo)));
  await db
    .delete(signInCodes)
    .where(or(lt(signInCodes.expiresAt, dayAgo), lt(signInCodes.usedAt, dayAgo)));
  await pruneThrottleCounters(db, now);
}
