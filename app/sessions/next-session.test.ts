/**
 * The session page leads from one step to the next: outcome → notes → summary → the next
 * session at the contract's rhythm, booked in one click through the booking rules; a no-show
 * is recorded only when confirmed.
 */
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { loadContextFor, testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor } from '~/practices/actor';
import * as sessionRoute from '~/routes/_app.sessions.$sessionId._index';
import { helsinkiDate, helsinkiInstant, helsinkiTime } from '~/time/helsinki';

import { nextAtRhythm, sessionFollowUp } from './next-session.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const DAY = 24 * 3_600_000;
// The route acts at the real time, so the sessions sit around it.
const twoDaysAgoAtTen = () =>
  helsinkiInstant(helsinkiDate(new Date(Date.now() - 2 * DAY)), '10:00');

async function supervisorWithSession(status: 'scheduled' | 'held' = 'held') {
  const { owner } = await createPracticeWithOwner(db());
  const { contractId } = await createContractFixture(db(), owner, { rhythmWeeks: 3 });
  const startsAt = twoDaysAgoAtTen();
  const id = await insertSession(db(), {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: owner.userId,
    startsAt,
    status,
  });
  return { actor: owner, contractId, id, startsAt };
}

async function send(actor: MemberActor, id: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const request = new Request(`http://localhost/sessions/${id}`, { method: 'POST', body });
  const context = await loadContextFor(db(), actor.userId);
  const answer = await sessionRoute
    .action({ request, params: { sessionId: id }, context })
    .then(unwrapActionResult, (error: unknown) => {
      if (error instanceof Response) return { data: error, status: error.status };
      throw error;
    });
  if (answer.data instanceof Response) return { status: answer.data.status, result: undefined };
  return { status: answer.status, result: answer.data };
}

async function laterSessions(contractId: string, after: Date) {
  return db()
    .select({ startsAt: supervisionSessions.startsAt, status: supervisionSessions.status })
    .from(supervisionSessions)
    .where(
      and(eq(supervisionSessions.contractId, contractId), gt(supervisionSessions.startsAt, after)),
    );
}

describe('the step after a session', () => {
  it('goes outcome → notes → publish → book the next, and then names the next session', async () => {
    const { actor, id, contractId, startsAt } = await supervisorWithSession('scheduled');
    const ctx = testContext(db());
    const session = async () => {
      const [row] = await db()
        .select()
        .from(supervisionSessions)
        .where(eq(supervisionSessions.id, id));
      if (!row) throw new Error('no session');
      return row;
    };
    expect((await sessionFollowUp(ctx, actor, await session())).step).toBe('outcome');
    await db()
      .update(supervisionSessions)
      .set({ status: 'held' })
      .where(eq(supervisionSessions.id, id));
    expect((await sessionFollowUp(ctx, actor, await session())).step).toBe('notes');
    await saveNote(ctx, actor, id, {
      baseVersion: 0,
      private: emptyPrivateNote,
      shared: { ...emptySharedDraft, role: 'Roolista puhuttiin.' },
      themes: null,
    });
    expect((await sessionFollowUp(ctx, actor, await session())).step).toBe('publish');
    await publishSummary(ctx, actor, id, null);
    const ready = await sessionFollowUp(ctx, actor, await session());
    expect(ready.step).toBe('bookNext');
    expect(ready.proposal?.startsAt).toEqual(nextAtRhythm(startsAt, 3));
    expect(ready.nextBooked).toBeNull();

    expect((await send(actor, id, { intent: 'bookNext' })).status).toBe(302);
    const booked = await sessionFollowUp(ctx, actor, await session());
    expect(booked.nextBooked?.startsAt).toEqual(nextAtRhythm(startsAt, 3));
    expect(booked.proposal).toBeNull();
    expect(await laterSessions(contractId, startsAt)).toEqual([
      { startsAt: nextAtRhythm(startsAt, 3), status: 'scheduled' },
    ]);
  });

  it('offers the rhythm’s date when the contract’s next booked session is later than that', async () => {
    const { actor, id, contractId, startsAt } = await supervisorWithSession();
    const ctx = testContext(db());
    const [held] = await db()
      .select()
      .from(supervisionSessions)
      .where(eq(supervisionSessions.id, id));
    if (!held) throw new Error('no session');
    const at = (days: number) => new Date(startsAt.getTime() + days * DAY);
    const farOff = await insertSession(db(), {
      practiceId: actor.practiceId,
      contractId,
      supervisorId: actor.userId,
      startsAt: at(35),
    });
    const gap = await sessionFollowUp(ctx, actor, held);
    expect(gap.nextBooked).toBeNull();
    expect(gap.proposal?.startsAt).toEqual(nextAtRhythm(startsAt, 3));
    await db()
      .update(supervisionSessions)
      .set({ startsAt: at(14), endsAt: at(14.05) })
      .where(eq(supervisionSessions.id, farOff));
    const booked = await sessionFollowUp(ctx, actor, held);
    expect(booked.nextBooked).toEqual({ id: farOff, startsAt: at(14) });
    expect(booked.proposal).toBeNull();
  });

  it('keeps the Helsinki wall-clock time across a change of the clocks', () => {
    // Saturday 17.10.2026 at 9.00 summer time; three weeks later it is winter time.
    const next = nextAtRhythm(helsinkiInstant('2026-10-17', '09:00'), 3);
    expect([helsinkiDate(next), helsinkiTime(next)]).toEqual(['2026-11-07', '09:00']);
  });

  it('refuses a clash with a clear message and books nothing', async () => {
    const { actor, id, contractId, startsAt } = await supervisorWithSession();
    const taken = nextAtRhythm(startsAt, 3);
    const other = await createContractFixture(db(), actor);
    await insertSession(db(), {
      practiceId: actor.practiceId,
      contractId: other.contractId,
      supervisorId: actor.userId,
      startsAt: new Date(taken.getTime() + 30 * 60_000),
    });
    const refused = await send(actor, id, { intent: 'bookNext' });
    expect(refused.status).toBe(409);
    expect(refused.result?.failure.formError).toBe('sessions.doubleBooked');
    expect(await laterSessions(contractId, startsAt)).toEqual([]);
  });

  it('is not found for another supervisor, and nothing is booked', async () => {
    const { actor, id, contractId, startsAt } = await supervisorWithSession();
    const colleague = await addMember(db(), actor.practiceId, 'supervisor');
    expect((await send(colleague, id, { intent: 'bookNext' })).status).toBe(404);
    expect(await laterSessions(contractId, startsAt)).toEqual([]);
  });
});

describe('a no-show', () => {
  it('is recorded only when confirmed; unconfirmed it is a 400 beside the box', async () => {
    const { actor, id } = await supervisorWithSession('scheduled');
    const refused = await send(actor, id, { intent: 'noShow' });
    expect(refused.status).toBe(400);
    expect(refused.result?.failure.fieldErrors.confirmNoShow).toEqual([
      'sessions.confirmNoShowRequired',
    ]);
    const [unchanged] = await db()
      .select({ status: supervisionSessions.status })
      .from(supervisionSessions)
      .where(eq(supervisionSessions.id, id));
    expect(unchanged?.status).toBe('scheduled');
    expect((await send(actor, id, { intent: 'noShow', confirmNoShow: 'on' })).status).toBe(302);
  });
});
