/**
 * The HTTP edge through the real stack (Express, the Remix handler, the app's routes): open
 * redirects, security headers on every kind of response, hostile input that used to be a
 * 500, what reaches the log when a query fails, and the one page of a database outage.
 */
import { get as httpGet } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  addMember,
  createContractFixture,
  createPracticeWithOwner,
  TEST_PASSWORD,
} from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { safeRedirectPath } from '~/auth/guards.server';
import { createSession } from '~/auth/session.server';
import type { MemberActor } from '~/practices/actor';

import { startTestApp, type TestApp } from './test-app';

let database: TestDatabase;
let app: TestApp;
let owner: { userId: string; email: string };
let ownerActor: MemberActor;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
  const created = await createPracticeWithOwner(database.db);
  owner = { userId: created.owner.userId, email: created.email };
  ownerActor = created.owner;
  cookie = `ohjaamo_session=${(await createSession(database.db, owner.userId)).token}`;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const html = { Accept: 'text/html', 'Accept-Language': 'fi' };

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${app.origin}${path}`, { redirect: 'manual', headers: { ...html, ...headers } });
}

function post(
  path: string,
  body: BodyInit,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${app.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...html, Origin: app.origin, ...headers },
    body,
  });
}

const form = (values: Record<string, string>) => new URLSearchParams(values);

describe('redirect targets', () => {
  it('accept only paths of our own origin, resolved as a browser resolves them', () => {
    expect(safeRedirectPath('/clients?q=a#top')).toBe('/clients?q=a#top');
    expect(safeRedirectPath('/contracts/../clients')).toBe('/clients');
    for (const hostile of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\\evil.example',
      '//evil.example',
      '/\r\nSet-Cookie: x=1',
      'https://evil.example/',
      'javascript:alert(1)',
      '/\u0000',
    ]) {
      expect(safeRedirectPath(hostile), JSON.stringify(hostile)).toBe('/today');
    }
  });

  it('log-in does not send the browser off-site with a tab in redirectTo', async () => {
    const response = await post(
      '/login',
      form({ email: owner.email, password: TEST_PASSWORD, redirectTo: '/\t/evil.example' }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/today');
  });

  it('the language switcher neither leaves the site nor fails on CR/LF once signed in', async () => {
    for (const redirectTo of ['/\t/evil.example', '/\r\nX-Injected: 1', '/\u0001x']) {
      const response = await post('/language', form({ locale: 'en', redirectTo }), {
        Cookie: cookie,
      });
      expect(response.status, JSON.stringify(redirectTo)).toBe(302);
      expect(response.headers.get('location')).toBe('/');
      expect(response.headers.get('x-injected')).toBeNull();
    }
    await post('/language', form({ locale: 'fi', redirectTo: '/' }), { Cookie: cookie });
  });
});

describe('security headers', () => {
  it('are on every response, also those Express answers before the app', async () => {
    const responses = {
      page: await get('/login'),
      notFound: await get('/no/such/page'),
      missingAsset: await get('/assets/missing-file.js'),
      badEncoding: await get('/clients/%E0%A4%A'),
      health: await get('/healthz'),
      crossSite: await post('/login', form({}), { Origin: 'https://evil.example' }),
      json: await post('/login', '{}', { 'Content-Type': 'application/json' }),
    };
    for (const [name, response] of Object.entries(responses)) {
      expect(response.status, name).toBeLessThan(500);
      expect(response.headers.get('content-security-policy'), name).toContain(
        "frame-ancestors 'none'",
      );
      expect(response.headers.get('x-frame-options'), name).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), name).toBe('same-origin');
    }
    expect(responses.crossSite.status).toBe(403);
    expect(await responses.crossSite.text()).toContain('Ei käyttöoikeutta');
  });
});

describe('bad input is never a 500', () => {
  it('an action posted as JSON or text/plain gets a translated 400', async () => {
    const json = await post('/login', JSON.stringify({ email: owner.email }), {
      'Content-Type': 'application/json',
    });
    expect(json.status).toBe(400);
    expect(await json.text()).toContain('Virheellinen pyyntö');
    const text = await post('/signup', 'practiceName=x', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(400);
    const english = await post('/login', '{}', {
      'Content-Type': 'application/json',
      'Accept-Language': 'en',
    });
    expect(await english.text()).toContain('Bad request');
    const broken = await post('/login', '--x\r\nnonsense', {
      'Content-Type': 'multipart/form-data; boundary=x',
    });
    expect(broken.status).toBe(400);
  });

  it('a NUL byte in a text field or in ?q= is refused with a translated 400', async () => {
    const signUp = await post(
      '/signup',
      form({ practiceName: 'Nolla\u0000 Oy', name: 'N', email: 'n@example.test', password: 'x' }),
    );
    expect(signUp.status).toBe(400);
    expect(await signUp.text()).toContain('nollamerkki');
    const search = await get('/clients?q=%00', { Cookie: cookie });
    expect(search.status).toBe(400);
    const multipart = new FormData();
    multipart.set('email', 'a\u0000@example.test');
    expect((await post('/login', multipart)).status).toBe(400);
  });

  it('shows the current week for a week outside the calendar instead of failing', async () => {
    for (const week of ['9999-W52', '0001-W01', '2026-W54', '2026-W00']) {
      const response = await get(`/calendar?week=${week}`, { Cookie: cookie });
      expect(response.status, week).toBe(200);
    }
  });

  it('a cookie with broken %-encoding does not break the pages', async () => {
    const odd = `${cookie}; other=%E0%A4%A; ohjaamo_lang=%`;
    expect((await get('/calendar', { Cookie: odd })).status).toBe(200);
    expect((await get('/login', { Cookie: 'ohjaamo_session=%E0%A4%A' })).status).toBe(200);
    expect((await get('/calendar', { Cookie: 'ohjaamo_session=a%00b.c' })).status).toBe(302);
  });
});

describe('error pages', () => {
  it('say what happened, per status, in the visitor’s language and without a stack', async () => {
    const supervisor = await addMember(database.db, (await practiceOf(owner.userId)) ?? '');
    const { token } = await createSession(database.db, supervisor.userId);
    const asSupervisor = { Cookie: `ohjaamo_session=${token}` };
    const notFound = await get('/no/such/page');
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toContain('Sivua ei löytynyt');
    const forbidden = await get('/settings/members', asSupervisor);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain('Ei käyttöoikeutta');
    const english = await get('/settings/members', { ...asSupervisor, 'Accept-Language': 'en' });
    expect(await english.text()).toContain('No access');

    await database.db.execute(sql`alter table clients rename to clients_away`);
    try {
      const failed = await get('/clients', { Cookie: cookie });
      expect(failed.status).toBe(500);
      const page = await failed.text();
      expect(page).toContain('Jokin meni vikaan');
      expect(page).not.toMatch(/clients_away|\bat .+:\d+/);
    } finally {
      await database.db.execute(sql`alter table clients_away rename to clients`);
    }
  });
});

describe('the log', () => {
  it('carries no query parameters when a query fails', async () => {
    const supervisor = await addMember(database.db, (await practiceOf(owner.userId)) ?? '');
    const { token } = await createSession(database.db, supervisor.userId);
    const sessionId = token.split('.')[0] ?? '';
    const written: string[] = [];
    const capture = (...args: unknown[]) => written.push(args.map(String).join(' '));
    const spies = [
      vi.spyOn(console, 'error').mockImplementation(capture),
      vi.spyOn(console, 'warn').mockImplementation(capture),
      vi.spyOn(console, 'log').mockImplementation(capture),
    ];
    await database.db.execute(sql`alter table auth_sessions rename to sessions_away`);
    let status = 0;
    let page = '';
    try {
      const response = await get('/calendar', { Cookie: `ohjaamo_session=${token}` });
      status = response.status;
      page = await response.text();
      // Express logs its errors on the next turn, after answering.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await database.db.execute(sql`alter table sessions_away rename to auth_sessions`);
      for (const spy of spies) spy.mockRestore();
    }
    const log = written.join('\n');
    expect(log).not.toContain(sessionId);
    expect(log).not.toContain('params');
    expect(log).toContain('database query failed');
    // Nor does the visitor see the query or a stack.
    expect(status).toBe(500);
    expect(page).not.toMatch(/sessions_away|select|\bat .+:\d+/);
  });

  it('keeps refused requests out of the error log: a POST to a page without a form is a 405', async () => {
    const errors: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => errors.push(args.map(String).join(' ')));
    try {
      const response = await post('/calendar', new URLSearchParams({ a: 'b' }), {
        Cookie: cookie,
      });
      expect(response.status).toBe(405);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      spy.mockRestore();
    }
    expect(errors).toEqual([]);
  });
});

async function practiceOf(userId: string): Promise<string | undefined> {
  const result: unknown = await database.db.execute(
    sql`select practice_id from memberships where user_id = ${userId} limit 1`,
  );
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows[0] as { practice_id?: string } | undefined)?.practice_id;
}

/** A GET whose body is read as sent, not decoded the way fetch decodes it. */
function rawGet(path: string, acceptEncoding: string | null) {
  return new Promise<{ encoding: string | undefined; vary: string; body: Buffer }>(
    (resolve, reject) => {
      const headers: Record<string, string> = { ...html, Cookie: cookie };
      if (acceptEncoding) headers['Accept-Encoding'] = acceptEncoding;
      const request = httpGet(`${app.origin}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            encoding: response.headers['content-encoding'],
            vary: String(response.headers.vary ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      });
      request.on('error', reject);
    },
  );
}

