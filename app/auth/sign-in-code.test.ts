/**
 * Sign-in by a mailed code or link: valid 15 minutes, used once (either one spends both),
 * five wrong codes end it, guesses count against the log-in throttles, and nothing tells
 * whether an address has an account.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox, signInCodes, users } from '#db/schema';
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
import { unsealBody } from '~/email/sealed-link.server';
import type { Locale } from '~/i18n';

import { isEmailVerified } from './email-verification.server';
import { logIn } from './log-in.server';
import { pruneAuthRecords } from './maintenance.server';
import {
  findSignInLink,
  requestSignInCode,
  signInWithCode,
  signInWithLink,
} from './sign-in-code.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const minutes = (n: number) => n * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };

let nextIp = 0;
/** A fresh client address, so the per-IP limits of one test do not touch another. */
const freshIp = () => `198.51.100.${(nextIp += 1)}`;

/** An account whose sign-up mail is out of the way, so only sign-in mail is read. */
async function account(options: { verified?: boolean } = {}) {
  const { email, owner } = await createPracticeWithOwner(db(), options);
  await db().delete(outbox).where(eq(outbox.toAddress, email));
  return { email, userId: owner.userId };
}

async function requestCode(email: string, now = new Date(), locale: Locale = 'fi') {
  await requestSignInCode(testContext(db(), now), {
    email,
    locale,
    ip: freshIp(),
    redirectTo: '',
    mail,
  });
}

/** The code and the link's token as the recipient reads them in the newest mail. */
async function readMail(email: string): Promise<{ code: string; token: string }> {
  const [row] = await db()
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(desc(outbox.createdAt));
  const body = row ? (unsealBody(testKeyring, row) ?? '') : '';
  const token = /\/login\/link\/([\w-]+)/.exec(body)?.[1];
  const code = /(?:Koodi|Code): (\d{6})/.exec(body)?.[1];
  if (!token || !code) throw new Error('no code or link in the mail');
  return { code, token };
}

const enterCode = (email: string, code: string, now = new Date(), ip = freshIp()) =>
  signInWithCode(testContext(db(), now), { email, code, ip });

