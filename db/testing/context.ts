import type { AppLoadContext } from '@remix-run/node';

import { createSession, validateSessionToken } from '~/auth/session.server';
import { loadConfig } from '~/config.server';
import type { DomainContext } from '~/domain/context';
import { unwrapActionResult } from '~/forms/respond.server';

import type { Db } from '../client';
import { testKeyring } from './keyring';

/** The load context a route gets for a signed-in user (or an anonymous visitor). */
export async function loadContextFor(db: Db, userId: string | null): Promise<AppLoadContext> {
  let auth = null;
  if (userId) {
    const { token } = await createSession(db, userId);
    auth = await validateSessionToken(db, token);
  }
  return {
    db,
    config: loadConfig({ NODE_ENV: 'test' }),
    clientIp: '127.0.0.1',
    cspNonce: 'test-nonce',
    auth,
    keyring: testKeyring,
  };
}

/** What a loader or action threw or returned, as the status a browser would get. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    return unwrapActionResult(await run()).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** A domain context for tests: the test keyring and, unless a test fixes it, the current time. */
export function testContext(db: Db, now = new Date()): DomainContext {
  return { db, keyring: testKeyring, now };
}