describe('compression', () => {
  it('sends pages gzip-compressed to a browser, brotli to a client that only takes brotli, plain to one that takes neither', async () => {
    // What browsers send: gzip, the cheaper of the two to make (page-compression.server.ts).
    const gzip = await rawGet('/calendar', 'gzip, deflate, br');
    expect(gzip.encoding).toBe('gzip');
    expect(gzip.vary).toMatch(/Accept-Encoding/i);
    const page = gunzipSync(gzip.body).toString('utf8');
    expect(page).toContain('<html');
    expect(gzip.body.length).toBeLessThan(Buffer.byteLength(page) / 2);

    const brotli = await rawGet('/calendar', 'br');
    expect(brotli.encoding).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toContain('<html');
    // A client refusing gzip (q=0) gets brotli even when it names gzip first.
    expect((await rawGet('/calendar', 'gzip;q=0, br')).encoding).toBe('br');

    const plain = await rawGet('/calendar', null);
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('<html');
  });

  it('compresses the single-fetch data of a page too, once it is worth it', async () => {
    // Below 1 KB, compressing costs more than the bytes it saves: sent as it is.
    const small = await rawGet('/contracts.data', 'br');
    expect(small.encoding).toBeUndefined();
    expect(small.vary).toMatch(/Accept-Encoding/i);
    expect(small.body.length).toBeLessThan(1024);

    for (let i = 0; i < 8; i += 1) await createContractFixture(database.db, ownerActor);
    const data = await rawGet('/contracts.data', 'gzip, deflate, br');
    expect(data.encoding).toBe('gzip');
    const decoded = gunzipSync(data.body);
    expect(decoded.length).toBeGreaterThan(1024);
    expect(decoded.length).toBeGreaterThan(data.body.length);
    expect(decoded.toString('utf8')).toContain('Maria Lehtonen');
  });
});

describe('icons', () => {
  it('links the favicon, the home-screen icon and the manifest, and serves each', async () => {
    const page = await (await get('/login')).text();
    const hrefs = [
      ...page.matchAll(/<link rel="(?:icon|apple-touch-icon|manifest)"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1] ?? '');
    expect(hrefs).toEqual([
      '/favicon.svg',
      '/favicon.ico',
      '/apple-touch-icon.png',
      '/manifest.webmanifest',
    ]);
    const manifest = (await (await get('/manifest.webmanifest')).json()) as {
      icons: { src: string; sizes: string }[];
    };
    for (const href of [...hrefs, ...manifest.icons.map((icon) => icon.src)]) {
      const response = await get(href);
      expect(response.status, href).toBe(200);
      expect((await response.arrayBuffer()).byteLength, href).toBeGreaterThan(100);
    }
    expect(manifest.icons.map((icon) => icon.sizes)).toContain('512x512');
  });
});
