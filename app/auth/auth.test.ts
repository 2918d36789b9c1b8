import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  authSessions,
  memberships,
  outbox,
  passwordResets,
  practices,
  throttleCounters,
  users,
} from '#db/schema';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import {
  createPracticeWithOwner,
  TEST_ORIGIN,
  TEST_PASSWORD,
  uniqueEmail,
} from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';

import { changePassword } from './change-password.server';
import { logIn } from './log-in.server';
import { pruneAuthRecords } from './maintenance.server';
import { requestPasswordReset } from './password-reset.server';
import { signUpSchema } from './schemas';
import {
  createSession,
  invalidateSession,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from './session.server';
import { signUp } from './sign-up.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };

describe('sign-up', () => {
  it('creates the user, the practice and the owner membership', async () => {
    const email = uniqueEmail();
    const result = await signUp(testContext(db()), {
      practiceName: 'Kajo',
      name: 'Aino',
      email,
      password: TEST_PASSWORD,
      mail,
    });
    if (result.kind !== 'created') throw new Error('sign-up did not create the account');
    const { userId, practiceId } = result;
    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user?.email).toBe(email);
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain(TEST_PASSWORD);
    const [practice] = await db().select().from(practices).where(eq(practices.id, practiceId));
    expect(practice?.name).toBe('Kajo');
    const [membership] = await db()
      .select()
      .from(memberships)
      .where(eq(memberships.userId, userId));
    expect(membership).toMatchObject({ practiceId, role: 'owner' });
  });

  it('a known address gets no new account and no error; its owner is mailed instead', async () => {
    const { email } = await createPracticeWithOwner(db());
    await db().delete(outbox).where(eq(outbox.toAddress, email));
    const before = await db().select().from(practices);
    await expect(
      signUp(testContext(db()), {
        practiceName: 'Toinen',
        name: 'X',
        email,
        password: TEST_PASSWORD,
        mail,
      }),
    ).resolves.toEqual({ kind: 'address-taken' });
    expect(await db().select().from(practices)).toHaveLength(before.length);
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Yritys luoda tili osoitteellasi');
    expect(mails[0]?.textBody).toContain(`${TEST_ORIGIN}/forgot-password`);
    expect(mails[0]?.sealedLink).toBeNull();
  });

  it('validates the form: short, common and e-mail-equal passwords, bad e-mail', () => {
    const base = { practiceName: 'P', name: 'N', email: 'a@b.fi' };
    const errors = (password: string, email = base.email) => {
      const result = signUpSchema.safeParse({ ...base, email, password });
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(errors('lyhyt')).toContain('auth.password.tooShort');
    expect(errors('Password123')).toContain('auth.password.common');
    expect(errors('salasana123')).toContain('auth.password.common');
    expect(errors('longer.address@b.fi', 'longer.address@b.fi')).toContain(
      'auth.password.sameAsEmail',
    );
    expect(errors(TEST_PASSWORD, 'not-an-email')).toContain('form.invalidEmail');
    expect(errors(TEST_PASSWORD)).toEqual([]);
  });
});

describe('log-in', () => {
  it('accepts the right password and refuses a wrong one or an unknown address', async () => {
    const { email, owner } = await createPracticeWithOwner(db());
    await expect(
      logIn(testContext(db()), { email, password: TEST_PASSWORD, ip: '10.0.0.1' }),
    ).resolves.toEqual({
      userId: owner.userId,
    });
    await expectAppError(
      logIn(testContext(db()), { email, password: 'väärä-salasana', ip: '10.0.0.1' }),
      'login.invalid',
    );
    await expectAppError(
      logIn(testContext(db()), { email: uniqueEmail(), password: TEST_PASSWORD, ip: '10.0.0.1' }),
      'login.invalid',
    );
  });
});

describe('sessions', () => {
  it('stores only a hash of the secret and validates the token', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { token, session } = await createSession(db(), owner.userId);
    const [, secret] = token.split('.');
    const [row] = await db().select().from(authSessions).where(eq(authSessions.id, session.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    const validated = await validateSessionToken(db(), token);
    expect(validated?.user.id).toBe(owner.userId);
    expect(await validateSessionToken(db(), `${session.id}.${'x'.repeat(43)}`)).toBeNull();
    expect(await validateSessionToken(db(), 'garbage')).toBeNull();
  });

  it('expires after 30 idle days and slides forward when used', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const start = new Date('2026-11-01T12:00:00Z');
    const { token } = await createSession(db(), owner.userId, start);
    const day20 = new Date(start.getTime() + 20 * 24 * 3600 * 1000);
    const renewed = await validateSessionToken(db(), token, day20);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.session.expiresAt.getTime()).toBe(day20.getTime() + SESSION_LIFETIME_MS);
    // 40 days after creation, but only 20 after last use: still valid.
    const day40 = new Date(start.getTime() + 40 * 24 * 3600 * 1000);
    expect(await validateSessionToken(db(), token, day40)).not.toBeNull();
    const idleTooLong = new Date(day40.getTime() + SESSION_LIFETIME_MS + 1000);
    expect(await validateSessionToken(db(), token, idleTooLong)).toBeNull();
    expect(await validateSessionToken(db(), token, day40)).toBeNull();
  });

  it('log-out deletes the session row', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { token, session } = await createSession(db(), owner.userId);
    await invalidateSession(db(), session.id);
    expect(
      await db().select().from(authSessions).where(eq(authSessions.id, session.id)),
    ).toHaveLength(0);
    expect(await validateSessionToken(db(), token)).toBeNull();
  });

  it('changing the password ends every other session but keeps the current one', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const current = await createSession(db(), owner.userId);
    const other = await createSession(db(), owner.userId);
    await expectAppError(
      changePassword(
        testContext(db()),
        { userId: owner.userId, sessionId: current.session.id },
        { currentPassword: 'wrong-current', password: 'uusi-salasana-talvi' },
      ),
      'settings.wrongPassword',
    );
    expect(await validateSessionToken(db(), other.token)).not.toBeNull();
    await changePassword(
      testContext(db()),
      { userId: owner.userId, sessionId: current.session.id },
      { currentPassword: TEST_PASSWORD, password: 'uusi-salasana-talvi' },
    );
    expect(await validateSessionToken(db(), current.token)).not.toBeNull();
    expect(await validateSessionToken(db(), other.token)).toBeNull();
  });
});

