/**
 * A staff page's layout and its own loader both ask who the user is in their practice; on a
 * page read the answer comes with the session, in the one query that looks the session up
 * (app/auth/session.server.ts, app/auth/guards.server.ts).
 */
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { addMember, createPracticeWithOwner } from '#db/testing/factories';
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
const cookies = { owner: '', supervisor: '' };
let superviseeCookie = '';

beforeAll(async () => {
  database = await createTestDatabase({ logger: recorder });
  app = await startTestApp(database);
  const { owner } = await createPracticeWithOwner(database.db);
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = `ohjaamo_session=${(await createSession(database.db, owner.userId)).token}`;
  cookies.supervisor = `ohjaamo_session=${(await createSession(database.db, supervisor.userId)).token}`;
  const cast = await createPortalCast(database.db);
  superviseeCookie = `ohjaamo_session=${(await createSession(database.db, cast.self.userId)).token}`;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const membershipReads = () => sent.filter((query) => /from "memberships"/i.test(query));

// The owner's calendar reads the practice's members too, for its filter: a supervisor's
// calendar has no other reason to read memberships than who the viewer is.
it.each([
  ['/calendar', 'supervisor'],
  ['/calendar.data', 'supervisor'],
  ['/billing/invoices', 'owner'],
] as const)(
  'reads the memberships with the session for %s (%s), though two loaders guard it',
  async (path, who) => {
    const headers = { Cookie: cookies[who], Accept: 'text/html' };
    // The first request compiles the routes; count on the second.
    await fetch(`${app.origin}${path}`, { headers });
    sent.length = 0;
    const response = await fetch(`${app.origin}${path}`, { headers });
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
