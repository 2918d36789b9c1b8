import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outbox } from '#db/schema';
import { uniqueEmail } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';

import { enqueueEmail, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './outbox.server';
import { smtpTransport } from './smtp.server';
import { mimeParts, startSmtpServer } from './smtp-test-server';
import { deliverDueMail } from './worker.server';

let database: Database;
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
afterEach(async () => {
  smtp.received.length = 0;
  smtp.state.rejectRecipients = false;
  // Each test starts from an empty outbox.
  await database.db.delete(outbox);
});
const db = () => database.db;

describe('outbox', () => {
  it('delivers queued mail over SMTP, marks it sent and drops the body', async () => {
    const to = uniqueEmail('recipient');
    await enqueueEmail(db(), {
      to,
      subject: 'Tervetuloa',
      text: 'Linkki: https://x.test/invite/abc',
    });
    expect(await deliverDueMail(db(), transport, { keyring: testKeyring })).toEqual({
      sent: 1,
      failed: 0,
    });

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual([to]);
    expect(smtp.received[0]?.from).toBe('no-reply@ohjaamo.test');
    expect(smtp.received[0]?.raw).toContain('Subject: Tervetuloa');
    expect(smtp.received[0]?.raw).toContain('https://x.test/invite/abc');

    const [row] = await db().select().from(outbox);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, textBody: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    // Nothing is sent twice.
    expect(await deliverDueMail(db(), transport, { keyring: testKeyring })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(1);
  });

  it('sends a calendar part as text/calendar with its method, then drops it', async () => {
    const to = uniqueEmail('supervisee');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Ohjaamo//Ohjaamo//FI',
      'METHOD:CANCEL',
      'BEGIN:VEVENT',
      'UID:3f1c@ohjaamo',
      'SEQUENCE:4',
      'DTSTAMP:20261116T100000Z',
      'DTSTART;TZID=Europe/Helsinki:20261124T090000',
      'SUMMARY:Työnohjaus / Supervision',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await enqueueEmail(db(), {
      to,
      subject: 'Peruttu',
      text: 'Aika on peruttu.',
      calendar: { method: 'CANCEL', content: ics },
    });
    await deliverDueMail(db(), transport, { keyring: testKeyring });

    const raw = smtp.received[0]?.raw ?? '';
    const calendar = mimeParts(raw).find((part) =>
      /^content-type: text\/calendar/im.test(part.head),
    );
    expect(calendar?.head).toMatch(/method=CANCEL/i);
    expect(calendar?.body).toContain('UID:3f1c@ohjaamo');
    expect(calendar?.body).toContain('SEQUENCE:4');
    expect(calendar?.body).toContain('SUMMARY:Työnohjaus / Supervision');
    // The text part travels beside it.
    expect(mimeParts(raw).some((part) => part.body.includes('Aika on peruttu.'))).toBe(true);

    const [row] = await db().select().from(outbox);
    expect(row).toMatchObject({ status: 'sent', calendarMethod: 'CANCEL', calendarBody: null });
  });

  it('queues nothing when the causing transaction rolls back', async () => {
    await db()
      .transaction(async (tx) => {
        await enqueueEmail(tx, { to: uniqueEmail(), subject: 'Ei lähde', text: '...' });
        throw new Error('the action failed');
      })
      .catch(() => undefined);
    expect(await db().select().from(outbox)).toHaveLength(0);
  });

  it('retries with growing back-off and gives up after the last attempt', async () => {
    smtp.state.rejectRecipients = true;
    await enqueueEmail(db(), { to: uniqueEmail(), subject: 'Yritetään', text: '...' });
    let now = new Date(Date.now() + 1000);
    const clock = () => now;

    expect(await deliverDueMail(db(), transport, { keyring: testKeyring, now: clock })).toEqual({
      sent: 0,
      failed: 1,
    });
    let [row] = await db().select().from(outbox);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.lastError).toContain('Mailbox unavailable');
    expect(row?.availableAt.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // Not yet due: nothing is attempted.
    expect(await deliverDueMail(db(), transport, { keyring: testKeyring, now: clock })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + retryDelayMs(attempt - 1));
      await deliverDueMail(db(), transport, { keyring: testKeyring, now: clock });
    }
    [row] = await db().select().from(outbox);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });

    smtp.state.rejectRecipients = false;
    now = new Date(now.getTime() + 24 * 3600 * 1000);
    expect(await deliverDueMail(db(), transport, { keyring: testKeyring, now: clock })).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('delivers a message that failed once when its retry comes due', async () => {
    smtp.state.rejectRecipients = true;
    const to = uniqueEmail();
    await enqueueEmail(db(), { to, subject: 'Toisella kertaa', text: '...' });
    const first = new Date(Date.now() + 1000);
    await deliverDueMail(db(), transport, { keyring: testKeyring, now: () => first });
    smtp.state.rejectRecipients = false;
    const later = new Date(first.getTime() + retryDelayMs(1));
    expect(
      await deliverDueMail(db(), transport, { keyring: testKeyring, now: () => later }),
    ).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(smtp.received.map((m) => m.to[0])).toEqual([to]);
    const [row] = await db().select().from(outbox).where(eq(outbox.toAddress, to));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('two workers claiming at once never take the same message', async () => {
    for (let i = 0; i < 10; i++) {
      await enqueueEmail(db(), { to: uniqueEmail(), subject: `Viesti ${i}`, text: '...' });
    }
    const [a, b] = await Promise.all([
      deliverDueMail(db(), transport, { keyring: testKeyring, batchSize: 3 }),
      deliverDueMail(db(), transport, { keyring: testKeyring, batchSize: 3 }),
    ]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(10);
    expect(smtp.received).toHaveLength(10);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(10);
  });
});
