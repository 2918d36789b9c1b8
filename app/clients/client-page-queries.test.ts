/**
 * The client page sends the same few queries whatever the client's history: at most 6 with
 * the session lookup, for a client with five sessions and for one with two hundred.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { countPageQueries } from '#db/testing/page-queries';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';
import * as clientRoute from '~/routes/_app.clients.$clientId._index';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
});
afterAll(() => database.close());
const db = () => database.db;

const DAY = 24 * 60 * 60 * 1000;

/** A client in a contract of `supervisor` with `count` weekly sessions, held but the last. */
async function clientWithSessions(supervisor: MemberActor, count: number) {
  const { contractId, clientId } = await createContractFixture(db(), supervisor);
  const start = Date.now() - (count - 1) * 7 * DAY + DAY;
  await db()
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
          status: i < count - 1 ? ('held' as const) : ('scheduled' as const),
        };
      }),
    );
  return clientId;
}

describe('the client page', () => {
  it('sends at most 6 queries, as many for 5 sessions as for 200', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const supervisor = await addMember(db(), owner.practiceId, 'supervisor');
    const counts = [];
    for (const sessions of [5, 200]) {
      const clientId = await clientWithSessions(supervisor, sessions);
      const request = new Request(`http://localhost/clients/${clientId}`);
      let shown = { contracts: 0, sessions: 0, used: 0 };
      counts.push(
        await countPageQueries(db(), counter, supervisor.userId, async (context) => {
          const data = await clientRoute.loader({ request, params: { clientId }, context });
          shown = {
            contracts: data.contracts.length,
            sessions: data.sessions.length,
            used: data.contracts[0]?.progress.used ?? 0,
          };
        }),
      );
      // The latest 50 sessions are listed; the contract's progress counts all of them.
      expect(shown).toEqual({
        contracts: 1,
        sessions: Math.min(sessions, 50),
        used: sessions - 1,
      });
    }
    expect(counts[0]).toBeLessThanOrEqual(6);
    expect(counts[1]).toBe(counts[0]);
  });
});
