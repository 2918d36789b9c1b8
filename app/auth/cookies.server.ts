import type { AppLoadContext } from '@remix-run/node';

import type { Db } from '#db/client';

import { createSession, sessionCookie } from './session.server';

/** Starts a session for the user and returns the Set-Cookie header that carries it. */
export async function startSession(db: Db, context: AppLoadContext, userId: string) {
  const { token, session } = await createSession(db, userId);
  return { 'Set-Cookie': sessionCookie(token, session.expiresAt, context.config.cookieSecure) };
}
