import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, contractParticipants, sessionAttendance } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';

import {
  cancelSession,
  getSession,
  isLateCancellation,
  markHeld,
  markNoShow,
} from './booking.server';
import { errorOf, hours, now, sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const { supervisorWithContract, book, loadSession } = sessionFixtures(db);

describe('cancelling', () => {
  it('is on time before the notice period and late inside it', () => {
    const startsAt = hours(24);
    expect(isLateCancellation(startsAt, 24, now)).toBe(false);
    expect(isLateCancellation(startsAt, 24, new Date(now.getTime() + 1))).toBe(true);
    expect(isLateCancellation(startsAt, 48, now)).toBe(true);
  });

  it('charges a late cancellation only when the contract says so', async () => {
    const charging = await supervisorWithContract({ cancellationNoticeHours: 48 });
    const onTime = await book(charging.actor, charging.contractId, hours(72));
    const late = await book(charging.actor, charging.contractId, hours(47));
    expect(
      await cancelSession(testContext(db(), now), charging.actor, onTime, {
        by: 'supervisee',
        reason: null,
      }),
    ).toEqual({
      late: false,
      chargeable: false,
    });
    expect(
      await cancelSession(testContext(db(), now), charging.actor, late, {
        by: 'supervisee',
        reason: null,
      }),
    ).toEqual({
      late: true,
      chargeable: true,
    });
    const lateRow = await loadSession(late);
    expect(lateRow).toMatchObject({
      status: 'cancelled',
      cancelledLate: true,
      chargeable: true,
      cancelledAt: now,
      icalSequence: 1,
    });

    const lenient = await supervisorWithContract({ chargeLateCancellation: false });
    const lenientLate = await book(lenient.actor, lenient.contractId, hours(2));
    expect(
      await cancelSession(testContext(db(), now), lenient.actor, lenientLate, {
        by: 'supervisee',
        reason: null,
      }),
    ).toEqual({
      late: true,
      chargeable: false,
    });
    expect(
      (await getSession(testContext(db()), lenient.actor, lenientLate)).history.map((h) => h.kind),
    ).toEqual(['booked', 'cancelled']);
    const again = await errorOf(
      cancelSession(testContext(db(), now), lenient.actor, lenientLate, {
        by: 'supervisee',
        reason: null,
      }),
    );
    expect(again.messageKey).toBe('sessions.notScheduled');
  });
});

describe('held and no-show', () => {
  it('can be marked only after the start', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const id = await book(actor, contractId, hours(1));
    const error = await errorOf(markNoShow(testContext(db(), now), actor, id));
    expect(error.messageKey).toBe('sessions.notStartedYet');
    await markNoShow(testContext(db(), hours(2)), actor, id);
    expect(await loadSession(id)).toMatchObject({ status: 'no_show', chargeable: true });
  });

  it('charges a no-show only if the contract does', async () => {
    const { actor, contractId } = await supervisorWithContract({ chargeNoShow: false });
    const id = await book(actor, contractId, hours(1));
    await markNoShow(testContext(db(), hours(3)), actor, id);
    expect(await loadSession(id)).toMatchObject({ status: 'no_show', chargeable: false });
  });

  it("records a team's attendance when the session is held", async () => {
    const { actor, contractId, clientId } = await supervisorWithContract({ form: 'team' });
    const [second] = await db()
      .insert(clients)
      .values({ practiceId: actor.practiceId, name: 'Aino Aalto' })
      .returning({ id: clients.id });
    if (!second) throw new Error('insert returned no row');
    await db()
      .insert(contractParticipants)
      .values({ contractId, clientId: second.id, practiceId: actor.practiceId });
    const id = await book(actor, contractId, hours(1));

    const stranger = await errorOf(
      markHeld(testContext(db(), hours(2)), actor, id, {
        attendedClientIds: [crypto.randomUUID()],
      }),
    );
    expect(stranger.messageKey).toBe('sessions.notAParticipant');
    expect((await loadSession(id)).status).toBe('scheduled');

    await markHeld(testContext(db(), hours(2)), actor, id, { attendedClientIds: [second.id] });
    expect(await loadSession(id)).toMatchObject({ status: 'held', chargeable: true });
    const rows = await db()
      .select({ clientId: sessionAttendance.clientId, attended: sessionAttendance.attended })
      .from(sessionAttendance)
      .where(eq(sessionAttendance.sessionId, id));
    expect(new Map(rows.map((r) => [r.clientId, r.attended]))).toEqual(
      new Map([
        [clientId, false],
        [second.id, true],
      ]),
    );
    const { participants } = await getSession(testContext(db()), actor, id);
    expect(participants.map((p) => [p.name, p.attended])).toEqual([
      ['Aino Aalto', true],
      ['Maria Lehtonen', false],
    ]);
  });
});
