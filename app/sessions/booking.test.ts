import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, contractParticipants, sessionChanges, supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';
import { helsinkiInstant, helsinkiTime } from '~/time/helsinki';

import {
  bookSeries,
  bookSession,
  cancelSession,
  getSession,
  listBookableContracts,
  markHeld,
  markNoShow,
  rescheduleSession,
  SeriesCollisionError,
} from './booking.server';
import { errorOf, hours, now, sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const { supervisorWithContract, book, loadSession } = sessionFixtures(db);

describe('booking a session', () => {
  it("books with the contract's length, copies the supervisor and records the booking", async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionMinutes: 75 });
    const startsAt = helsinkiInstant('2026-11-24', '09:00');
    const id = await book(actor, contractId, startsAt);
    const session = await loadSession(id);
    expect(session.endsAt.toISOString()).toBe('2026-11-24T08:15:00.000Z');
    expect(session.supervisorId).toBe(actor.userId);
    expect(session.status).toBe('scheduled');
    const { history } = await getSession(testContext(db()), actor, id);
    expect(history.map((h) => h.kind)).toEqual(['booked']);
  });

  it('refuses overlaps at the start, inside and around, and allows back-to-back', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const other = await createContractFixture(db(), actor);
    await book(actor, contractId, helsinkiInstant('2026-11-24', '09:00'));
    for (const [time, minutes] of [
      ['08:30', 60],
      ['09:15', 30],
      ['08:00', 180],
    ] as const) {
      const error = await errorOf(
        book(actor, other.contractId, helsinkiInstant('2026-11-24', time), minutes),
      );
      expect(error.code, time).toBe('conflict');
      expect(error.messageKey).toBe('sessions.doubleBooked');
    }
    await book(actor, other.contractId, helsinkiInstant('2026-11-24', '10:00'));
    await book(actor, other.contractId, helsinkiInstant('2026-11-24', '08:00'));
  });

  it('frees the slot of a cancelled session', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const startsAt = helsinkiInstant('2026-11-25', '13:00');
    const first = await book(actor, contractId, startsAt);
    await cancelSession(testContext(db(), now), actor, first, { by: 'supervisee', reason: null });
    const second = await book(actor, contractId, startsAt);
    expect(second).not.toBe(first);
  });

  it('lets exactly one of two simultaneous bookings of a slot through', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const startsAt = helsinkiInstant('2026-11-26', '10:00');
    const results = await Promise.allSettled([
      book(actor, contractId, startsAt),
      book(actor, contractId, new Date(startsAt.getTime() + 15 * 60_000)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as AppError).messageKey).toBe('sessions.doubleBooked');
    const rows = await db()
      .select()
      .from(supervisionSessions)
      .where(eq(supervisionSessions.contractId, contractId));
    expect(rows).toHaveLength(1);
  });

  it('asks for confirmation before booking a time in the past', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const yesterday = hours(-24);
    const error = await errorOf(book(actor, contractId, yesterday));
    expect([error.code, error.messageKey]).toEqual(['invalid', 'sessions.confirmPast']);
    const id = await bookSession(testContext(db(), now), actor, {
      contractId,
      startsAt: yesterday,
      confirmPast: true,
    });
    expect((await loadSession(id)).startsAt).toEqual(yesterday);
  });

  it('books only on an active contract', async () => {
    const { actor, contractId } = await supervisorWithContract({ status: 'draft' });
    const error = await errorOf(book(actor, contractId, hours(48)));
    expect([error.code, error.messageKey]).toEqual(['conflict', 'sessions.contractNotActive']);
  });
});

describe('booking a series', () => {
  it('keeps 9.00 Helsinki time across the end of summer time', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const ids = await bookSeries(testContext(db(), now), actor, {
      contractId,
      firstStartsAt: helsinkiInstant('2026-10-12', '09:00'),
      everyWeeks: 1,
      count: 4,
      confirmPast: true,
    });
    const sessions = await Promise.all(ids.map(loadSession));
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-10-12T06:00:00.000Z',
      '2026-10-19T06:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
      '2026-11-02T07:00:00.000Z',
    ]);
    expect(sessions.every((s) => helsinkiTime(s.startsAt) === '09:00')).toBe(true);
    expect(new Set(sessions.map((s) => s.seriesId)).size).toBe(1);
    expect(sessions[0]?.seriesId).not.toBeNull();
  });

  it('books nothing when one occurrence collides, and says which', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const other = await createContractFixture(db(), actor);
    const blocker = helsinkiInstant('2026-12-14', '09:30');
    await book(actor, other.contractId, blocker);
    const error = await errorOf(
      bookSeries(testContext(db(), now), actor, {
        contractId,
        firstStartsAt: helsinkiInstant('2026-11-30', '09:00'),
        everyWeeks: 2,
        count: 5,
        confirmPast: false,
      }),
    );
    expect(error).toBeInstanceOf(SeriesCollisionError);
    expect((error as SeriesCollisionError).collisions).toEqual([
      helsinkiInstant('2026-12-14', '09:00'),
    ]);
    const rows = await db()
      .select()
      .from(supervisionSessions)
      .where(eq(supervisionSessions.contractId, contractId));
    expect(rows).toEqual([]);
  });

  it('limits the rhythm and the length of a series', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const input = { contractId, firstStartsAt: hours(24), confirmPast: false };
    expect(
      (
        await errorOf(
          bookSeries(testContext(db(), now), actor, { ...input, everyWeeks: 13, count: 2 }),
        )
      ).messageKey,
    ).toBe('sessions.invalidEvery');
    expect(
      (
        await errorOf(
          bookSeries(testContext(db(), now), actor, { ...input, everyWeeks: 2, count: 53 }),
        )
      ).messageKey,
    ).toBe('sessions.invalidCount');
  });
});

