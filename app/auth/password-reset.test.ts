import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox, passwordResets } from '#db/schema';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import {
  createPracticeWithOwner,
  TEST_ORIGIN,
  TEST_PASSWORD,
  uniqueEmail,
} from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { unsealBody } from '~/email/sealed-link.server';

import { changePassword } from './change-password.server';
import { logIn } from './log-in.server';
import { requestPasswordReset, resetPassword } from './password-reset.server';
import { createSession, validateSessionToken } from './session.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const minutes = (n: number) => n * 60 * 1000;
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };

let nextIp = 0;
/** A fresh client address, so the per-IP limit of one test does not touch another. */
const freshIp = () => `198.51.100.${(nextIp += 1)}`;

/** An account whose sign-up mail is out of the way, so only reset mail is counted. */
async function knownAddress(): Promise<string> {
  const { email } = await createPracticeWithOwner(db());
  await db().delete(outbox).where(eq(outbox.toAddress, email));
  return email;
}

async function requestReset(email: string, now?: Date, ip = freshIp()): Promise<void> {
  await requestPasswordReset(testContext(db(), now), { email, locale: 'fi', ip, mail });
}

/** The link as the recipient gets it: the stored body with its sealed link opened. */
async function readResetLink(email: string): Promise<string> {
  const [row] = await db()
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(desc(outbox.createdAt));
  const match = row && unsealBody(testKeyring, row)?.match(/\/reset-password\/([\w-]+)/);
  if (!match?.[1]) throw new Error('no reset link in the mail');
  return match[1];
}

describe('password reset', () => {
  it('mails a single-use link, stores only its hash, and ends every session', async () => {
    const { email, owner } = await createPracticeWithOwner(db());
    const session = await createSession(db(), owner.userId);
    await requestReset(email);
    const token = await readResetLink(email);
    const stored = await db()
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, owner.userId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(token);

    await resetPassword(testContext(db()), { token, password: 'uusi-salasana-kevät' });
    expect(await validateSessionToken(db(), session.token)).toBeNull();
    await expect(
      logIn(testContext(db()), { email, password: 'uusi-salasana-kevät', ip: '10.9.0.1' }),
    ).resolves.toBeTruthy();
    await expectAppError(
      logIn(testContext(db()), { email, password: TEST_PASSWORD, ip: '10.9.0.1' }),
      'login.invalid',
    );

    await expectAppError(
      resetPassword(testContext(db()), { token, password: 'kolmas-salasana-syksy' }),
      'reset.invalidLink',
    );
  });

  it('refuses a link older than an hour', async () => {
    const { email } = await createPracticeWithOwner(db());
    await requestReset(email, new Date(Date.now() - minutes(61)));
    const token = await readResetLink(email);
    await expectAppError(
      resetPassword(testContext(db()), { token, password: 'uusi-salasana-kevät' }),
      'reset.invalidLink',
    );
  });

  it('answers an unknown address the same way and writes a mail of the same shape', async () => {
    const known = await knownAddress();
    const unknown = uniqueEmail('nobody');
    await expect(requestReset(known)).resolves.toBeUndefined();
    await expect(requestReset(unknown)).resolves.toBeUndefined();
    const shape = async (to: string) => {
      const rows = await db().select().from(outbox).where(eq(outbox.toAddress, to));
      return rows.map((row) => ({ subject: row.subject, status: row.status }));
    };
    expect(await shape(unknown)).toEqual(await shape(known));
    const [note] = await db().select().from(outbox).where(eq(outbox.toAddress, unknown));
    expect(note?.textBody).toContain(`${TEST_ORIGIN}/signup`);
    expect(note?.textBody).not.toMatch(/reset-password\//);
  });

  it('does the same work for an unknown address as for a known one', async () => {
    // Timing is measured by scripts/bench-forgot-password.ts; here, what it rests on: both
    // paths send the database the same statements and write one outbox row.
    const counter = queryCounter();
    const counted = await createTestDatabase({ logger: counter });
    try {
      const { email: known } = await createPracticeWithOwner(counted.db);
      const statements = async (email: string) => {
        counter.reset();
        await requestPasswordReset(testContext(counted.db), {
          email,
          locale: 'fi',
          ip: freshIp(),
          mail,
        });
        return counter.count;
      };
      const forKnown = await statements(known);
      const forUnknown = await statements(uniqueEmail('nobody'));
      expect(forKnown).toBeGreaterThan(0);
      expect(forUnknown).toBe(forKnown);
    } finally {
      await counted.close();
    }
  });
});

describe('password reset limits', () => {
  const mailsTo = async (email: string) =>
    (await db().select().from(outbox).where(eq(outbox.toAddress, email))).length;

  it('the 4th request for one address within an hour is refused, known or not', async () => {
    const known = await knownAddress();
    const unknown = uniqueEmail('nobody');
    const now = new Date();
    for (const email of [known, unknown]) {
      for (let i = 0; i < 3; i++) await requestReset(email, now);
      await expectAppError(requestReset(email, now), 'forgot.throttled');
      expect(await mailsTo(email)).toBe(3);
      await requestReset(email, new Date(now.getTime() + minutes(61)));
      expect(await mailsTo(email)).toBe(4);
    }
  });

  it('the 21st request from one IP address within an hour is refused', async () => {
    const ip = '203.0.113.21';
    const now = new Date();
    for (let i = 0; i < 20; i++) await requestReset(uniqueEmail('spray'), now, ip);
    const victim = uniqueEmail('victim');
    await expectAppError(requestReset(victim, now, ip), 'forgot.throttled');
    expect(await mailsTo(victim)).toBe(0);
    await requestReset(victim, now, '203.0.113.22');
    expect(await mailsTo(victim)).toBe(1);
  });

  it('a password change spends reset links mailed before it', async () => {
    const { email, owner } = await createPracticeWithOwner(db());
    await requestReset(email);
    const token = await readResetLink(email);
    const current = await createSession(db(), owner.userId);
    await changePassword(
      testContext(db()),
      { userId: owner.userId, sessionId: current.session.id },
      { currentPassword: TEST_PASSWORD, password: 'vaihdettu-salasana-2026' },
    );
    await expectAppError(
      resetPassword(testContext(db()), { token, password: 'hyökkääjän-salasana-1' }),
      'reset.invalidLink',
    );
  });
});
