import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  clients,
  contractParticipants,
  memberships,
  sessionChanges,
  supervisionSessions,
} from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';
import { helsinkiDate, helsinkiInstant, helsinkiTime } from '~/time/helsinki';

import { AllowanceExceededError } from './allowance.server';
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
    const { sessionIds: ids } = await bookSeries(testContext(db(), now), actor, {
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

  const seriesOf = (contractId: string, first: Date, count: number, everyWeeks = 1) => ({
    contractId,
    firstStartsAt: first,
    everyWeeks,
    count,
    confirmPast: false,
  });
  const sessionsOf = (contractId: string) =>
    db()
      .select()
      .from(supervisionSessions)
      .where(eq(supervisionSessions.contractId, contractId))
      .orderBy(supervisionSessions.startsAt);

  it('books the free dates under one series id and reports the one that collides', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const other = await createContractFixture(db(), actor, { code: 'B-2' });
    await book(actor, other.contractId, helsinkiInstant('2026-12-14', '09:30'));
    const booked = await bookSeries(
      testContext(db(), now),
      actor,
      seriesOf(contractId, helsinkiInstant('2026-11-30', '09:00'), 5, 2),
    );

    const rows = await sessionsOf(contractId);
    expect(rows.map((r) => helsinkiDate(r.startsAt))).toEqual([
      '2026-11-30',
      '2026-12-28',
      '2027-01-11',
      '2027-01-25',
    ]);
    expect(rows.map((r) => r.id)).toEqual(booked.sessionIds);
    expect(new Set(rows.map((r) => r.seriesId))).toEqual(new Set([booked.seriesId]));
    expect(booked.clashes).toEqual([
      {
        start: helsinkiInstant('2026-12-14', '09:00'),
        end: helsinkiInstant('2026-12-14', '10:00'),
        clashesWith: [
          {
            startsAt: helsinkiInstant('2026-12-14', '09:30'),
            endsAt: helsinkiInstant('2026-12-14', '10:30'),
            contractCode: 'B-2',
          },
        ],
      },
    ]);
    const { history } = await getSession(testContext(db()), actor, booked.sessionIds[0] ?? '');
    expect(history.map((h) => h.kind)).toEqual(['booked']);
  });

  it('books nothing when every date collides, and says which', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const other = await createContractFixture(db(), actor);
    await book(actor, other.contractId, helsinkiInstant('2026-12-07', '09:30'));
    await book(actor, other.contractId, helsinkiInstant('2026-12-14', '08:30'));
    const error = await errorOf(
      bookSeries(
        testContext(db(), now),
        actor,
        seriesOf(contractId, helsinkiInstant('2026-12-07', '09:00'), 2),
      ),
    );
    expect(error).toBeInstanceOf(SeriesCollisionError);
    expect(error.messageKey).toBe('sessions.seriesCollides');
    expect((error as SeriesCollisionError).collisions).toEqual([
      helsinkiInstant('2026-12-07', '09:00'),
      helsinkiInstant('2026-12-14', '09:00'),
    ]);
    expect(await sessionsOf(contractId)).toEqual([]);
  });

  it('counts the allowance on the booked sessions only', async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 3 });
    const other = await createContractFixture(db(), actor);
    await book(actor, other.contractId, helsinkiInstant('2026-12-14', '09:00'));
    // Four dates, one taken: three sessions fit the allowance of three, so nothing is extra.
    const booked = await bookSeries(
      testContext(db(), now),
      actor,
      seriesOf(contractId, helsinkiInstant('2026-12-07', '09:00'), 4),
    );
    expect(booked.sessionIds).toHaveLength(3);
    expect((await sessionsOf(contractId)).map((r) => r.extra)).toEqual([false, false, false]);

    // Past it now: two more free dates and one taken ask for "extra" for the two only.
    await book(actor, other.contractId, helsinkiInstant('2027-01-11', '09:00'));
    const asked = await errorOf(
      bookSeries(
        testContext(db(), now),
        actor,
        seriesOf(contractId, helsinkiInstant('2027-01-04', '09:00'), 3),
      ),
    );
    expect(asked).toBeInstanceOf(AllowanceExceededError);
    expect((asked as AllowanceExceededError).allowance).toEqual({
      agreed: 3,
      counted: 3,
      extra: 2,
    });
    await bookSeries(testContext(db(), now), actor, {
      ...seriesOf(contractId, helsinkiInstant('2027-01-04', '09:00'), 3),
      bookAsExtra: true,
    });
    expect((await sessionsOf(contractId)).map((r) => r.extra)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('shows what is in the way: a session of another practice as a time, without its contract', async () => {
    const { actor, contractId } = await supervisorWithContract();
    // The same supervisor also works for a second practice.
    const { owner: elsewhere } = await createPracticeWithOwner(db(), { practiceName: 'Toinen Oy' });
    await db()
      .insert(memberships)
      .values({ practiceId: elsewhere.practiceId, userId: actor.userId, role: 'supervisor' });
    const asMember = { ...actor, practiceId: elsewhere.practiceId, role: 'supervisor' as const };
    const theirs = await createContractFixture(db(), asMember, { code: 'SECRET-1' });
    await book(asMember, theirs.contractId, helsinkiInstant('2026-12-14', '08:30'));

    const booked = await bookSeries(
      testContext(db(), now),
      actor,
      seriesOf(contractId, helsinkiInstant('2026-12-07', '09:00'), 2),
    );
    expect(booked.clashes.map((clash) => clash.clashesWith)).toEqual([
      [
        {
          startsAt: helsinkiInstant('2026-12-14', '08:30'),
          endsAt: helsinkiInstant('2026-12-14', '09:30'),
          contractCode: null,
        },
      ],
    ]);
  });

  it("repeats at the contract's rhythm when no interval is given", async () => {
    const { actor, contractId } = await supervisorWithContract({ rhythmWeeks: 4 });
    const { sessionIds } = await bookSeries(testContext(db(), now), actor, {
      ...seriesOf(contractId, helsinkiInstant('2026-12-07', '09:00'), 3),
      everyWeeks: null,
    });
    const starts = (await Promise.all(sessionIds.map(loadSession))).map((s) => s.startsAt);
    expect(starts.map(helsinkiDate)).toEqual(['2026-12-07', '2027-01-04', '2027-02-01']);

    const irregular = await supervisorWithContract({ rhythmWeeks: null });
    const error = await errorOf(
      bookSeries(testContext(db(), now), irregular.actor, {
        ...seriesOf(irregular.contractId, helsinkiInstant('2026-12-07', '09:00'), 3),
        everyWeeks: null,
      }),
    );
    expect([error.code, error.messageKey]).toEqual(['invalid', 'sessions.everyWeeksNeeded']);
  });

  it('lets two simultaneous series over the same weeks book each date once', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const other = await createContractFixture(db(), actor);
    const results = await Promise.all([
      bookSeries(
        testContext(db(), now),
        actor,
        seriesOf(contractId, helsinkiInstant('2026-12-07', '09:00'), 3),
      ),
      bookSeries(
        testContext(db(), now),
        actor,
        seriesOf(other.contractId, helsinkiInstant('2026-12-14', '09:00'), 3),
      ),
    ]);
    // Whichever came first under the lock has three; the other the one date left to it.
    expect(results.map((r) => r.sessionIds.length).sort()).toEqual([1, 3]);
    expect(results.map((r) => r.clashes.length).sort()).toEqual([0, 2]);
    const rows = [...(await sessionsOf(contractId)), ...(await sessionsOf(other.contractId))];
    expect(new Set(rows.map((r) => r.startsAt.getTime())).size).toBe(4);
  });

  it('books a date left out into the same series, of the same contract only', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const other = await createContractFixture(db(), actor);
    await book(actor, other.contractId, helsinkiInstant('2026-12-14', '09:00'));
    const { seriesId } = await bookSeries(
      testContext(db(), now),
      actor,
      seriesOf(contractId, helsinkiInstant('2026-12-07', '09:00'), 3),
    );
    const id = await bookSession(testContext(db(), now), actor, {
      contractId,
      startsAt: helsinkiInstant('2026-12-14', '11:00'),
      confirmPast: false,
      seriesId,
    });
    expect((await loadSession(id)).seriesId).toBe(seriesId);

    const refused = await errorOf(
      bookSession(testContext(db(), now), actor, {
        contractId: other.contractId,
        startsAt: helsinkiInstant('2026-12-15', '11:00'),
        confirmPast: false,
        seriesId,
      }),
    );
    expect([refused.code, refused.messageKey]).toEqual([
      'invalid',
      'sessions.seriesOfAnotherContract',
    ]);
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
        rhythmWeeks: 3,
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