/** A six-digit code other than the right one. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('the sign-in mail', () => {
  it('carries a code and a link that the outbox and the code table hold only sealed or hashed', async () => {
    for (const locale of ['fi', 'en'] as const) {
      const { email, userId } = await account();
      await requestCode(email, new Date(), locale);
      const { code, token } = await readMail(email);
      const [stored] = await db().select().from(outbox).where(eq(outbox.toAddress, email));
      expect(stored?.textBody).toContain(`${TEST_ORIGIN}/login/link/`);
      expect(stored?.textBody).not.toContain(token);
      expect(stored?.textBody).not.toContain(code);
      expect(stored?.subject).not.toContain(code);
      const rows = await db().select().from(signInCodes).where(eq(signInCodes.userId, userId));
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(code);
      expect(JSON.stringify(rows)).not.toContain(token);
    }
  });

  it('is not sent to an address without an account, and the answer is the same', async () => {
    const unknown = uniqueEmail('nobody');
    await expect(requestCode(unknown)).resolves.toBeUndefined();
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, unknown))).toEqual([]);
    expect(await db().select().from(signInCodes).where(eq(signInCodes.email, unknown))).toEqual([]);
    await expectAppError(enterCode(unknown, '123456'), 'signInCode.invalid');
  });

  it('is limited to 5 per address (known or not) and 20 per IP address an hour', async () => {
    const now = new Date();
    const { email } = await account();
    const unknown = uniqueEmail('nobody');
    for (const address of [email, unknown]) {
      for (let i = 0; i < 5; i++) await requestCode(address, now);
      await expectAppError(requestCode(address, now), 'signInCode.sendThrottled');
      await requestCode(address, later(now, minutes(61)));
    }
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(6);

    const ip = '203.0.113.40';
    const send = (address: string) =>
      requestSignInCode(testContext(db(), now), {
        email: address,
        locale: 'fi',
        ip,
        redirectTo: '',
        mail,
      });
    for (let i = 0; i < 20; i++) await send(uniqueEmail('spray'));
    const victim = await account();
    await expectAppError(send(victim.email), 'signInCode.sendThrottled');
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, victim.email))).toEqual([]);
  });
});

describe('signing in with the code', () => {
  it('signs in once and confirms the address; the link is spent with it', async () => {
    const { email, userId } = await account({ verified: false });
    await requestCode(email);
    const { code, token } = await readMail(email);
    expect(await enterCode(email, code)).toEqual({ userId });
    expect(await isEmailVerified(db(), userId)).toBe(true);
    await expectAppError(enterCode(email, code), 'signInCode.invalid');
    expect(await findSignInLink(testContext(db()), token)).toBeNull();
    await expectAppError(signInWithLink(testContext(db()), token), 'signInLink.invalid');
  });

  it('works until 15 minutes have passed, and not after', async () => {
    const sentAt = new Date();
    const first = await account();
    await requestCode(first.email, sentAt);
    const { code } = await readMail(first.email);
    await expectAppError(
      enterCode(first.email, code, later(sentAt, minutes(15))),
      'signInCode.invalid',
    );

    const second = await account();
    await requestCode(second.email, sentAt);
    const mailed = await readMail(second.email);
    expect(await enterCode(second.email, mailed.code, later(sentAt, minutes(15) - 1000))).toEqual({
      userId: second.userId,
    });
  });

  it('counts wrong codes: four still leave the right one working', async () => {
    const { email, userId } = await account();
    await requestCode(email);
    const { code } = await readMail(email);
    for (let i = 0; i < 4; i++)
      await expectAppError(enterCode(email, wrong(code)), 'signInCode.invalid');
    const [row] = await db().select().from(signInCodes).where(eq(signInCodes.userId, userId));
    expect(row?.failedGuesses).toBe(4);
    expect(await enterCode(email, code)).toEqual({ userId });
    const [spent] = await db().select().from(signInCodes).where(eq(signInCodes.userId, userId));
    expect(spent?.failedGuesses).toBe(4);
  });

  it('ends the code and its link after the fifth wrong code', async () => {
    const { email } = await account();
    await requestCode(email);
    const { code, token } = await readMail(email);
    for (let i = 0; i < 5; i++)
      await expectAppError(enterCode(email, wrong(code)), 'signInCode.invalid');
    await expectAppError(enterCode(email, code), 'signInCode.invalid');
    expect(await findSignInLink(testContext(db()), token)).toBeNull();
    await expectAppError(signInWithLink(testContext(db()), token), 'signInLink.invalid');
  });

  it('gets no more than five guesses, even sent at once', async () => {
    const { email, userId } = await account();
    await requestCode(email);
    const { code } = await readMail(email);
    const guesses = Array.from({ length: 8 }, () =>
      enterCode(email, wrong(code)).catch(() => null),
    );
    await Promise.all(guesses);
    const [row] = await db().select().from(signInCodes).where(eq(signInCodes.userId, userId));
    expect(row?.failedGuesses).toBe(5);
    await expectAppError(enterCode(email, code), 'signInCode.invalid');
  });

  it('a new request voids the code mailed before it', async () => {
    const { email, userId } = await account();
    await requestCode(email);
    const older = await readMail(email);
    await requestCode(email, later(new Date(), 1000));
    const newer = await readMail(email);
    expect(newer.code === older.code && newer.token === older.token).toBe(false);
    if (newer.code !== older.code) {
      await expectAppError(enterCode(email, older.code), 'signInCode.invalid');
    }
    expect(await findSignInLink(testContext(db()), older.token)).toBeNull();
    expect(await enterCode(email, newer.code)).toEqual({ userId });
  });

  it('signs nobody in once the account has another address', async () => {
    const { email, userId } = await account();
    await requestCode(email);
    const { code, token } = await readMail(email);
    await db()
      .update(users)
      .set({ email: uniqueEmail('moved') })
      .where(eq(users.id, userId));
    expect(await findSignInLink(testContext(db()), token)).toBeNull();
    await expectAppError(enterCode(email, code), 'signInCode.invalid');
  });
});

describe('code guesses and the log-in throttle', () => {
  it('count like passwords: after ten failures of either kind the right code is refused', async () => {
    const { email } = await account();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await expectAppError(
        logIn(testContext(db()), { email, password: 'väärä-salasana', ip }),
        'login.invalid',
      );
    }
    await requestCode(email);
    const first = await readMail(email);
    for (let i = 0; i < 5; i++) {
      await expectAppError(
        enterCode(email, wrong(first.code), new Date(), ip),
        'signInCode.invalid',
      );
    }
    await requestCode(email, later(new Date(), 1000));
    const { code } = await readMail(email);
    await expectAppError(
      enterCode(email, code, new Date(), freshIp()),
      'signInCode.guessThrottled',
    );
    await expectAppError(
      logIn(testContext(db()), { email, password: TEST_PASSWORD, ip: freshIp() }),
      'login.throttled',
    );
    // The window passes; the code has expired by then, so a new one is needed.
    const afterWindow = later(new Date(), minutes(16));
    await requestCode(email, afterWindow);
    const fresh = await readMail(email);
    await expect(enterCode(email, fresh.code, afterWindow)).resolves.toBeTruthy();
  });

  it('from one IP address: the 11th code within 15 minutes is refused, whatever the account', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      await expectAppError(
        enterCode(uniqueEmail('spray'), '000000', new Date(), ip),
        'signInCode.invalid',
      );
    }
    const { email } = await account();
    await requestCode(email);
    const { code } = await readMail(email);
    await expectAppError(enterCode(email, code, new Date(), ip), 'signInCode.guessThrottled');
  });
});

describe('signing in with the link', () => {
  it('looking at the link does not spend it; signing in does, once, and confirms the address', async () => {
    const { email, userId } = await account({ verified: false });
    await requestCode(email);
    const { code, token } = await readMail(email);
    expect(await findSignInLink(testContext(db()), token)).toEqual({ email });
    expect(await findSignInLink(testContext(db()), token)).toEqual({ email });
    expect(await signInWithLink(testContext(db()), token)).toEqual({ userId });
    expect(await isEmailVerified(db(), userId)).toBe(true);
    await expectAppError(signInWithLink(testContext(db()), token), 'signInLink.invalid');
    await expectAppError(enterCode(email, code), 'signInCode.invalid');
  });

  it('expires after 15 minutes', async () => {
    const sentAt = new Date();
    const { email } = await account();
    await requestCode(email, sentAt);
    const { token } = await readMail(email);
    const expired = testContext(db(), later(sentAt, minutes(15)));
    expect(await findSignInLink(testContext(db(), later(sentAt, minutes(14))), token)).toEqual({
      email,
    });
    expect(await findSignInLink(expired, token)).toBeNull();
    await expectAppError(signInWithLink(expired, token), 'signInLink.invalid');
  });
});

describe('clean-up', () => {
  it('deletes codes that expired more than a day ago and keeps recent ones', async () => {
    const { email, userId } = await account();
    await requestCode(email, new Date(Date.now() - minutes(2 * 24 * 60)));
    await requestCode(email, new Date());
    await pruneAuthRecords(db());
    const rows = await db().select().from(signInCodes).where(eq(signInCodes.userId, userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.usedAt).toBeNull();
  });
});