describe('clean-up', () => {
  it('deletes expired sessions, old reset links and old throttle counters, and nothing current', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    const expired = await createSession(db(), owner.userId, longAgo);
    const current = await createSession(db(), owner.userId);
    await requestPasswordReset(testContext(db(), longAgo), {
      email,
      locale: 'fi',
      ip: '10.7.0.2',
      mail,
    });
    await expectAppError(
      logIn(testContext(db(), longAgo), { email, password: 'wrong-password', ip: '10.7.0.1' }),
      'login.invalid',
    );
    await expectAppError(
      logIn(testContext(db()), { email, password: 'wrong-password', ip: '10.7.0.1' }),
      'login.invalid',
    );

    await pruneAuthRecords(db());

    const sessionIds = (
      await db().select().from(authSessions).where(eq(authSessions.userId, owner.userId))
    ).map((s) => s.id);
    expect(sessionIds).toEqual([current.session.id]);
    expect(sessionIds).not.toContain(expired.session.id);
    expect(
      await db().select().from(passwordResets).where(eq(passwordResets.userId, owner.userId)),
    ).toHaveLength(0);
    const counters = await db()
      .select()
      .from(throttleCounters)
      .where(eq(throttleCounters.key, email));
    // The reset counter of 40 days ago is gone; the log-in counter of today stays.
    expect(counters.map((c) => c.scope)).toEqual(['login-account']);
  });
});
