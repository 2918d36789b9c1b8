/**
 * The session page of a past team or group session, used as a supervisor would: held with
 * attendance, cancelled afterwards, corrected. A refused form comes back with status 400,
 * the error beside its field, and everything that was typed or ticked.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { sessionAttendance, supervisionSessions } from '#db/schema';
import { loadContextFor, testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import type { MemberActor } from '~/practices/actor';
import * as sessionRoute from '~/routes/_app.sessions.$sessionId._index';

import { cancelSession, markNoShow } from './booking.server';
import { groupContract, hours, now, sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const { book, loadSession } = sessionFixtures(db);

async function pastGroupSession(overrides: { sessionsAgreed?: number } = {}) {
  const { owner: actor } = await createPracticeWithOwner(db());
  const group = await groupContract(db(), actor, overrides);
  const id = await book(actor, group.contractId, hours(1));
  return { actor, ...group, id };
}

function post(id: string, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return new Request(`http://localhost/sessions/${id}`, { method: 'POST', body });
}

async function send(actor: MemberActor, id: string, fields: Record<string, string | string[]>) {
  const context = await loadContextFor(db(), actor.userId);
  const answer = unwrapActionResult(
    await sessionRoute.action({ request: post(id, fields), params: { sessionId: id }, context }),
  );
  if (answer.data instanceof Response) return { status: answer.data.status, result: undefined };
  return { status: answer.status, result: answer.data };
}

async function attendance(sessionId: string) {
  const rows = await db()
    .select({ clientId: sessionAttendance.clientId, attended: sessionAttendance.attended })
    .from(sessionAttendance)
    .where(eq(sessionAttendance.sessionId, sessionId));
  return Object.fromEntries(rows.map((row) => [row.clientId, row.attended]));
}

describe('correcting a group session to held', () => {
  it('asks who came, keeps the ticks when refused, and records them once confirmed', async () => {
    const { actor, id, maria, olli } = await pastGroupSession();
    await markNoShow(testContext(db(), hours(2)), actor, id);
    const fields = {
      intent: 'correct',
      status: 'held',
      attendance: 'recorded',
      attended: [olli],
    };

    const refused = await send(actor, id, fields);
    expect(refused.status).toBe(400);
    expect(refused.result?.failure.fieldErrors.confirmCorrection).toEqual([
      'sessions.confirmCorrectionRequired',
    ]);
    expect(refused.result?.attended).toEqual([olli]);
    expect((await loadSession(id)).status).toBe('no_show');

    const done = await send(actor, id, { ...fields, confirmCorrection: 'on' });
    expect(done.status).toBe(302);
    expect((await loadSession(id)).status).toBe('held');
    expect(await attendance(id)).toEqual({ [maria]: false, [olli]: true });
  });
});

describe('a correction that makes a session count against the allowance again', () => {
  it('warns on the page beforehand and marks the session extra when the allowance is used up', async () => {
    const { actor, contractId, id } = await pastGroupSession({ sessionsAgreed: 1 });
    // Called off by the supervisor: free, so it gave its session back to the contract …
    await cancelSession(testContext(db(), now), actor, id, { by: 'supervisor', reason: null });
    // … and the one agreed session went to another booking.
    await book(actor, contractId, hours(26));
    const context = await loadContextFor(db(), actor.userId);
    const page = await sessionRoute.loader({
      request: new Request(`http://localhost/sessions/${id}`),
      params: { sessionId: id },
      context,
    });
    expect(page.view.pastAllowanceIfCounted).toEqual({ agreed: 1, counted: 1 });

    const done = await send(actor, id, {
      intent: 'correct',
      status: 'no_show',
      confirmCorrection: 'on',
    });
    expect(done.status).toBe(302);
    expect(await loadSession(id)).toMatchObject({ status: 'no_show', extra: true });
  });

  it('corrects who cancelled: a late cancellation by the supervisee is charged, and extra', async () => {
    const { actor, contractId, id } = await pastGroupSession({ sessionsAgreed: 1 });
    await cancelSession(testContext(db(), now), actor, id, { by: 'supervisor', reason: null });
    await book(actor, contractId, hours(26));
    const done = await send(actor, id, {
      intent: 'correct',
      status: 'cancelled',
      cancelledBy: 'supervisee',
      // 16.11. at 11.30 Helsinki time, half an hour before the start: late.
      cancelledAt: '2026-11-16T11:30',
      confirmCorrection: 'on',
    });
    expect(done.status).toBe(302);
    expect(await loadSession(id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'supervisee',
      cancelledLate: true,
      chargeable: true,
      extra: true,
    });
  });

  it('leaves the session unmarked while the allowance has room', async () => {
    const { actor, id } = await pastGroupSession({ sessionsAgreed: 2 });
    await cancelSession(testContext(db(), now), actor, id, { by: 'supervisor', reason: null });
    await send(actor, id, { intent: 'correct', status: 'held', confirmCorrection: 'on' });
    expect(await loadSession(id)).toMatchObject({ status: 'held', extra: false });
  });
});

describe('refusals on a past group session', () => {
  it('marks held: a refused attendance list comes back as ticked, the error beside it', async () => {
    const { actor, id, maria } = await pastGroupSession();
    const stranger = (await pastGroupSession()).olli;
    const refused = await send(actor, id, {
      intent: 'held',
      attendance: 'recorded',
      attended: [maria, stranger],
    });
    expect(refused.status).toBe(400);
    expect(refused.result?.failure.fieldErrors.attended).toEqual(['sessions.notAParticipant']);
    expect(refused.result?.attended).toEqual([maria, stranger]);
    expect(await loadSession(id)).toMatchObject({ status: 'scheduled' });
    expect(await attendance(id)).toEqual({});
  });

  it('cancelled afterwards: a cancellation time in the future is an error of that field', async () => {
    const { actor, id } = await pastGroupSession();
    const fields = {
      intent: 'cancelled',
      cancelledBy: 'supervisee',
      cancellationReason: 'Tiimin kehittämispäivä',
      cancelledAt: '2099-01-01T09:00',
    };
    const refused = await send(actor, id, fields);
    expect(refused.status).toBe(400);
    expect(refused.result?.failure.fieldErrors.cancelledAt).toEqual(['sessions.cancelledAtFuture']);
    expect(refused.result?.failure.formError).toBeUndefined();
    expect(refused.result?.failure.values).toMatchObject(fields);
    expect(
      await db()
        .select({ status: supervisionSessions.status })
        .from(supervisionSessions)
        .where(eq(supervisionSessions.id, id)),
    ).toEqual([{ status: 'scheduled' }]);
  });

  it('a second tab: recording an outcome already recorded is a translated 409, nothing changes', async () => {
    const { actor, id, maria, olli } = await pastGroupSession();
    const held = { intent: 'held', attendance: 'recorded', attended: [maria, olli] };
    expect((await send(actor, id, held)).status).toBe(302);
    const again = await send(actor, id, { intent: 'noShow', confirmNoShow: 'on' });
    expect(again.status).toBe(409);
    expect(again.result?.failure.formError).toBe('sessions.notScheduled');
    expect(await loadSession(id)).toMatchObject({ status: 'held' });
  });

  it('waive: an empty reason is refused with 400 beside its field', async () => {
    const { actor, id } = await pastGroupSession();
    await markNoShow(testContext(db(), hours(2)), actor, id);
    const refused = await send(actor, id, { intent: 'waive', waiveReason: '  ' });
    expect(refused.status).toBe(400);
    expect(refused.result?.failure.fieldErrors.waiveReason).toEqual(['form.required']);
    expect((await loadSession(id)).chargeable).toBe(true);
  });
});
