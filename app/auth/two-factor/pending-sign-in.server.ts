/**
 * A sign-in between its first factor and its second: the browser holds a random token in an
 * HttpOnly cookie, the database only its SHA-256, the user and where they were going.
 */
import { and, eq, gt, lt } from 'drizzle-orm';

import type { Db } from '#db/client';
import { pendingSignIns } from '#db/schema';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { readCookie, serialiseCookie } from '../session.server';

export const PENDING_SIGN_IN_COOKIE = 'ohjaamo_pending_sign_in';
/** Long enough to find the phone, short enough that an abandoned sign-in goes stale. */
export const PENDING_SIGN_IN_LIFETIME_MS = 10 * 60 * 1000;

export async function createPendingSignIn(
  db: Db,
  input: { userId: string; redirectTo: string; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(input.now.getTime() + PENDING_SIGN_IN_LIFETIME_MS);
  // The user's stale attempts go with each new one, so they do not pile up.
  await db
    .delete(pendingSignIns)
    .where(and(eq(pendingSignIns.userId, input.userId), lt(pendingSignIns.expiresAt, input.now)));
  await db.insert(pendingSignIns).values({
    tokenHash: sha256Hex(token),
    userId: input.userId,
    redirectTo: input.redirectTo,
    expiresAt,
    createdAt: input.now,
  });
  return { token, expiresAt };
}

export async function findPendingSignIn(
  db: Db,
  token: string,
  now: Date,
): Promise<{ userId: string; redirectTo: string } | null> {
  const [row] = await db
    .select({ userId: pendingSignIns.userId, redirectTo: pendingSignIns.redirectTo })
    .from(pendingSignIns)
    .where(and(eq(pendingSignIns.tokenHash, sha256Hex(token)), gt(pendingSignIns.expiresAt, now)));
  return row ?? null;
}

/** Spends the pending sign-in (true if it was still there), and the user's expired ones. */
export async function spendPendingSignIn(
  db: Db,
  token: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const spent = await db
    .delete(pendingSignIns)
    .where(and(eq(pendingSignIns.tokenHash, sha256Hex(token)), gt(pendingSignIns.expiresAt, now)))
    .returning({ userId: pendingSignIns.userId });
  await db
    .delete(pendingSignIns)
    .where(and(eq(pendingSignIns.userId, userId), lt(pendingSignIns.expiresAt, now)));
  return spent.length > 0;
}

export function pendingSignInToken(request: Request): string | undefined {
  return readCookie(request.headers.get('cookie'), PENDING_SIGN_IN_COOKIE) || undefined;
}

export function pendingSignInCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialiseCookie(PENDING_SIGN_IN_COOKIE, token, expiresAt, secure);
}

export function clearedPendingSignInCookie(secure: boolean): string {
  return serialiseCookie(PENDING_SIGN_IN_COOKIE, '', new Date(0), secure);
}
