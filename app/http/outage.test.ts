/**
 * While the database is down, every request that needs it gets the same translated "temporarily
 * unavailable" answer with status 503: pages, `.data` fetches, form posts, signed in or not.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from '#db/client';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';

import { startTestApp, type TestApp } from './test-app';

const running: TestApp[] = [];
afterAll(async () => {
  for (const app of running) await app.close();
});

async function expectUnavailableEverywhere(app: TestApp, cookie: string) {
  const fi = { Accept: 'text/html', 'Accept-Language': 'fi' };
  const requests: [string, RequestInit][] = [
    ['/calendar', { headers: { ...fi, Cookie: cookie } }],
    ['/clients', { headers: { ...fi, Cookie: cookie } }],
    ['/calendar.data', { headers: { Cookie: cookie } }],
    [
      '/login',
      {
        method: 'POST',
        headers: { ...fi, Origin: app.origin },
        body: new URLSearchParams({ email: 'a@example.test', password: 'x' }),
      },
    ],
  ];
  for (const [path, init] of requests) {
    const response = await fetch(`${app.origin}${path}`, { redirect: 'manual', ...init });
    const body = await response.text();
    expect(response.status, path).toBe(503);
    expect(body, path).toContain('Tilapäisesti poissa käytöstä');
    expect(body, path).not.toMatch(/\bat .+:\d+|Error:|Jokin meni vikaan/);
    expect(response.headers.get('content-security-policy'), path).toContain('frame-ancestors');
  }
  const english = await fetch(`${app.origin}/clients`, {
    headers: { Accept: 'text/html', 'Accept-Language': 'en', Cookie: cookie },
  });
  expect(english.status).toBe(503);
  expect(await english.text()).toContain('Temporarily unavailable');
}

describe('a database outage', () => {
  it('gives one translated 503 page when the database has gone away', async () => {
    const database = await createTestDatabase();
    const app = await startTestApp(database);
    running.push(app);
    const { owner } = await createPracticeWithOwner(database.db);
    const cookie = `ohjaamo_session=${(await createSession(database.db, owner.userId)).token}`;
    expect((await fetch(`${app.origin}/calendar`, { headers: { Cookie: cookie } })).status).toBe(
      200,
    );
    await database.close();
    await expectUnavailableEverywhere(app, cookie);
  }, 60_000);

  it('gives the same page when the database server cannot be reached at all', async () => {
    const unreachable = await openDatabase({ url: 'postgres://postgres@127.0.0.1:9/none' });
    const app = await startTestApp(unreachable);
    running.push(app);
    await expectUnavailableEverywhere(app, 'ohjaamo_session=abc.def');
    await unreachable.close();
  }, 60_000);
});
