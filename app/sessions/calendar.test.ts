import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { helsinkiDate, helsinkiInstant } from '~/time/helsinki';

import { bookSession, cancelSession, markHeld } from './booking.server';
import { type CalendarRequest, getCalendar } from './calendar.server';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
});
afterAll(() => database.close());
const db = () => database.db;

const week48: CalendarRequest = {
  from: '2026-11-23',
  to: '2026-11-29',
  supervisorId: null,
  contractId: null,
};
const sessionIds = (calendar: { sessions: { id: string }[] }) => calendar.sessions.map((s) => s.id);

describe('the calendar', () => {
  it("shows the supervisor's own sessions by Helsinki day, numbered within each contract", async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, { sessionsAgreed: 10 });
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    const theirs = await createContractFixture(db(), colleague);
    const book = (date: string, time: string) =>
      bookSession(testContext(db(), new Date('2026-11-01T00:00:00Z')), owner, {
        contractId,
        startsAt: helsinkiInstant(date, time),
        confirmPast: true,
      });
    const beforeWeek = await book('2026-11-17', '09:00');
    const monday = await book('2026-11-23', '09:00');
    const freeCancel = await book('2026-11-24', '00:30');
    const lateCancel = await book('2026-11-25', '09:00');
    const friday = await book('2026-11-27', '09:00');
    const nextMonday = await book('2026-11-30', '09:00');
    await bookSession(testContext(db(), new Date('2026-11-01T00:00:00Z')), colleague, {
      contractId: theirs.contractId,
      startsAt: helsinkiInstant('2026-11-23', '12:00'),
      confirmPast: false,
    });
    await markHeld(testContext(db(), new Date('2026-11-17T09:00:00Z')), owner, beforeWeek, {});
    await cancelSession(testContext(db(), new Date('2026-11-20T09:00:00Z')), owner, freeCancel, {
      by: 'supervisee',
      reason: null,
    });
    await cancelSession(testContext(db(), new Date('2026-11-25T06:00:00Z')), owner, lateCancel, {
      by: 'supervisee',
      reason: null,
    });

    const calendar = await getCalendar(testContext(db()), owner, week48);
    const shown = calendar.sessions.map((s) => [
      helsinkiDate(s.startsAt),
      s.id,
      s.number,
      s.sessionsAgreed,
      s.status,
    ]);
    // The session cancelled in time does not count; the late one, charged, does.
    expect(shown).toEqual([
      ['2026-11-23', monday, 2, 10, 'scheduled'],
      ['2026-11-24', freeCancel, null, 10, 'cancelled'],
      ['2026-11-25', lateCancel, 3, 10, 'cancelled'],
      ['2026-11-27', friday, 4, 10, 'scheduled'],
    ]);
    expect(shown.flat()).not.toContain(nextMonday);
    const first = calendar.sessions[0];
    expect(first?.participantNames).toBe('Maria Lehtonen');
    expect(first?.contractCode).toMatch(/^TO-/);
  });

  it('needs the same few queries for a busy week as for an empty one', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const contractIds: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      contractIds.push((await createContractFixture(db(), owner)).contractId);
    }
    // 1,000 sessions six hours apart: about 28 a week from September 2026 to May 2027.
    const first = helsinkiInstant('2026-09-07', '08:00').getTime();
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const startsAt = new Date(first + i * 6 * 3_600_000);
      return {
        practiceId: owner.practiceId,
        contractId: contractIds[i % contractIds.length] ?? '',
        supervisorId: owner.userId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        status: i % 7 === 0 ? ('cancelled' as const) : ('scheduled' as const),
        chargeable: i % 7 !== 0,
      };
    });
    for (let i = 0; i < rows.length; i += 250) {
      await db()
        .insert(supervisionSessions)
        .values(rows.slice(i, i + 250));
    }

    counter.reset();
    const busy = await getCalendar(testContext(db()), owner, week48);
    const busyQueries = counter.count;
    counter.reset();
    const month = await getCalendar(testContext(db()), owner, {
      ...week48,
      from: '2026-11-30',
      to: '2027-01-03',
    });
    const monthQueries = counter.count;
    counter.reset();
    const empty = await getCalendar(testContext(db()), owner, {
      ...week48,
      from: '2030-03-04',
      to: '2030-03-10',
    });
    const emptyQueries = counter.count;

    expect(busy.sessions.length).toBeGreaterThanOrEqual(27);
    expect(month.sessions.length).toBeGreaterThanOrEqual(130);
    expect(empty.sessions).toEqual([]);
    expect(busyQueries).toBe(emptyQueries);
    expect(monthQueries).toBe(emptyQueries);
    // The owner's list of members, the contracts, the sessions.
    expect(busyQueries).toBeLessThanOrEqual(3);
    // Numbers run across the whole contract, not just the week shown.
    const numbers = busy.sessions.map((s) => s.number ?? 0);
    expect(Math.min(...numbers.filter((n) => n > 0))).toBeGreaterThan(20);
  });

  it("lets the owner open a member's calendar, and a supervisor only their own", async () => {
    const { owner } = await createPracticeWithOwner(db());
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    const another = await addMember(db(), owner.practiceId, 'supervisor');
    const theirs = await createContractFixture(db(), colleague);
    const mine = await createContractFixture(db(), owner);
    const stranger = (await createPracticeWithOwner(db())).owner;
    const book = (actor: typeof owner, contractId: string, time: string) =>
      bookSession(testContext(db(), new Date('2026-11-01T00:00:00Z')), actor, {
        contractId,
        startsAt: helsinkiInstant('2026-11-24', time),
        confirmPast: false,
      });
    const theirSession = await book(colleague, theirs.contractId, '10:00');
    const mySession = await book(owner, mine.contractId, '12:00');

    const ownersView = await getCalendar(testContext(db()), owner, {
      ...week48,
      supervisorId: colleague.userId,
    });
    expect(sessionIds(ownersView)).toEqual([theirSession]);
    expect(ownersView.own).toBe(false);
    expect(ownersView.contracts.map((c) => c.id)).toEqual([theirs.contractId]);
    // The owner chooses among the other members; they are "my own calendar" themselves.
    expect(ownersView.supervisors.map((m) => m.id).sort()).toEqual(
      [colleague.userId, another.userId].sort(),
    );

    // A supervisor asking for someone else's calendar sees their own, and no member list.
    const colleaguesView = await getCalendar(testContext(db()), colleague, {
      ...week48,
      supervisorId: owner.userId,
    });
    expect(sessionIds(colleaguesView)).toEqual([theirSession]);
    expect(colleaguesView.own).toBe(true);
    expect(colleaguesView.supervisors).toEqual([]);

    // Someone from another practice is no choice: the owner sees their own calendar.
    const outsideView = await getCalendar(testContext(db()), owner, {
      ...week48,
      supervisorId: stranger.userId,
    });
    expect(sessionIds(outsideView)).toEqual([mySession]);
    expect(outsideView.supervisorId).toBe(owner.userId);
  });

  it('shows one contract when asked, and ignores a contract that is not a choice', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const first = await createContractFixture(db(), owner);
    const second = await createContractFixture(db(), owner);
    const draft = await createContractFixture(db(), owner, { status: 'draft' });
    const colleague = await addMember(db(), owner.practiceId, 'supervisor');
    const theirs = await createContractFixture(db(), colleague);
    const book = (contractId: string, time: string) =>
      bookSession(testContext(db(), new Date('2026-11-01T00:00:00Z')), owner, {
        contractId,
        startsAt: helsinkiInstant('2026-11-25', time),
        confirmPast: false,
      });
    const a = await book(first.contractId, '09:00');
    const b = await book(second.contractId, '11:00');

    const all = await getCalendar(testContext(db()), owner, week48);
    expect(sessionIds(all)).toEqual([a, b]);
    // A draft has no sessions to show, so it is no choice either.
    expect(all.contracts.map((c) => c.id)).not.toContain(draft.contractId);
    expect(all.contracts).toHaveLength(2);

    const onlySecond = await getCalendar(testContext(db()), owner, {
      ...week48,
      contractId: second.contractId,
    });
    expect(sessionIds(onlySecond)).toEqual([b]);
    expect(onlySecond.contractId).toBe(second.contractId);

    const notMine = await getCalendar(testContext(db()), owner, {
      ...week48,
      contractId: theirs.contractId,
    });
    expect(sessionIds(notMine)).toEqual([a, b]);
    expect(notMine.contractId).toBeNull();
  });
});
