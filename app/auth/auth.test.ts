import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  authSessions,
  loginAttempts,
  memberships,
  outbox,
  passwordResets,
  practices,
  users,
} from '#db/schema';
import { createPracticeWithOwner, TEST_PASSWORD, uniqueEmail } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { AppError } from '~/errors';

import { changePassword } from './change-password.server';
import { logIn } from './log-in.server';
import { pruneAuthRecords } from './maintenance.server';
import { requestPasswordReset, resetPassword } from './password-reset.server';
import { signUpSchema } from './schemas';
import {
  createSession,
  invalidateSession,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from './session.server';
import { signUp } from './sign-up.server';
import { MAX_FAILURES, THROTTLE_WINDOW_MS } from './throttle.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const minutes = (n: number) => n * 60 * 1000;

async function expectAppError(promise: Promise<unknown>, messageKey: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).messageKey).toBe(messageKey);
}

describe('sign-up', () => {
  it('creates the user, the practice and the owner membership', async () => {
    const email = uniqueEmail();
    const { userId, practiceId } = await signUp(db(), {
      practiceName: 'Kajo',
      name: 'Aino',
      email,
      password: TEST_PASSWORD,
    });
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

  it('refuses an address that already has an account, and writes nothing', async () => {
    const { email } = await createPracticeWithOwner(db());
    const before = await db().select().from(practices);
    await expectAppError(
      signUp(db(), { practiceName: 'Toinen', name: 'X', email, password: TEST_PASSWORD }),
      'signup.emailTaken',
    );
    expect(await db().select().from(practices)).toHaveLength(before.length);
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
    await expect(logIn(db(), { email, password: TEST_PASSWORD, ip: '10.0.0.1' })).resolves.toEqual({
      userId: owner.userId,
    });
    await expectAppError(
      logIn(db(), { email, password: 'väärä-salasana', ip: '10.0.0.1' }),
      'login.invalid',
    );
    await expectAppError(
      logIn(db(), { email: uniqueEmail(), password: TEST_PASSWORD, ip: '10.0.0.1' }),
      'login.invalid',
    );
  });

  it(`refuses an account after ${MAX_FAILURES} failures in 15 minutes, even with the right password`, async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date('2026-11-22T10:00:00Z');
    for (let i = 0; i < MAX_FAILURES; i++) {
      // Each failure from a different address: the account limit alone must stop this.
      await expectAppError(
        logIn(db(), { email, password: 'wrong-password', ip: `10.1.0.${i}` }, now),
        'login.invalid',
      );
    }
    await expectAppError(
      logIn(db(), { email, password: TEST_PASSWORD, ip: '10.1.1.1' }, now),
      'login.throttled',
    );
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS + minutes(1));
    await expect(
      logIn(db(), { email, password: TEST_PASSWORD, ip: '10.1.1.1' }, later),
    ).resolves.toBeTruthy();
  });

  it('refuses an IP address after too many failures across accounts', async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date('2026-11-22T11:00:00Z');
    const ip = '192.0.2.77';
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expectAppError(
        logIn(db(), { email: uniqueEmail(), password: 'wrong-password', ip }, now),
        'login.invalid',
      );
    }
    await expectAppError(
      logIn(db(), { email, password: TEST_PASSWORD, ip }, now),
      'login.throttled',
    );
    await expect(
      logIn(db(), { email, password: TEST_PASSWORD, ip: '192.0.2.78' }, now),
    ).resolves.toBeTruthy();
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
        db(),
        { userId: owner.userId, sessionId: current.session.id },
        { currentPassword: 'wrong-current', password: 'uusi-salasana-talvi' },
      ),
      'settings.wrongPassword',
    );
    expect(await validateSessionToken(db(), other.token)).not.toBeNull();
    await changePassword(
      db(),
      { userId: owner.userId, sessionId: current.session.id },
      { currentPassword: TEST_PASSWORD, password: 'uusi-salasana-talvi' },
    );
    expect(await validateSessionToken(db(), current.token)).not.toBeNull();
    expect(await validateSessionToken(db(), other.token)).toBeNull();
  });
});

