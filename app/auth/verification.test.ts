import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox, users } from '#db/schema';
import { testContext } from '#db/testing/context';
import { expectAppError } from '#db/testing/errors';
import { createPracticeWithOwner, TEST_ORIGIN } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { unsealBody } from '~/email/sealed-link.server';

import { isEmailVerified, resendVerificationMail, verifyEmail } from './email-verification.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const hours = (n: number) => n * 60 * 60 * 1000;
const mail = { appOrigin: TEST_ORIGIN, keyring: testKeyring };
const subject = 'Vahvista sähköpostiosoitteesi';

async function verificationMails(email: string) {
  return db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.subject, subject)))
    .orderBy(desc(outbox.createdAt));
}

/** The token of the newest confirmation link mailed to the address, as the recipient sees it. */
async function latestToken(email: string): Promise<string> {
  const [row] = await verificationMails(email);
  const token = row && unsealBody(testKeyring, row)?.match(/\/verify-email\/([\w-]+)/)?.[1];
  if (!token) throw new Error('no confirmation link in the mail');
  return token;
}

describe('confirming the address of a new account', () => {
  it('sign-up mails a single-use link that confirms the address', async () => {
    const { owner, email } = await createPracticeWithOwner(db(), { verified: false });
    expect(await isEmailVerified(db(), owner.userId)).toBe(false);
    const token = await latestToken(email);
    const [row] = await verificationMails(email);
    expect(row?.textBody).not.toContain(token);

    await expect(verifyEmail(testContext(db()), token)).resolves.toEqual({ userId: owner.userId });
    expect(await isEmailVerified(db(), owner.userId)).toBe(true);
    await expectAppError(verifyEmail(testContext(db()), token), 'verify.invalidLink');
  });

  it('a link older than a day is refused', async () => {
    const { owner, email } = await createPracticeWithOwner(db(), { verified: false });
    const token = await latestToken(email);
    await expectAppError(
      verifyEmail(testContext(db(), new Date(Date.now() + hours(24) + 60_000)), token),
      'verify.invalidLink',
    );
    expect(await isEmailVerified(db(), owner.userId)).toBe(false);
  });

  it('a link mailed to an address the user no longer has confirms nothing', async () => {
    const { owner, email } = await createPracticeWithOwner(db(), { verified: false });
    const token = await latestToken(email);
    await db()
      .update(users)
      .set({ email: `moved.${email}` })
      .where(eq(users.id, owner.userId));
    await expectAppError(verifyEmail(testContext(db()), token), 'verify.invalidLink');
    expect(await isEmailVerified(db(), owner.userId)).toBe(false);
  });

  it('the 4th resend within an hour is refused; a confirmed user is sent nothing', async () => {
    const { owner, email } = await createPracticeWithOwner(db(), { verified: false });
    const now = new Date();
    const resend = (at: Date) =>
      resendVerificationMail(testContext(db(), at), owner.userId, { ...mail, locale: 'fi' });
    for (let i = 0; i < 3; i++) await resend(now);
    await expectAppError(resend(now), 'verify.resendThrottled');
    // The sign-up mail and three resent ones.
    expect(await verificationMails(email)).toHaveLength(4);

    await verifyEmail(testContext(db()), await latestToken(email));
    await resend(new Date(now.getTime() + hours(2)));
    expect(await verificationMails(email)).toHaveLength(4);
  });
});
