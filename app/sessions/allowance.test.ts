import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import { contractProgress } from '~/contracts/progress.server';
import { progressLabel } from '~/contracts/progress-label';
import { helsinkiInstant } from '~/time/helsinki';

import { AllowanceExceededError } from './allowance.server';
import { bookSeries, bookSession, cancelSession } from './booking.server';
import { errorOf, now, sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const { supervisorWithContract, book, loadSession } = sessionFixtures(db);

const series = (contractId: string, count: number, bookAsExtra = false) => ({
  contractId,
  firstStartsAt: helsinkiInstant('2026-12-01', '09:00'),
  everyWeeks: 1,
  count,
  confirmPast: false,
  bookAsExtra,
});

async function contractSessions(contractId: string) {
  return db()
    .select({ extra: supervisionSessions.extra, startsAt: supervisionSessions.startsAt })
    .from(supervisionSessions)
    .where(eq(supervisionSessions.contractId, contractId))
    .orderBy(supervisionSessions.startsAt);
}

describe('the allowance of sessions', () => {
  it('refuses a series past the allowance unless booked as extra, then marks the extras', async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 8 });
    const refused = await errorOf(
      bookSeries(testContext(db(), now), actor, series(contractId, 12)),
    );
    expect(refused.messageKey).toBe('sessions.pastAllowance');
    expect(refused instanceof AllowanceExceededError && refused.allowance).toEqual({
      agreed: 8,
      counted: 0,
      extra: 4,
    });
    expect(await contractSessions(contractId)).toEqual([]);

    await bookSeries(testContext(db(), now), actor, series(contractId, 12, true));
    const booked = await contractSessions(contractId);
    expect(booked.map((s) => s.extra)).toEqual([...Array(8).fill(false), ...Array(4).fill(true)]);
  });

  it('counts every session but those cancelled without a charge, single bookings included', async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 2 });
    const first = await book(actor, contractId, helsinkiInstant('2026-12-01', '09:00'));
    // Cancelled well ahead of the notice period: it gives its session back.
    await cancelSession(testContext(db(), now), actor, first, { by: 'supervisee', reason: null });
    await book(actor, contractId, helsinkiInstant('2026-12-02', '09:00'));
    await book(actor, contractId, helsinkiInstant('2026-12-03', '09:00'));

    const third = {
      contractId,
      startsAt: helsinkiInstant('2026-12-04', '09:00'),
      confirmPast: false,
    };
    const refused = await errorOf(bookSession(testContext(db(), now), actor, third));
    expect(refused.messageKey).toBe('sessions.pastAllowance');
    const id = await bookSession(testContext(db(), now), actor, { ...third, bookAsExtra: true });
    expect((await loadSession(id)).extra).toBe(true);
  });

  it('reads "12 / 8 (4 extra)" once more sessions are used than agreed', async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 8 });
    await bookSeries(testContext(db(), now), actor, series(contractId, 12, true));
    await db()
      .update(supervisionSessions)
      .set({ status: 'held' })
      .where(eq(supervisionSessions.contractId, contractId));
    const counts = (await contractProgress(db(), [contractId])).get(contractId);
    if (!counts) throw new Error('no progress');
    expect(progressLabel('en', counts).short).toBe('12 / 8 (4 extra)');
    expect(progressLabel('fi', counts).short).toBe('12 / 8 (4 ylimääräistä)');
    expect(progressLabel('en', { used: 3, agreed: 8, upcoming: 1 }).short).toBe('3/8');
  });
});
