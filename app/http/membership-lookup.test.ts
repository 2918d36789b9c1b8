/**
 * A staff page's layout and its own loader both ask who the user is in their practice; on a
 * page read the answer comes with the session, in the one query that looks the session up
 * (app/auth/session.server.ts, app/auth/guards.server.ts).
 */
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createPracticeWithOwner } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';

import { startTestApp, type TestApp } from './test-app';

const sent: string[] = [];
const recorder: Logger = {
  logQuery(query) {
    sent.push(query);
  },
};

let database: TestDatabase;
let app: TestApp;
let cookie = '';
let superviseeCookie = '';

beforeAll(async () => {
  database = await createTestDatabase({ logger: recorder });
  app = await startTestApp(database);
  const { owner } = await createPracticeWithOwner(database.db);
  cookie = `ohjaamo_session=${(await createSession(database.db, owner.userId)).token}`;
  const cast = await createPortalCast(database.db);
  superviseeCookie = `ohjaamo_session=${(await createSession(database.db, cast.self.userId)).token}`;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const membershipReads = () => sent.filter((query) => /from "memberships"/i.test(query));

it.each(['/calendar', '/calendar.data', '/billing/invoices'])(
  'reads the memberships with the session for %s, though two loaders guard it',
  async (path) => {
    // The first request compiles the routes; count on the second.
    await fetch(`${app.origin}${path}`, { headers: { Cookie: cookie, Accept: 'text/html' } });
    sent.length = 0;
    const response = await fetch(`${app.origin}${path}`, {
      headers: { Cookie: cookie, Accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    const reads = membershipReads();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "auth_sessions"/i);
  },
);

it.each(['/portal', '/portal/summaries', '/portal/summaries.data'])(
  "reads the supervisee's portal access with the session for %s, though two loaders guard it",
  async (path) => {
    const headers = { Cookie: superviseeCookie, Accept: 'text/html' };
    await fetch(`${app.origin}${path}`, { headers });
    sent.length = 0;
    const response = await fetch(`${app.origin}${path}`, { headers });
    expect(response.status).toBe(200);
    const reads = sent.filter((query) => /from "portal_access"/i.test(query));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/from "auth_sessions"/i);
  },
);