describe('rescheduling', () => {
  it('moves the session, keeps its history and bumps the calendar sequence', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const before = helsinkiInstant('2026-11-27', '12:00');
    const id = await book(actor, contractId, before);
    // Overlapping its own old time is not a double booking.
    const after = helsinkiInstant('2026-11-27', '12:30');
    await rescheduleSession(testContext(db(), now), actor, id, {
      startsAt: after,
      confirmPast: false,
    });
    const row = await loadSession(id);
    expect(row).toMatchObject({ startsAt: after, icalSequence: 1 });
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(60 * 60_000);

    const [change] = await db()
      .select()
      .from(sessionChanges)
      .where(and(eq(sessionChanges.sessionId, id), eq(sessionChanges.kind, 'rescheduled')));
    expect(change).toMatchObject({
      previousStartsAt: before,
      newStartsAt: after,
      changedBy: actor.userId,
    });

    const blocker = await book(actor, contractId, helsinkiInstant('2026-11-28', '12:00'));
    const error = await errorOf(
      rescheduleSession(testContext(db(), now), actor, id, {
        startsAt: helsinkiInstant('2026-11-28', '11:30'),
        confirmPast: false,
      }),
    );
    expect(error.messageKey).toBe('sessions.doubleBooked');
    await cancelSession(testContext(db(), now), actor, blocker, { by: 'supervisee', reason: null });
    const cancelled = await errorOf(
      rescheduleSession(testContext(db(), now), actor, blocker, {
        startsAt: hours(100),
        confirmPast: false,
      }),
    );
    expect(cancelled.messageKey).toBe('sessions.notScheduled');
  });
});

describe('the booking form', () => {
  it("offers the actor's own active contracts with their participants' names", async () => {
    const { actor, contractId } = await supervisorWithContract({ code: 'A-1', sessionMinutes: 90 });
    const [second] = await db()
      .insert(clients)
      .values({ practiceId: actor.practiceId, name: 'Aino Aalto' })
      .returning({ id: clients.id });
    if (!second) throw new Error('insert returned no row');
    await db()
      .insert(contractParticipants)
      .values({ contractId, clientId: second.id, practiceId: actor.practiceId });
    await createContractFixture(db(), actor, { code: 'B-draft', status: 'draft' });
    const colleague = await addMember(db(), actor.practiceId, 'supervisor');
    await createContractFixture(db(), colleague, { code: 'C-theirs' });

    expect(await listBookableContracts(testContext(db()), actor)).toEqual([
      {
        id: contractId,
        code: 'A-1',
        sessionMinutes: 90,
        participantNames: 'Aino Aalto, Maria Lehtonen',
      },
    ]);
  });
});

describe('who may act', () => {
  it("hides a session from another supervisor and from another practice's owner", async () => {
    const { actor, contractId } = await supervisorWithContract();
    const id = await book(actor, contractId, hours(30));
    const colleague = await addMember(db(), actor.practiceId, 'supervisor');
    const { owner: outsider } = await createPracticeWithOwner(db());
    for (const other of [colleague, outsider]) {
      // Started one at a time: a rejection nobody awaits yet would be reported as unhandled.
      for (const attempt of [
        () => getSession(testContext(db()), other, id),
        () => cancelSession(testContext(db(), now), other, id, { by: 'supervisee', reason: null }),
        () =>
          rescheduleSession(testContext(db(), now), other, id, {
            startsAt: hours(40),
            confirmPast: false,
          }),
        () => markHeld(testContext(db(), hours(40)), other, id, {}),
        () => markNoShow(testContext(db(), hours(40)), other, id),
        () => book(other, contractId, hours(60)),
      ]) {
        expect((await errorOf(attempt())).code).toBe('not_found');
      }
    }
    expect((await loadSession(id)).status).toBe('scheduled');
  });
});
