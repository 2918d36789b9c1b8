/**
 * A mail's one-time link is a key to an account. A dump or backup of the database taken
 * while the mail waits must not hold a working link, nor may the row keep it once sent.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { outbox } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner, TEST_ORIGIN } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { requestPasswordReset } from '~/auth/password-reset.server';
import { AppError } from '~/errors';

import { listOutboxForPractice } from './outbox.server';
import { unsealBody } from './sealed-link.server';
import { smtpTransport } from './smtp.server';
import { startSmtpServer } from './smtp-test-server';
import { deliverDueMail } from './worker.server';

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: ReturnType<typeof smtpTransport>;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url, 'Ohjaamo <no-reply@ohjaamo.test>');
});
afterAll(async () => {
  transport.close();
  await smtp.close();
  await database.close();
});
const db = () => database.db;

async function queueReset(email: string) {
  await requestPasswordReset(testContext(db()), {
    email,
    locale: 'fi',
    ip: '198.51.100.200',
    mail: { appOrigin: TEST_ORIGIN, keyring: testKeyring },
  });
  const [row] = await db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.subject, 'Uuden salasanan asettaminen')));
  if (!row) throw new Error('no reset mail queued');
  const link = unsealBody(testKeyring, row)?.match(/https:\/\/\S+\/reset-password\/[\w-]+/)?.[0];
  if (!link) throw new Error('no reset link in the mail');
  return { row, link, token: link.slice(link.lastIndexOf('/') + 1) };
}

describe('secret links in queued mail', () => {
  it('a raw dump taken while a reset mail waits holds no working link', async () => {
    const { email } = await createPracticeWithOwner(db());
    const { row, token } = await queueReset(email);
    expect(row.textBody).toContain(`${TEST_ORIGIN}/reset-password/[…]`);
    expect(row.textBody).not.toContain(token);
    expect(row.sealedLink).not.toContain(token);
    const dump = await database.rawDump();
    expect(dump.includes(token)).toBe(false);
  });

  it('the SMTP server receives the working link; then the sealed link is gone', async () => {
    const { email } = await createPracticeWithOwner(db());
    const { row, link } = await queueReset(email);
    await deliverDueMail(db(), transport, { keyring: testKeyring });
    const delivered = smtp.received.find(
      (m) => m.to.includes(email) && m.raw.includes('reset-password'),
    );
    // Quoted-printable may wrap long lines with "=\r\n"; undo that before looking.
    expect(delivered?.raw.replace(/=\r\n/g, '')).toContain(link);
    const [after] = await db().select().from(outbox).where(eq(outbox.id, row.id));
    expect(after).toMatchObject({ status: 'sent', sealedLink: null, textBody: null });
  });

  it('a sealed link copied to another mail does not open there', async () => {
    const { email } = await createPracticeWithOwner(db());
    const first = await queueReset(email);
    const { email: other } = await createPracticeWithOwner(db());
    const second = await queueReset(other);
    expect(() =>
      unsealBody(testKeyring, { ...second.row, sealedLink: first.row.sealedLink }),
    ).toThrow();
  });

  it('the development mail page shows the owner the working link', async () => {
    const { owner, email } = await createPracticeWithOwner(db());
    const { link } = await queueReset(email);
    const messages = await listOutboxForPractice(testContext(db()), owner);
    expect(
      messages.find((m) => m.toAddress === email && m.subject === 'Uuden salasanan asettaminen')
        ?.textBody,
    ).toContain(link);
  });

  it('refuses the mail list to a supervisor, even if the route forgot to check', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const refused = await listOutboxForPractice(testContext(db()), supervisor).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('forbidden');
  });
});
