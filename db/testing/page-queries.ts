import type { AppLoadContext } from '@remix-run/node';

import { createSession, validateSessionToken } from '~/auth/session.server';

import type { Db } from '../client';
import { loadContextFor } from './context';
import type { queryCounter } from './test-database';

/**
 * The queries one page read (GET) sends, as the server sends them: the session lookup that
 * builds the load context (with the user's practices, as app/http/express-app.server.ts
 * reads them for a GET), then the loader. The sign-in that made the session is not
 * counted. `db` must be the database `counter` logs for.
 */
export async function countPageQueries(
  db: Db,
  counter: ReturnType<typeof queryCounter>,
  userId: string,
  loader: (context: AppLoadContext) => Promise<unknown>,
): Promise<number> {
  const { token } = await createSession(db, userId);
  const base = await loadContextFor(db, null);
  counter.reset();
  const auth = await validateSessionToken(db, token, new Date(), { withAccess: true });
  if (!auth) throw new Error('the session just made did not validate');
  await loader({ ...base, auth });
  return counter.count;
}
