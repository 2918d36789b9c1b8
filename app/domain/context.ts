import type { AppLoadContext } from '@remix-run/node';

import type { Db } from '#db/client';
import type { NoteKeyring } from '~/security/sealing.server';

/**
 * What every use case needs besides the actor and its input: the database (or the
 * transaction it runs in), the keys that seal confidential text, and the moment it happens —
 * one `now` for the whole use case, so everything it writes carries the same time.
 */
export interface DomainContext {
  db: Db;
  keyring: NoteKeyring;
  now: Date;
}

/** The context a loader or action hands to the domain, stamped with the request's time. */
export function domainContext(loadContext: AppLoadContext, now = new Date()): DomainContext {
  return { db: loadContext.db, keyring: loadContext.keyring, now };
}
