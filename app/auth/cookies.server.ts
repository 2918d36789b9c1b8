import type { AppLoadContext } from '@remix-run/node';

import type { Db } from '#db/client';

import { createSession, sessionCookie } from './session.server';

/**
 * Starts a session for the user and returns the Set-Cookie header that carries it. A session
 * marked `twoFactorSetupRequired` reaches only the two-factor enrolment page.
 */
export async function startSession(
  db: Db,
  context: AppLoadContext,
  userId: string,
  options: { twoFactorSetupRequired?: boolean } = {},
) {
  const { token, session } = await createSession(db, userId, new Date(), options);
  return { 'Set-Cookie': sessionCookie(token, session.expiresAt, context.config.cookieSecure) };
}
