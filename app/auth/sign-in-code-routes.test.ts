/**
 * What a browser sees of sign-in by e-mail: /login/code answers every address alike and
 * signs in with the right code; /login/link/$token shows a button on GET and signs in only
 * on its POST, once.
 */
import type { AppLoadContext } from '@remix-run/node';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox } from '#db/schema';
import { loadContextFor, testContext } from '#db/testing/context';
import { createPracticeWithOwner, TEST_ORIGIN, uniqueEmail } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { unsealBody } from '~/email/sealed-link.server';
import { unwrapActionResult } from '~/forms/respond.server';
import * as codeRoute from '~/routes/login_.code';
import * as linkRoute from '~/routes/login_.link.$token';

import { validateSessionToken } from './session.server';
import { requestSignInCode } from './sign-in-code.server';

let database: Database;
let anonymous: AppLoadContext;
beforeAll(async () => {
  database = await createTestDatabase();
  anonymous = await loadContextFor(database.db, null);
});
afterAll(() => database.close());
const db = () => database.db;

function post(path: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return new Request(`http://localhost${path}`, { method: 'POST', body });
}

async function account() {
  const { email, owner } = await createPracticeWithOwner(db());
  await db().delete(outbox).where(eq(outbox.toAddress, email));
  return { email, userId: owner.userId };
}

async function mailsTo(email: string) {
  return db().select().from(outbox).where(eq(outbox.toAddress, email));
}

async function readMail(email: string): Promise<{ code: string; token: string; link: string }> {
  const [row] = await db()
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(desc(outbox.createdAt));
  const body = row ? (unsealBody(testKeyring, row) ?? '') : '';
  const link = /https?:\S+\/login\/link\/\S+/.exec(body)?.[0];
  const token = link && new URL(link).pathname.split('/').pop();
  const code = /(?:Koodi|Code): (\d{6})/.exec(body)?.[1];
  if (!link || !token || !code) throw new Error(`no code or link in the mail: ${body}`);
  return { code, token, link };
}

const askForCode = async (email: string, redirectTo = '') =>
  unwrapActionResult(
    await codeRoute.action({
      request: post('/login/code', { email, redirectTo }),
      params: {},
      context: anonymous,
    }),
  );

let nextIp = 0;

/** Each entry comes from its own IP address unless one is given, so tests do not share limits. */
async function enterCode(email: string, code: string, redirectTo = '', ip?: string) {
  return codeRoute.action({
    request: post('/login/code', { intent: 'verify', email, code, redirectTo }),
    params: {},
    context: { ...anonymous, clientIp: ip ?? `198.51.100.${(nextIp += 1)}` },
  });
}

/** A six-digit code other than the right one. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The signed-in user of a response's session cookie, if it set one. */
async function signedInUser(response: Response): Promise<string | null> {
  const cookie = response.headers.get('Set-Cookie');
  const token = cookie ? /=([^;]+)/.exec(cookie)?.[1] : undefined;
  if (!token) return null;
  return (await validateSessionToken(db(), decodeURIComponent(token)))?.user.id ?? null;
}

describe('/login/code', () => {
  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const { email: known } = await account();
    const unknown = uniqueEmail('nobody');
    const forKnown = await askForCode(known, '/clients');
    const forUnknown = await askForCode(unknown, '/clients');
    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    expect({ ...forUnknown.data, email: known }).toEqual(forKnown.data);
    expect(forKnown.data).toMatchObject({ step: 'code', sent: true, redirectTo: '/clients' });
    expect(await mailsTo(known)).toHaveLength(1);
    expect(await mailsTo(unknown)).toHaveLength(0);
  });

  it('signs in with the right code, to the page asked for, and not twice', async () => {
    const { email, userId } = await account();
    await askForCode(email, '/clients?page=2');
    const { code, link } = await readMail(email);
    expect(new URL(link).searchParams.get('redirectTo')).toBe('/clients?page=2');
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    const result = await enterCode(email.toUpperCase(), spaced, '/clients?page=2');
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/clients?page=2');
    expect(await signedInUser(response)).toBe(userId);

    const again = unwrapActionResult(await enterCode(email, code));
    expect(again.status).toBe(401);
    expect(again.data).toMatchObject({ step: 'code', email, formError: 'signInCode.invalid' });
  });

  it('goes nowhere but our own site after signing in', async () => {
    const { email } = await account();
    await askForCode(email, 'https://evil.example/');
    const { code } = await readMail(email);
    const response = (await enterCode(email, code, '//evil.example/')) as Response;
    expect(response.headers.get('Location')).toBe('/today');
  });

  it('refuses a wrong code with 401 and a malformed one with 400, keeping the address', async () => {
    const { email } = await account();
    await askForCode(email);
    const { code } = await readMail(email);
    const wrong = unwrapActionResult(await enterCode(email, otherThan(code)));
    expect(wrong.status).toBe(401);
    expect(wrong.data).toMatchObject({ step: 'code', email, formError: 'signInCode.invalid' });
    const malformed = unwrapActionResult(await enterCode(email, '12a45'));
    expect(malformed.status).toBe(400);
    expect(malformed.data).toMatchObject({
      step: 'code',
      email,
      fieldErrors: { code: ['signInCode.codeFormat'] },
    });
  });

  it('answers the 11th code for one account within 15 minutes with 429', async () => {
    const { email } = await account();
    for (let round = 0; round < 2; round++) {
      await askForCode(email);
      const { code } = await readMail(email);
      for (let i = 0; i < 5; i++) {
        expect(unwrapActionResult(await enterCode(email, otherThan(code))).status).toBe(401);
      }
    }
    await askForCode(email);
    const { code } = await readMail(email);
    const refused = unwrapActionResult(await enterCode(email, code));
    expect(refused.status).toBe(429);
    expect(refused.data).toMatchObject({ formError: 'signInCode.guessThrottled' });
  });
});

describe('/login/link/$token', () => {
  const load = async (token: string) =>
    linkRoute.loader({
      request: new Request(`http://localhost/login/link/${token}?redirectTo=%2Fclients`),
      params: { token },
      context: anonymous,
    });
  const press = async (token: string, redirectTo = '/clients') =>
    linkRoute.action({
      request: post(`/login/link/${token}`, { redirectTo }),
      params: { token },
      context: anonymous,
    });

  it('shows a button on GET however often it is opened; the POST signs in, once', async () => {
    const { email, userId } = await account();
    await askForCode(email);
    const { token } = await readMail(email);
    for (let i = 0; i < 3; i++) {
      expect(await load(token)).toEqual({ email, redirectTo: '/clients' });
    }
    const response = (await press(token)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/clients');
    expect(await signedInUser(response)).toBe(userId);

    expect(await load(token)).toEqual({ email: null, redirectTo: '/clients' });
    const again = unwrapActionResult(await press(token));
    expect(again.status).toBe(404);
    expect(again.data).toEqual({ messageKey: 'signInLink.invalid' });
  });

  it('says an expired link has expired, on GET and POST', async () => {
    const { email } = await account();
    await requestSignInCode(testContext(db(), new Date(Date.now() - 16 * 60 * 1000)), {
      email,
      locale: 'en',
      ip: '192.0.2.7',
      redirectTo: '',
      mail: { appOrigin: TEST_ORIGIN, keyring: testKeyring },
    });
    const { token } = await readMail(email);
    expect(await load(token)).toMatchObject({ email: null });
    expect(unwrapActionResult(await press(token)).status).toBe(404);
  });
});
