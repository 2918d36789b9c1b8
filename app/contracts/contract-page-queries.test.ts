/**
 * The contract page sends the same few queries whatever the contract's history: 6 with the
 * session lookup, for a contract with five sessions and for one with two hundred.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { sessionNotes, supervisionSessions } from '#db/schema';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { countPageQueries } from '#db/testing/page-queries';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';
import * as contractRoute from '~/routes/_app.contracts.$contractId._index';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
});
afterAll(() => database.close());
const db = () => database.db;

const DAY = 24 * 60 * 60 * 1000;

/** A contract of `supervisor` with `count` sessions a week apart, the last few still to come. */
async function contractWithSessions(supervisor: MemberActor, count: number) {
  const { contractId } = await createContractFixture(db(), supervisor);
  const start = Date.now() - (count - 3) * 7 * DAY + DAY;
  const sessions = await db()
    .insert(supervisionSessions)
    .values(
      Array.from({ length: count }, (_, i) => {
        const startsAt = new Date(start + i * 7 * DAY);
        return {
          practiceId: supervisor.practiceId,
          contractId,
          supervisorId: supervisor.userId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 60 * 60_000),
          status: i < count - 3 ? ('held' as const) : ('scheduled' as const),
        };
      }),
    )
    .returning({ id: supervisionSessions.id, status: supervisionSessions.status });
  // Themes are what the timeline reads; the notes' texts play no part in it.
  await db()
    .insert(sessionNotes)
    .values(
      sessions
        .filter((s) => s.status === 'held')
        .map((s) => ({
          sessionId: s.id,
          practiceId: supervisor.practiceId,
          authorId: supervisor.userId,
          themes: ['role' as const, 'power' as const],
        })),
    );
  return contractId;
}

describe('the contract page', () => {
  it('sends at most 6 queries, as many for 5 sessions as for 200', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const counts = [];
    for (const sessions of [5, 200]) {
      const contractId = await contractWithSessions(supervisor, sessions);
      const request = new Request(`http://localhost/contracts/${contractId}`);
      let timelineLength = 0;
      counts.push(
        await countPageQueries(db(), counter, supervisor.userId, async (context) => {
          const data = await contractRoute.loader({ request, params: { contractId }, context });
          timelineLength = data.timeline?.points.length ?? 0;
        }),
      );
      // The page shows the latest sessions and the next ones, all of them for a short history.
      expect(timelineLength).toBe(Math.min(sessions, 20 + 3));
    }
    expect(counts[0]).toBeLessThanOrEqual(6);
    expect(counts[1]).toBe(counts[0]);
  });

  it('shows the latest 20 and the next sessions of a long history, numbered, and all on request', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const contractId = await contractWithSessions(supervisor, 200);
    const load = async (search: string) => {
      const request = new Request(`http://localhost/contracts/${contractId}${search}`);
      let timeline = { shown: 0, firstNumber: 0, total: 0, firstThemes: [] as string[] };
      const queries = await countPageQueries(db(), counter, supervisor.userId, async (context) => {
        const data = await contractRoute.loader({ request, params: { contractId }, context });
        timeline = {
          shown: data.timeline?.points.length ?? 0,
          firstNumber: data.timeline?.firstNumber ?? 0,
          total: data.timeline?.total ?? 0,
          firstThemes: data.timeline?.points[0]?.themes ?? [],
        };
      });
      return { queries, timeline };
    };
    const recent = await load('');
    // 197 sessions have started: numbers 178–197 of them, then the 3 to come.
    expect(recent.timeline).toEqual({
      shown: 23,
      firstNumber: 178,
      total: 200,
      firstThemes: ['role', 'power'],
    });
    const all = await load('?timeline=all');
    expect(all.timeline).toEqual({
      shown: 200,
      firstNumber: 1,
      total: 200,
      firstThemes: ['role', 'power'],
    });
    expect(all.queries).toBe(recent.queries);
  });
});
