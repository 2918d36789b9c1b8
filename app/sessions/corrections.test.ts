import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';

import { cancelSession, getSession, markHeld, markNoShow } from './booking.server';
import { correctOutcome, waiveCharge } from './corrections.server';
import { chargeReason } from './labels';
import { correctionSchema, pastCancelSchema } from './schemas';
import { errorOf, hours, now, sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const { supervisorWithContract, book, loadSession } = sessionFixtures(db);

describe('who cancelled', () => {
  it('never charges a late cancellation by the supervisor or the practice', async () => {
    const { actor, contractId } = await supervisorWithContract({ cancellationNoticeHours: 48 });
    for (const by of ['supervisor', 'practice'] as const) {
      const id = await book(actor, contractId, hours(by === 'supervisor' ? 2 : 5));
      expect(
        await cancelSession(testContext(db(), now), actor, id, { by, reason: 'Sairastuin' }),
      ).toEqual({
        late: true,
        chargeable: false,
      });
      expect(await loadSession(id)).toMatchObject({
        cancelledBy: by,
        cancellationReason: 'Sairastuin',
        cancelledAt: now,
      });
      expect(chargeReason(await loadSession(id))).toBe('sessions.charge.notByClient');
    }
    const bySupervisee = await book(actor, contractId, hours(8));
    const result = await cancelSession(testContext(db(), now), actor, bySupervisee, {
      by: 'supervisee',
      reason: null,
    });
    expect(result).toEqual({ late: true, chargeable: true });
  });

  it('marks a past session cancelled with the time it was called off', async () => {
    const { actor, contractId } = await supervisorWithContract({ cancellationNoticeHours: 24 });
    const id = await book(actor, contractId, hours(1));
    const later = hours(3);
    // Cancelled by the supervisee two days before the start: in time, so not charged.
    const input = pastCancelSchema.parse({
      cancelledBy: 'supervisee',
      cancellationReason: '',
      cancelledAt: '2026-11-14T12:00',
    });
    expect(await cancelSession(testContext(db(), later), actor, id, input)).toEqual({
      late: false,
      chargeable: false,
    });
    const future = pastCancelSchema.parse({
      cancelledBy: 'supervisee',
      cancelledAt: '2026-12-24T12:00',
    });
    const other = await book(actor, contractId, hours(30));
    expect(
      (await errorOf(cancelSession(testContext(db(), later), actor, other, future))).messageKey,
    ).toBe('sessions.cancelledAtFuture');
  });
});

describe('waiving a charge', () => {
  it('lets a chargeable late cancellation go uninvoiced, with its reason in the history', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const id = await book(actor, contractId, hours(2));
    await cancelSession(testContext(db(), now), actor, id, { by: 'supervisee', reason: null });
    await waiveCharge(testContext(db()), actor, id, 'Lapsen äkillinen sairastuminen');
    const row = await loadSession(id);
    expect(row).toMatchObject({
      chargeable: false,
      chargeWaivedReason: 'Lapsen äkillinen sairastuminen',
    });
    expect(chargeReason(row)).toBe('sessions.charge.waived');
    const { history } = await getSession(testContext(db()), actor, id);
    expect(history.map((h) => h.kind)).toEqual(['booked', 'cancelled', 'charge_waived']);
    expect((await errorOf(waiveCharge(testContext(db()), actor, id, 'Uudestaan'))).messageKey).toBe(
      'sessions.nothingToWaive',
    );
  });
});

describe('correcting an outcome', () => {
  it('turns a mistaken no-show into held, recomputes the charge and keeps the history', async () => {
    const { actor, contractId } = await supervisorWithContract({ chargeNoShow: false });
    const id = await book(actor, contractId, hours(1));
    await markNoShow(testContext(db(), hours(2)), actor, id);
    expect(await loadSession(id)).toMatchObject({ status: 'no_show', chargeable: false });

    await correctOutcome(testContext(db(), hours(3)), actor, id, { status: 'held' });
    expect(await loadSession(id)).toMatchObject({ status: 'held', chargeable: true });
    await correctOutcome(testContext(db(), hours(4)), actor, id, {
      status: 'cancelled',
      by: 'supervisor',
      reason: 'Sairastuin',
      cancelledAt: now,
    });
    expect(await loadSession(id)).toMatchObject({
      status: 'cancelled',
      chargeable: false,
      cancelledBy: 'supervisor',
      icalSequence: 1,
    });

    const { history } = await getSession(testContext(db()), actor, id);
    expect(history.map((h) => [h.kind, h.previousStatus, h.newStatus])).toEqual([
      ['booked', null, null],
      ['no_show', null, null],
      ['outcome_corrected', 'no_show', 'held'],
      ['outcome_corrected', 'held', 'cancelled'],
    ]);
  });

  it('needs a confirmation, a different outcome, and an uninvoiced session', async () => {
    expect(correctionSchema.safeParse({ status: 'held' }).success).toBe(false);
    expect(correctionSchema.safeParse({ status: 'held', confirmCorrection: 'on' }).success).toBe(
      true,
    );
    expect(
      correctionSchema.safeParse({ status: 'cancelled', confirmCorrection: 'on' }).success,
    ).toBe(false);

    const { actor, contractId } = await supervisorWithContract();
    const id = await book(actor, contractId, hours(1));
    const scheduled = await errorOf(
      correctOutcome(testContext(db(), hours(2)), actor, id, { status: 'held' }),
    );
    expect(scheduled.messageKey).toBe('sessions.notCorrectable');
    await markHeld(testContext(db(), hours(2)), actor, id, {});
    const same = await errorOf(
      correctOutcome(testContext(db(), hours(2)), actor, id, { status: 'held' }),
    );
    expect(same.messageKey).toBe('sessions.sameOutcome');

    await db()
      .update(supervisionSessions)
      .set({ invoicedAt: hours(3) })
      .where(eq(supervisionSessions.id, id));
    const invoiced = await errorOf(
      correctOutcome(testContext(db(), hours(4)), actor, id, { status: 'no_show' }),
    );
    expect(invoiced.messageKey).toBe('sessions.notCorrectable');
    expect((await loadSession(id)).status).toBe('held');
  });
});

describe('a correction and a booking at once', () => {
  // Only PostgreSQL runs the two side by side; on PGlite they run one after the other.
  it('never leave the contract past its allowance with nothing marked extra', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 1 });
      const freed = await book(actor, contractId, hours(1));
      await cancelSession(testContext(db(), now), actor, freed, { by: 'supervisor', reason: null });
      const booking = book(actor, contractId, hours(48 + round));
      const correction = correctOutcome(testContext(db(), hours(3)), actor, freed, {
        status: 'held',
      });
      const [booked, corrected] = await Promise.allSettled([booking, correction]);
      // The correction records what happened, so it always goes through.
      expect(corrected.status).toBe('fulfilled');
      const rows = await db()
        .select({ status: supervisionSessions.status, extra: supervisionSessions.extra })
        .from(supervisionSessions)
        .where(eq(supervisionSessions.contractId, contractId));
      const counted = rows.filter((row) => row.status !== 'cancelled');
      expect(counted.filter((row) => !row.extra)).toHaveLength(1);
      if (booked.status === 'rejected') {
        expect(booked.reason).toMatchObject({ messageKey: 'sessions.pastAllowance' });
      }
    }
  });
});
