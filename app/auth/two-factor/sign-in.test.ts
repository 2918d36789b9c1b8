/**
 * Signing in with two factors, as a browser goes through the routes: no session after the
 * password alone, the throttle on codes, and a practice's requirement leading to the set-up.
 */
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { authSessions, practices, userTotp } from '#db/schema';
import { loadContextFor, statusOf, testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner, TEST_PASSWORD } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import { revokePortalAccess } from '~/portal/portal-access.server';
import { setTwoFactorRequirement } from '~/practices/two-factor-requirement.server';
import * as calendarRoute from '~/routes/_app.calendar';
import * as settingsRoute from '~/routes/_app.settings._index';
import * as enrolmentRoute from '~/routes/account.two-factor';
import * as loginRoute from '~/routes/login';
import * as secondFactorRoute from '~/routes/login_.two-factor';
import * as logoutRoute from '~/routes/logout';

import { SESSION_COOKIE, validateSessionToken } from '../session.server';
import { openTotpSecret } from './authenticator.server';
import { confirmTotpEnrolment } from './confirm-enrolment.server';
import { PENDING_SIGN_IN_COOKIE } from './pending-sign-in.server';
import { twoFactorRequired } from './requirement.server';
import { startTotpEnrolment } from './start-enrolment.server';
import { totpCodeAt } from './totp.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

function request(path: string, options: { fields?: Record<string, string>; cookie?: string }) {
  const headers = new Headers(options.cookie ? { Cookie: options.cookie } : {});
  if (!options.fields) return new Request(`http://localhost${path}`, { headers });
  const body = new FormData();
  for (const [name, value] of Object.entries(options.fields)) body.set(name, value);
  return new Request(`http://localhost${path}`, { method: 'POST', body, headers });
}

/** An anonymous visitor from `ip` (each test its own, so the IP counters stay apart). */
async function visitorFrom(ip: string): Promise<AppLoadContext> {
  return { ...(await loadContextFor(db(), null)), clientIp: ip };
}

/** The load context of a browser holding the session cookie `token`, as the server builds it. */
async function signedIn(token: string): Promise<AppLoadContext> {
  const auth = await validateSessionToken(db(), token);
  if (!auth) throw new Error('no such session');
  return { ...(await loadContextFor(db(), null)), auth };
}

function cookieFrom(response: Response, name: string): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header?.slice(name.length + 1).split(';')[0];
}

async function sessionCount(userId: string): Promise<number> {
  const rows = await db().select().from(authSessions).where(eq(authSessions.userId, userId));
  return rows.length;
}

async function secretOf(userId: string): Promise<string> {
  const [row] = await db().select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!row) throw new Error('no authenticator');
  return openTotpSecret(testKeyring, userId, row.secretEncrypted);
}

/** An owner who turned two-factor sign-in on ten minutes ago. */
async function enrolledOwner() {
  const { owner, email } = await createPracticeWithOwner(db());
  const then = new Date(Date.now() - 10 * 60_000);
  await startTotpEnrolment(testContext(db(), then), owner.userId);
  const secret = await secretOf(owner.userId);
  const { recoveryCodes } = await confirmTotpEnrolment(testContext(db(), then), owner.userId, {
    code: totpCodeAt(secret, then),
    locale: 'fi',
  });
  return { owner, email, secret, recoveryCodes };
}

async function logIn(context: AppLoadContext, email: string, redirectTo = '') {
  const result = await loginRoute.action({
    request: request('/login', { fields: { email, password: TEST_PASSWORD, redirectTo } }),
    params: {},
    context,
  });
  if (!(result instanceof Response)) throw new Error('log-in was refused');
  return result;
}

async function sendCode(context: AppLoadContext, pendingToken: string, code: string) {
  return secondFactorRoute.action({
    request: request('/login/two-factor', {
      fields: { code },
      cookie: `${PENDING_SIGN_IN_COOKIE}=${pendingToken}`,
    }),
    params: {},
    context,
  });
}

