/**
 * The one place where a user who has proved who they are gets a session: log-in by
 * password, by an e-mailed code or link, after accepting an invitation or resetting a
 * password. A user with two-factor sign-in gets no session here yet, but a pending sign-in
 * that /login/two-factor completes.
 */
import { type AppLoadContext, redirect } from '@remix-run/node';
import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships } from '#db/schema';
import { MEMBER_HOME_PATH, SUPERVISEE_HOME_PATH } from '~/auth/home';

import { startSession } from './cookies.server';
import { safeRedirectPath, TWO_FACTOR_SETUP_PATH } from './guards.server';
import { hasTwoFactor } from './two-factor/authenticator.server';
import {
  clearedPendingSignInCookie,
  createPendingSignIn,
  pendingSignInCookie,
} from './two-factor/pending-sign-in.server';
import { twoFactorRequired } from './two-factor/requirement.server';

export const SECOND_FACTOR_PATH = '/login/two-factor';

/**
 * Where a user lands by default: practice members on their Today page, everyone else (a
 * supervisee) in the portal.
 */
export async function homePath(db: Db, userId: string): Promise<string> {
  const [member] = await db
    .select({ practiceId: memberships.practiceId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  return member ? MEMBER_HOME_PATH : SUPERVISEE_HOME_PATH;
}

/**
 * Signs in a user whose identity is proven and redirects them to `redirectTo` (a path of our
 * own site) or their home page. With two-factor sign-in on, the second factor comes first.
 * When a practice requires it and the user has none, the session may only set it up.
 */
export async function completeSignIn(
  context: AppLoadContext,
  userId: string,
  redirectTo: FormDataEntryValue | string | null = null,
): Promise<Response> {
  const { db } = context;
  const target = safeRedirectPath(redirectTo, await homePath(db, userId));
  if (await hasTwoFactor(db, userId)) {
    const pending = await createPendingSignIn(db, { userId, redirectTo: target, now: new Date() });
    const cookie = pendingSignInCookie(
      pending.token,
      pending.expiresAt,
      context.config.cookieSecure,
    );
    return redirect(SECOND_FACTOR_PATH, { headers: { 'Set-Cookie': cookie } });
  }
  const twoFactorSetupRequired = await twoFactorRequired(db, userId);
  const headers = await startSession(db, context, userId, { twoFactorSetupRequired });
  return redirect(twoFactorSetupRequired ? TWO_FACTOR_SETUP_PATH : target, { headers });
}

/** Starts the session once the second factor is accepted, and drops the pending cookie. */
export async function completeSecondFactor(
  context: AppLoadContext,
  userId: string,
  target: string,
): Promise<Response> {
  const headers = new Headers();
  headers.append('Set-Cookie', (await startSession(context.db, context, userId))['Set-Cookie']);
  headers.append('Set-Cookie', clearedPendingSignInCookie(context.config.cookieSecure));
  return redirect(safeRedirectPath(target, await homePath(context.db, userId)), { headers });
}
