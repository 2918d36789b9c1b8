/**
 * The booking and session pages keep what was typed when they ask for a confirmation, and
 * change nothing until it is given.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { loadContextFor, testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import * as sessionRoute from '~/routes/_app.sessions.$sessionId._index';
import * as newSessionRoute from '~/routes/_app.sessions.new';

import { markNoShow } from './booking.server';
import { hours, sessionFixtures } from './test-fixtures';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;
const { supervisorWithContract, book, loadSession } = sessionFixtures(db);

const post = (path: string, fields: Record<string, string>) => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return new Request(`http://localhost${path}`, { method: 'POST', body });
};

describe('booking past the allowance', () => {
  it('asks for "book as extra", keeps every field, and books once it is ticked', async () => {
    const { actor, contractId } = await supervisorWithContract({ sessionsAgreed: 2 });
    const context = await loadContextFor(db(), actor.userId);
    const fields = {
      contractId,
      date: '2099-03-02',
      time: '09:00',
      minutes: '75',
      evaluationKind: 'none',
      location: 'Etäyhteys',
      repeat: 'on',
      everyWeeks: '2',
      count: '3',
    };
    const answer = unwrapActionResult(
      await newSessionRoute.action({ request: post('/sessions/new', fields), params: {}, context }),
    );
    // Going past the allowance is a conflict with the contract: 409, not a success.
    expect(answer.status).toBe(409);
    const asked = answer.data;
    if (asked instanceof Response || !('failure' in asked))
      throw new Error('expected the form back');
    expect(asked.allowance).toEqual({ agreed: 2, counted: 0, extra: 1 });
    expect(asked.failure.values).toMatchObject(fields);
    expect(
      await db()
        .select()
        .from(supervisionSessions)
        .where(eq(supervisionSessions.contractId, contractId)),
    ).toEqual([]);

    const booked = await newSessionRoute.action({
      request: post('/sessions/new', { ...fields, bookAsExtra: 'on' }),
      params: {},
      context,
    });
    expect(booked instanceof Response && booked.status).toBe(302);
    const rows = await db()
      .select({ extra: supervisionSessions.extra })
      .from(supervisionSessions)
      .where(eq(supervisionSessions.contractId, contractId))
      .orderBy(supervisionSessions.startsAt);
    expect(rows.map((r) => r.extra)).toEqual([false, false, true]);
  });
});

describe('refusals answer with the status of their error code', () => {
  const fieldsFor = (contractId: string, date: string) => ({
    contractId,
    date,
    time: '09:00',
    minutes: '60',
    evaluationKind: 'none',
    location: 'Toimisto',
  });

  it('a double booking is a 409 with the form values kept and nothing booked', async () => {
    const { actor, contractId } = await supervisorWithContract();
    // 09:00 in Helsinki on 2 March (UTC+2).
    await book(actor, contractId, new Date('2099-03-02T07:00:00Z'));
    const context = await loadContextFor(db(), actor.userId);
    const fields = fieldsFor(contractId, '2099-03-02');
    const answer = unwrapActionResult(
      await newSessionRoute.action({ request: post('/sessions/new', fields), params: {}, context }),
    );
    expect(answer.status).toBe(409);
    const result = answer.data;
    if (result instanceof Response || !('failure' in result))
      throw new Error('expected the form back');
    expect(result.failure.formError).toBe('sessions.doubleBooked');
    expect(result.failure.values).toMatchObject(fields);
    const rows = await db()
      .select()
      .from(supervisionSessions)
      .where(eq(supervisionSessions.contractId, contractId));
    expect(rows).toHaveLength(1);
  });

  it('a time in the past without its confirmation is a 400 that asks for it', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const context = await loadContextFor(db(), actor.userId);
    const fields = fieldsFor(contractId, '2001-03-02');
    const answer = unwrapActionResult(
      await newSessionRoute.action({ request: post('/sessions/new', fields), params: {}, context }),
    );
    expect(answer.status).toBe(400);
    const result = answer.data;
    if (result instanceof Response || !('failure' in result))
      throw new Error('expected the form back');
    expect(result.needsPastConfirmation).toBe(true);
    expect(result.failure.values).toMatchObject(fields);
  });

  it('rescheduling onto another session on the session page is a 409 naming the form', async () => {
    const { actor, contractId } = await supervisorWithContract();
    await book(actor, contractId, new Date('2099-03-02T07:00:00Z'));
    const id = await book(actor, contractId, new Date('2099-03-03T07:00:00Z'));
    const context = await loadContextFor(db(), actor.userId);
    const fields = { intent: 'reschedule', date: '2099-03-02', time: '09:00', minutes: '60' };
    const answer = unwrapActionResult(
      await sessionRoute.action({
        request: post(`/sessions/${id}`, fields),
        params: { sessionId: id },
        context,
      }),
    );
    expect(answer.status).toBe(409);
    const result = answer.data;
    if (result instanceof Response || !('failure' in result))
      throw new Error('expected the form back');
    expect(result.intent).toBe('reschedule');
    expect(result.failure.values).toMatchObject(fields);
    expect((await loadSession(id)).startsAt).toEqual(new Date('2099-03-03T07:00:00Z'));
  });
});

describe('correcting an outcome on the session page', () => {
  it('changes nothing without the confirmation and keeps what was chosen', async () => {
    const { actor, contractId } = await supervisorWithContract();
    const id = await book(actor, contractId, hours(1));
    await markNoShow(testContext(db(), hours(2)), actor, id);
    const context = await loadContextFor(db(), actor.userId);
    const fields = { intent: 'correct', status: 'cancelled', cancelledBy: 'supervisor' };
    const answer = unwrapActionResult(
      await sessionRoute.action({
        request: post(`/sessions/${id}`, fields),
        params: { sessionId: id },
        context,
      }),
    );
    expect(answer.status).toBe(400);
    const result = answer.data;
    if (result instanceof Response || !('failure' in result)) {
      throw new Error('expected the form back');
    }
    expect(result.failure.fieldErrors.confirmCorrection).toEqual([
      'sessions.confirmCorrectionRequired',
    ]);
    expect(result.failure.values).toMatchObject(fields);
    expect((await loadSession(id)).status).toBe('no_show');

    const done = await sessionRoute.action({
      request: post(`/sessions/${id}`, { ...fields, confirmCorrection: 'on' }),
      params: { sessionId: id },
      context,
    });
    expect(done instanceof Response && done.status).toBe(302);
    expect(await loadSession(id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'supervisor',
      chargeable: false,
    });
  });
});
