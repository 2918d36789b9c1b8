import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, outbox } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createContractFixture, uniqueEmail } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase } from '#db/testing/test-database';
import { createFeed, feedForToken } from '~/calendar/feeds.server';
import { smtpTransport } from '~/email/smtp.server';
import { mimeParts, startSmtpServer } from '~/email/smtp-test-server';
import { deliverDueMail } from '~/email/worker.server';
import type { MemberActor } from '~/practices/actor';
import {
  bookSeries,
  bookSession,
  cancelSession,
  rescheduleSession,
  SeriesCollisionError,
} from '~/sessions/booking.server';
import { errorOf, groupContract, hours, now, sessionFixtures } from '~/sessions/test-fixtures';
import { helsinkiInstant } from '~/time/helsinki';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const ctx = () => testContext(db(), now);

const { supervisorWithContract, book } = sessionFixtures(db);

async function giveAddress(clientId: string): Promise<string> {
  const email = uniqueEmail('supervisee');
  await db().update(clients).set({ email }).where(eq(clients.id, clientId));
  return email;
}

/** A supervisor with an individual contract whose supervisee has an address. */
async function contractWithAddress() {
  const fixture = await supervisorWithContract({
    location: 'Kuopio, Suokatu 1',
    remoteLink: 'https://meet.example/abc',
  });
  const email = await giveAddress(fixture.clientId);
  return { ...fixture, email };
}

const mailTo = (...addresses: string[]) =>
  db().select().from(outbox).where(inArray(outbox.toAddress, addresses)).orderBy(outbox.createdAt);

/** Unfolded content lines of a mail's calendar part. */
const icsLines = (ics: string | null | undefined) =>
  (ics ?? '').replace(/\r\n[ \t]/g, '').split('\r\n');

function calendarOf(
  row: { calendarMethod: string | null; calendarBody: string | null } | undefined,
) {
  if (!row) throw new Error('no such mail');
  const lines = icsLines(row.calendarBody);
  const value = (name: string) =>
    lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
  return {
    method: row.calendarMethod,
    icsMethod: value('METHOD'),
    uid: value('UID'),
    sequence: Number(value('SEQUENCE')),
    lines,
  };
}

describe('booking mail', () => {
  it('mails the supervisee a REQUEST with the session UID, sequence 0 and Helsinki time', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const id = await book(actor, contractId, helsinkiInstant('2026-11-24', '09:00'));

    const [mail, ...more] = await mailTo(email);
    expect(more).toHaveLength(0);
    if (!mail) throw new Error('no mail');
    expect(mail.practiceId).toBe(actor.practiceId);
    expect(mail.subject).toContain('24.11.2026 klo 9.00');
    expect(mail.textBody).toContain('Kuopio, Suokatu 1');
    expect(mail.textBody).toContain('https://meet.example/abc');
    // Finnish first, then the same in English.
    expect(mail.textBody?.indexOf('Hei,')).toBeLessThan(mail.textBody?.indexOf('Hello,') ?? -1);
    const calendar = calendarOf(mail);
    expect(calendar).toMatchObject({
      method: 'REQUEST',
      icsMethod: 'REQUEST',
      uid: `${id}@ohjaamo`,
      sequence: 0,
    });
    expect(calendar.lines).toContain('DTSTART;TZID=Europe/Helsinki:20261124T090000');
    // The organiser is the supervisor; the title is neutral.
    expect(calendar.lines).toContain('SUMMARY:Työnohjaus / Supervision');
    expect(calendar.lines.join('\n')).not.toContain('Maria');
  });

  it('uses the same UID as the supervisor’s calendar feed', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const id = await book(actor, contractId, helsinkiInstant('2026-11-25', '09:00'));
    const token = await createFeed(ctx(), actor, {});
    const feed = await feedForToken(ctx(), token);
    const [mail] = await mailTo(email);
    expect(icsLines(feed)).toContain(`UID:${calendarOf(mail).uid}`);
    expect(icsLines(feed)).toContain(`UID:${id}@ohjaamo`);
  });

  it('mails each session of a series with its own UID', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const { sessionIds: ids } = await bookSeries(ctx(), actor, {
      contractId,
      firstStartsAt: helsinkiInstant('2026-12-01', '13:00'),
      everyWeeks: 2,
      count: 3,
      confirmPast: false,
    });
    const mails = await mailTo(email);
    expect(mails.map((m) => calendarOf(m).uid).sort()).toEqual(
      ids.map((id) => `${id}@ohjaamo`).sort(),
    );
    expect(mails.every((m) => m.calendarMethod === 'REQUEST')).toBe(true);
  });

  it('writes only to participants with an address, each seeing only themselves', async () => {
    const { actor } = await supervisorWithContract();
    const { contractId, maria, olli } = await groupContract(db(), actor);
    const mariaEmail = await giveAddress(maria);
    const id = await book(actor, contractId, helsinkiInstant('2026-11-26', '10:00'));

    const mails = await db().select().from(outbox).where(eq(outbox.practiceId, actor.practiceId));
    expect(mails.map((m) => m.toAddress)).toEqual([mariaEmail]);
    const [olliRow] = await db().select().from(clients).where(eq(clients.id, olli));
    expect(olliRow?.email).toBeNull();
    const calendar = calendarOf(mails[0]);
    expect(calendar.uid).toBe(`${id}@ohjaamo`);
    const attendees = calendar.lines.filter((l) => l.startsWith('ATTENDEE'));
    expect(attendees).toHaveLength(1);
    expect(attendees[0]?.toLowerCase()).toContain(mariaEmail);
  });

  it('queues nothing when the booking fails', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const other = await createContractFixture(db(), actor);
    const otherEmail = await giveAddress(other.clientId);
    await book(actor, other.contractId, helsinkiInstant('2026-12-14', '09:30'));
    const before = (await mailTo(email, otherEmail)).length;

    const single = await errorOf(book(actor, contractId, helsinkiInstant('2026-12-14', '09:00')));
    expect(single.messageKey).toBe('sessions.doubleBooked');
    // A series is refused only when every date collides.
    const series = await bookSeries(ctx(), actor, {
      contractId,
      firstStartsAt: helsinkiInstant('2026-12-14', '09:00'),
      everyWeeks: 1,
      count: 1,
      confirmPast: false,
    }).catch((e: unknown) => e);
    expect(series).toBeInstanceOf(SeriesCollisionError);
    expect(await mailTo(email, otherEmail)).toHaveLength(before);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('mails only the sessions of a series that were booked, not the dates left out', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const other = await createContractFixture(db(), actor);
    await book(actor, other.contractId, helsinkiInstant('2026-12-14', '09:30'));
    const { sessionIds, clashes } = await bookSeries(ctx(), actor, {
      contractId,
      firstStartsAt: helsinkiInstant('2026-11-30', '09:00'),
      everyWeeks: 1,
      count: 4,
      confirmPast: false,
    });
    expect(clashes.map((clash) => clash.start)).toEqual([helsinkiInstant('2026-12-14', '09:00')]);
    const mails = await mailTo(email);
    expect(mails.map((m) => calendarOf(m).uid).sort()).toEqual(
      sessionIds.map((id) => `${id}@ohjaamo`).sort(),
    );
    expect(mails).toHaveLength(3);
  });

  it('does not mail a session booked afterwards for the record', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    await bookSession(ctx(), actor, { contractId, startsAt: hours(-48), confirmPast: true });
    expect(await mailTo(email)).toHaveLength(0);
  });
});