/** A six-digit code that is none of the codes the app shows around now. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = [-1, 0, 1].map((step) => totpCodeAt(secret, new Date(now + step * 30_000)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.includes(code)) return code;
  }
}

describe('a user with two-factor sign-in', () => {
  it('gets no session from the password alone, only after a code from the app', async () => {
    const { owner, email, secret } = await enrolledOwner();
    const context = await visitorFrom('10.1.0.1');
    const afterPassword = await logIn(context, email, '/clients');
    expect(afterPassword.status).toBe(302);
    expect(afterPassword.headers.get('Location')).toBe('/login/two-factor');
    expect(cookieFrom(afterPassword, SESSION_COOKIE)).toBeUndefined();
    const pending = cookieFrom(afterPassword, PENDING_SIGN_IN_COOKIE) ?? '';
    expect(pending).not.toBe('');
    expect(await sessionCount(owner.userId)).toBe(0);

    const page = () =>
      secondFactorRoute.loader({
        request: request('/login/two-factor', { cookie: `${PENDING_SIGN_IN_COOKIE}=${pending}` }),
        params: {},
        context,
      });
    expect(await statusOf(page)).toBe(200);

    const wrong = await sendCode(context, pending, wrongCode(secret));
    expect(unwrapActionResult(wrong).status).toBe(401);
    expect(await sessionCount(owner.userId)).toBe(0);

    const right = await sendCode(context, pending, totpCodeAt(secret, new Date()));
    if (!(right instanceof Response)) throw new Error('the right code was refused');
    expect(right.headers.get('Location')).toBe('/clients');
    expect(cookieFrom(right, SESSION_COOKIE)).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(cookieFrom(right, PENDING_SIGN_IN_COOKIE)).toBe('');
    expect(await sessionCount(owner.userId)).toBe(1);

    // The pending sign-in is spent: its cookie leads back to the log-in page.
    const again = await page().catch((thrown: unknown) => thrown);
    expect(again).toBeInstanceOf(Response);
    expect((again as Response).headers.get('Location')).toBe('/login');
  });

  it('can sign in with a recovery code instead', async () => {
    const { owner, email, recoveryCodes } = await enrolledOwner();
    const context = await visitorFrom('10.1.0.2');
    const pending = cookieFrom(await logIn(context, email), PENDING_SIGN_IN_COOKIE) ?? '';
    const result = await sendCode(context, pending, recoveryCodes[3] ?? '');
    expect(result instanceof Response && result.headers.get('Location')).toBe('/today');
    expect(await sessionCount(owner.userId)).toBe(1);
  });

  it('is refused the page without a pending sign-in', async () => {
    const context = await visitorFrom('10.1.0.3');
    const thrown = await Promise.resolve(
      secondFactorRoute.loader({ request: request('/login/two-factor', {}), params: {}, context }),
    ).catch((e: unknown) => e);
    expect((thrown as Response).headers.get('Location')).toBe('/login');
  });
});

describe('the enrolment page', () => {
  it('makes new recovery codes with the password, and turns two-factor sign-in off with the password and a code', async () => {
    const { owner, secret, recoveryCodes } = await enrolledOwner();
    const context = await loadContextFor(db(), owner.userId);
    const send = async (fields: Record<string, string>) =>
      unwrapActionResult(
        await enrolmentRoute.action({
          request: request('/account/two-factor', { fields }),
          params: {},
          context,
        }),
      );
    const fresh = await send({ intent: 'regenerate', code: '', password: TEST_PASSWORD });
    expect(fresh.data.recoveryCodes).toHaveLength(10);
    expect(fresh.data.recoveryCodes).not.toContain(recoveryCodes[0]);

    const refused = await send({
      intent: 'remove',
      removalPassword: TEST_PASSWORD,
      removalCode: wrongCode(secret),
    });
    expect(refused.status).toBe(400);
    const removed = await send({
      intent: 'remove',
      removalPassword: TEST_PASSWORD,
      removalCode: totpCodeAt(secret, new Date()),
    });
    expect(removed.data).toMatchObject({ removed: true });
    const page = await enrolmentRoute.loader({
      request: request('/account/two-factor', {}),
      params: {},
      context,
    });
    expect(page.status).toMatchObject({ state: 'off', required: false });
  });
});

describe('the sign-in throttle', () => {
  it('refuses second-factor guesses after ten, even with the right code, and a new password does not reset it', async () => {
    const { email, secret } = await enrolledOwner();
    const guesser = await visitorFrom('10.2.0.1');
    const pending = cookieFrom(await logIn(guesser, email), PENDING_SIGN_IN_COOKIE) ?? '';
    for (let i = 0; i < 10; i++) {
      expect(unwrapActionResult(await sendCode(guesser, pending, wrongCode(secret))).status).toBe(
        401,
      );
    }
    const eleventh = unwrapActionResult(
      await sendCode(guesser, pending, totpCodeAt(secret, new Date())),
    );
    expect(eleventh.status).toBe(429);
    expect(eleventh.data).toMatchObject({ formError: 'twoFactor.throttled' });

    // The password again, from elsewhere: the account's code guesses are still counted.
    const elsewhere = await visitorFrom('10.2.0.2');
    const second = cookieFrom(await logIn(elsewhere, email), PENDING_SIGN_IN_COOKIE) ?? '';
    const later = new Date(Date.now() + 30_000);
    const result = unwrapActionResult(await sendCode(elsewhere, second, totpCodeAt(secret, later)));
    expect(result.status).toBe(429);
  });

  it('counts wrong codes against the IP address, with passwords', async () => {
    const { email, secret } = await enrolledOwner();
    const guesser = await visitorFrom('10.2.0.3');
    const pending = cookieFrom(await logIn(guesser, email), PENDING_SIGN_IN_COOKIE) ?? '';
    for (let i = 0; i < 10; i++) await sendCode(guesser, pending, wrongCode(secret));
    const { email: otherEmail } = await createPracticeWithOwner(db());
    const password = await loginRoute.action({
      request: request('/login', { fields: { email: otherEmail, password: TEST_PASSWORD } }),
      params: {},
      context: guesser,
    });
    expect(unwrapActionResult(password).status).toBe(429);
  });
});

describe('a practice that requires two-factor sign-in', () => {
  it('leads a member without it to the set-up, and nowhere else, until it is done', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    await setTwoFactorRequirement(testContext(db()), owner, { staff: true, supervisees: false });
    const response = await logIn(await visitorFrom('10.3.0.1'), email, '/clients');
    expect(response.headers.get('Location')).toBe('/account/two-factor');
    const token = cookieFrom(response, SESSION_COOKIE) ?? '';
    const context = await signedIn(token);
    const args = (path: string, fields?: Record<string, string>) => ({
      request: request(path, fields ? { fields } : {}),
      params: {},
      context,
    });

    const calendar = await Promise.resolve(calendarRoute.loader(args('/calendar'))).catch(
      (e: unknown) => e,
    );
    expect((calendar as Response).headers.get('Location')).toBe('/account/two-factor');
    const settings = await Promise.resolve(settingsRoute.loader(args('/settings'))).catch(
      (e: unknown) => e,
    );
    expect((settings as Response).headers.get('Location')).toBe('/account/two-factor');
    const page = await enrolmentRoute.loader(args('/account/two-factor'));
    expect(page.status).toMatchObject({ state: 'off', required: true });

    await enrolmentRoute.action(args('/account/two-factor', { intent: 'start' }));
    const secret = await secretOf(owner.userId);
    const confirmed = unwrapActionResult(
      await enrolmentRoute.action(
        args('/account/two-factor', { intent: 'confirm', code: totpCodeAt(secret, new Date()) }),
      ),
    );
    expect(confirmed.data.recoveryCodes).toHaveLength(10);

    const afterwards = await calendarRoute.loader({
      request: request('/calendar', {}),
      params: {},
      context: await signedIn(token),
    });
    expect(afterwards).toBeDefined();
  });

  it('lets the member log out before setting it up', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    await setTwoFactorRequirement(testContext(db()), owner, { staff: true, supervisees: false });
    const token = cookieFrom(await logIn(await visitorFrom('10.3.0.2'), email), SESSION_COOKIE);
    const context = await signedIn(token ?? '');
    const out = await logoutRoute.action({
      request: request('/logout', { fields: {} }),
      params: {},
      context,
    });
    expect(out.headers.get('Location')).toBe('/login');
    expect(await sessionCount(owner.userId)).toBe(0);
  });

  it('is switched by the owner on the settings page, and not by a supervisor', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId);
    const fields = { intent: 'two-factor-requirement', requireStaff: 'on' };
    const asSupervisor = await loadContextFor(db(), supervisor.userId);
    expect(
      await statusOf(async () =>
        settingsRoute.action({
          request: request('/settings', { fields }),
          params: {},
          context: asSupervisor,
        }),
      ),
    ).toBe(403);
    const asOwner = await loadContextFor(db(), owner.userId);
    const saved = await settingsRoute.action({
      request: request('/settings', { fields }),
      params: {},
      context: asOwner,
    });
    expect(unwrapActionResult(saved).data).toMatchObject({ done: true });
    const [practice] = await db()
      .select()
      .from(practices)
      .where(eq(practices.id, owner.practiceId));
    expect(practice).toMatchObject({
      requireTwoFactorStaff: true,
      requireTwoFactorSupervisees: false,
    });
  });
});

describe('the requirement for supervisees', () => {
  it('applies to a supervisee with live access where the practice requires it, and ends with the access', async () => {
    const cast = await createPortalCast(db());
    expect(await twoFactorRequired(db(), cast.self.userId)).toBe(false);
    // Requiring it of staff does not touch supervisees, and the other way round.
    await db()
      .update(practices)
      .set({ requireTwoFactorStaff: true })
      .where(eq(practices.id, cast.owner.practiceId));
    expect(await twoFactorRequired(db(), cast.self.userId)).toBe(false);
    await db()
      .update(practices)
      .set({ requireTwoFactorStaff: false, requireTwoFactorSupervisees: true })
      .where(eq(practices.id, cast.owner.practiceId));
    expect(await twoFactorRequired(db(), cast.self.userId)).toBe(true);
    expect(await twoFactorRequired(db(), cast.author.userId)).toBe(false);
    expect(await twoFactorRequired(db(), cast.otherPractice.userId)).toBe(false);
    await revokePortalAccess(testContext(db()), cast.owner, cast.clientId);
    expect(await twoFactorRequired(db(), cast.self.userId)).toBe(false);
  });
});
