import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { helsinkiInstant } from '~/time/helsinki';

import { bookSession, cancelSession, markHeld } from './booking.server';
import { getCalendarWeek } from './calendar.server';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
});
afterAll(() => database.close());
const db = () => database.db;

const week48 = { year: 2026, week: 48 };

describe('the week calendar', () => {
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

    const calendar = await getCalendarWeek(testContext(db()), owner, week48);
    expect(calendar.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    const shown = calendar.days.flatMap((day) =>
      day.sessions.map((s) => [day.date, s.id, s.number, s.sessionsAgreed, s.status]),
    );
    // The session cancelled in time does not count; the late one, charged, does.
    expect(shown).toEqual([
      ['2026-11-23', monday, 2, 10, 'scheduled'],
      ['2026-11-24', freeCancel, null, 10, 'cancelled'],
      ['2026-11-25', lateCancel, 3, 10, 'cancelled'],
      ['2026-11-27', friday, 4, 10, 'scheduled'],
    ]);
    expect(shown.flat()).not.toContain(nextMonday);
    const first = calendar.days[0]?.sessions[0];
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
    const busy = await getCalendarWeek(testContext(db()), owner, week48);
    const busyQueries = counter.count;
    counter.reset();
    const empty = await getCalendarWeek(testContext(db()), owner, { year: 2030, week: 10 });
    const emptyQueries = counter.count;

    expect(busy.days.flatMap((d) => d.sessions).length).toBeGreaterThanOrEqual(27);
    expect(empty.days.flatMap((d) => d.sessions)).toEqual([]);
    expect(busyQueries).toBe(emptyQueries);
    expect(busyQueries).toBeLessThanOrEqual(3);
    // Numbers run across the whole contract, not just the week shown.
    const numbers = busy.days.flatMap((d) => d.sessions).map((s) => s.number ?? 0);
    expect(Math.min(...numbers.filter((n) => n > 0))).toBeGreaterThan(20);
  });
});