describe('password reset', () => {
  const origin = 'https://ohjaamo.example';

  async function requestAndReadLink(email: string, now?: Date): Promise<string> {
    await requestPasswordReset(db(), { email, locale: 'fi', appOrigin: origin }, now);
    const [mail] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, email))
      .orderBy(outbox.createdAt);
    const match = mail?.textBody?.match(/\/reset-password\/([\w-]+)/);
    if (!match?.[1]) throw new Error('no reset link in the mail');
    return match[1];
  }

  it('mails a single-use link, stores only its hash, and ends every session', async () => {
    const { email, owner } = await createPracticeWithOwner(db());
    const session = await createSession(db(), owner.userId);
    const token = await requestAndReadLink(email);
    const stored = await db()
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, owner.userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(token);

    await resetPassword(db(), { token, password: 'uusi-salasana-kevät' });
    expect(await validateSessionToken(db(), session.token)).toBeNull();
    await expect(
      logIn(db(), { email, password: 'uusi-salasana-kevät', ip: '10.9.0.1' }),
    ).resolves.toBeTruthy();
    await expectAppError(
      logIn(db(), { email, password: TEST_PASSWORD, ip: '10.9.0.1' }),
      'login.invalid',
    );

    await expectAppError(
      resetPassword(db(), { token, password: 'kolmas-salasana-syksy' }),
      'reset.invalidLink',
    );
  });

  it('refuses a link older than an hour', async () => {
    const { email } = await createPracticeWithOwner(db());
    const requested = new Date(Date.now() - minutes(61));
    const token = await requestAndReadLink(email, requested);
    await expectAppError(
      resetPassword(db(), { token, password: 'uusi-salasana-kevät' }),
      'reset.invalidLink',
    );
  });

  it('sends nothing for an unknown address, and says the same', async () => {
    const email = uniqueEmail('nobody');
    await expect(
      requestPasswordReset(db(), { email, locale: 'en', appOrigin: origin }),
    ).resolves.toBeUndefined();
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(0);
  });
});

describe('password reset limits', () => {
  const origin = 'https://ohjaamo.example';
  const mailsTo = async (email: string) =>
    (await db().select().from(outbox).where(eq(outbox.toAddress, email))).length;

  it('mails at most three links an hour to one account', async () => {
    const { email } = await createPracticeWithOwner(db());
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      await requestPasswordReset(db(), { email, locale: 'fi', appOrigin: origin }, now);
    }
    expect(await mailsTo(email)).toBe(3);
    const later = new Date(now.getTime() + 61 * 60 * 1000);
    await requestPasswordReset(db(), { email, locale: 'fi', appOrigin: origin }, later);
    expect(await mailsTo(email)).toBe(4);
  });

  it('a password change spends reset links mailed before it', async () => {
    const { email, owner } = await createPracticeWithOwner(db());
    await requestPasswordReset(db(), { email, locale: 'fi', appOrigin: origin });
    const [mail] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
    const token = mail?.textBody?.match(/\/reset-password\/([\w-]+)/)?.[1] ?? '';
    const current = await createSession(db(), owner.userId);
    await changePassword(
      db(),
      { userId: owner.userId, sessionId: current.session.id },
      { currentPassword: TEST_PASSWORD, password: 'vaihdettu-salasana-2026' },
    );
    await expectAppError(
      resetPassword(db(), { token, password: 'hyökkääjän-salasana-1' }),
      'reset.invalidLink',
    );
  });
});

describe('clean-up', () => {
  it('deletes expired sessions, old reset links and old log-in attempts, and nothing current', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    const expired = await createSession(db(), owner.userId, longAgo);
    const current = await createSession(db(), owner.userId);
    await requestPasswordReset(db(), { email, locale: 'fi', appOrigin: 'https://x.test' }, longAgo);
    await expectAppError(
      logIn(db(), { email, password: 'wrong-password', ip: '10.7.0.1' }, longAgo),
      'login.invalid',
    );
    await expectAppError(
      logIn(db(), { email, password: 'wrong-password', ip: '10.7.0.1' }),
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
    expect(
      await db().select().from(loginAttempts).where(eq(loginAttempts.email, email)),
    ).toHaveLength(1);
  });
});
