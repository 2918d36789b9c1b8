import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { type SessionStatus, supervisionSessions } from '#db/schema';
import { createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { contractProgress, usesUpSession } from './progress.server';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
});
afterAll(() => database.close());
const db = () => database.db;

/** Inserts one session per entry, a week apart from 1 Sep 2026, in the given order. */
async function sessions(
  actor: MemberActor,
  contractId: string,
  entries: { status: SessionStatus; chargeable?: boolean }[],
) {
  const rows = await db()
    .insert(supervisionSessions)
    .values(
      entries.map((entry, week) => {
        const startsAt = new Date(Date.UTC(2026, 8, 1 + week * 7, 7));
        return {
          practiceId: actor.practiceId,
          contractId,
          supervisorId: actor.userId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 60 * 60_000),
          status: entry.status,
          chargeable: entry.chargeable ?? entry.status !== 'cancelled',
          cancelledAt: entry.status === 'cancelled' ? startsAt : null,
        };
      }),
    )
    .returning({ id: supervisionSessions.id });
  return rows.map((row) => row.id);
}

describe('contract progress', () => {
  it('counts held, no-show and charged late cancellations as used, scheduled as upcoming', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, { sessionsAgreed: 10 });
    await sessions(owner, contractId, [
      { status: 'held' },
      { status: 'no_show' },
      { status: 'cancelled', chargeable: true }, // too late: uses up a session
      { status: 'cancelled', chargeable: false }, // in time: given back
      { status: 'held' },
      { status: 'scheduled' },
      { status: 'scheduled' },
    ]);
    const progress = await contractProgress(db(), [contractId]);
    expect(progress.get(contractId)).toEqual({ used: 4, agreed: 10, upcoming: 2 });
  });

  it('gives a contract without sessions zero of its agreed sessions', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { contractId } = await createContractFixture(db(), owner, { sessionsAgreed: 6 });
    expect((await contractProgress(db(), [contractId])).get(contractId)).toEqual({
      used: 0,
      agreed: 6,
      upcoming: 0,
    });
    expect((await contractProgress(db(), [])).size).toBe(0);
  });

  it('answers for any number of contracts in one query', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { contractId } = await createContractFixture(db(), owner);
      if (i > 0)
        await sessions(
          owner,
          contractId,
          Array.from({ length: i }, () => ({ status: 'held' })),
        );
      ids.push(contractId);
    }
    counter.reset();
    const progress = await contractProgress(db(), ids);
    expect(counter.count).toBe(1);
    expect(ids.map((id) => progress.get(id)?.used)).toEqual([0, 1, 2, 3, 4]);
  });

  it('states the same rule for sessions already in memory', () => {
    expect(usesUpSession({ status: 'held', chargeable: true })).toBe(true);
    expect(usesUpSession({ status: 'no_show', chargeable: false })).toBe(true);
    expect(usesUpSession({ status: 'cancelled', chargeable: true })).toBe(true);
    expect(usesUpSession({ status: 'cancelled', chargeable: false })).toBe(false);
    expect(usesUpSession({ status: 'scheduled', chargeable: true })).toBe(false);
  });
});