describe('change and cancellation mail', () => {
  async function booked(actor: MemberActor, contractId: string) {
    return book(actor, contractId, helsinkiInstant('2026-12-02', '09:00'));
  }

  it('mails a move as a REQUEST with the same UID and a higher sequence, naming the earlier time', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const id = await booked(actor, contractId);
    await rescheduleSession(ctx(), actor, id, {
      startsAt: helsinkiInstant('2026-12-03', '14:00'),
      confirmPast: false,
    });
    const [first, moved] = await mailTo(email);
    if (!first || !moved) throw new Error('expected two mails');
    expect(calendarOf(moved)).toMatchObject({
      method: 'REQUEST',
      uid: `${id}@ohjaamo`,
      sequence: calendarOf(first).sequence + 1,
    });
    expect(calendarOf(moved).lines).toContain('DTSTART;TZID=Europe/Helsinki:20261203T140000');
    expect(moved.subject).toContain('3.12.2026 klo 14.00');
    expect(moved.textBody).toContain('Aiempi aika oli 2.12.2026 klo 9.00.');
  });

  it('mails a cancellation as a CANCEL with the same UID and a higher sequence, without the reason', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const id = await booked(actor, contractId);
    await rescheduleSession(ctx(), actor, id, {
      startsAt: helsinkiInstant('2026-12-04', '09:00'),
      confirmPast: false,
    });
    await cancelSession(ctx(), actor, id, { by: 'supervisor', reason: 'Sairastuin (yksityinen)' });
    const mails = await mailTo(email);
    expect(mails.map((m) => calendarOf(m).method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    const cancel = calendarOf(mails[2]);
    expect(cancel).toMatchObject({ icsMethod: 'CANCEL', uid: `${id}@ohjaamo`, sequence: 2 });
    expect(cancel.lines).toContain('STATUS:CANCELLED');
    expect(mails[2]?.textBody).not.toContain('Sairastuin');
    expect(mails[2]?.calendarBody).not.toContain('Sairastuin');
  });

  it('queues nothing when the cancellation is refused', async () => {
    const { actor, contractId, email } = await contractWithAddress();
    const id = await booked(actor, contractId);
    await cancelSession(ctx(), actor, id, { by: 'supervisor', reason: null });
    const error = await errorOf(
      cancelSession(ctx(), actor, id, { by: 'supervisor', reason: null }),
    );
    expect(error.messageKey).toBe('sessions.notScheduled');
    expect((await mailTo(email)).map((m) => m.calendarMethod)).toEqual(['REQUEST', 'CANCEL']);
  });
});

describe('over SMTP', () => {
  it('delivers the booking with its invitation as a text/calendar REQUEST part', async () => {
    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, 'Ohjaamo <no-reply@ohjaamo.test>');
    try {
      const { actor, contractId, email } = await contractWithAddress();
      const id = await book(actor, contractId, helsinkiInstant('2026-12-09', '15:30'));
      await deliverDueMail(db(), transport, { keyring: testKeyring });

      const received = smtp.received.find((m) => m.to.includes(email));
      const parts = mimeParts(received?.raw ?? '');
      const calendar = parts.find((p) => /^content-type: text\/calendar/im.test(p.head));
      expect(calendar?.head).toMatch(/method=REQUEST/i);
      const lines = icsLines(calendar?.body);
      expect(lines).toContain('METHOD:REQUEST');
      expect(lines).toContain(`UID:${id}@ohjaamo`);
      expect(lines).toContain('SEQUENCE:0');
      expect(lines).toContain('DTSTART;TZID=Europe/Helsinki:20261209T153000');
      expect(parts.some((p) => p.body.includes('9.12.2026 klo 15.30–16.30'))).toBe(true);
      // Delivered: the body and the invitation are gone from the outbox.
      const [row] = await mailTo(email);
      expect(row).toMatchObject({ status: 'sent', textBody: null, calendarBody: null });
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});
