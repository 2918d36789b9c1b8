/**
 * The client page sends the same few queries whatever the client's history: at most 6 with
 * the session lookup, for a client with five sessions and for one with two hundred, and for
 * a supervisee who shared one feedback round and one who shared four.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { answerWith, createFeedbackRound, sharedToken } from '#db/testing/feedback';
import { countPageQueries } from '#db/testing/page-queries';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { setSharedWithSupervisor } from '~/feedback/rounds.server';
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

  it('sends as many queries for four shared feedback rounds as for one', async () => {
    const cast = await createPortalCast(db());
    /** A round of the supervisee's, shared with the supervisor, answered by `answers`. */
    const sharedRound = async (title: string, answers: number) => {
      const roundId = await createFeedbackRound(db(), cast.self, { title });
      await setSharedWithSupervisor(testContext(db()), cast.self, roundId, true);
      const token = await sharedToken(db(), cast.self, roundId);
      for (let n = 0; n < answers; n++) {
        await answerWith(db(), token, {
          roundId,
          scale: [1 + n, 5 - n],
          text: [`Vastaus ${n} kierrokseen ${title}`],
          ip: `192.0.2.${n + 1}`,
        });
      }
    };
    const request = new Request(`http://localhost/clients/${cast.clientId}`);
    const page = async () => {
      let rounds: { title: string; visible: boolean; answers: string[] }[] = [];
      const queries = await countPageQueries(db(), counter, cast.author.userId, async (context) => {
        const data = await clientRoute.loader({
          request,
          params: { clientId: cast.clientId },
          context,
        });
        rounds = data.sharedFeedback.map((round) => ({
          title: round.title,
          visible: round.results.visible,
          answers: round.results.visible
            ? round.results.questions.flatMap((q) => (q.kind === 'text' ? q.answers : []))
            : [],
        }));
      });
      return { queries, rounds };
    };

    await sharedRound('Ensimmäinen', 3);
    const one = await page();
    expect(one.rounds).toEqual([
      {
        title: 'Ensimmäinen',
        visible: true,
        answers: expect.arrayContaining([
          'Vastaus 0 kierrokseen Ensimmäinen',
          'Vastaus 2 kierrokseen Ensimmäinen',
        ]),
      },
    ]);
    // One below the threshold (its answers are not read), two more above it.
    await sharedRound('Toinen', 2);
    await sharedRound('Kolmas', 3);
    await sharedRound('Neljäs', 4);
    const four = await page();
    expect(four.rounds.map((r) => [r.title, r.visible, r.answers.length])).toEqual([
      ['Neljäs', true, 4],
      ['Kolmas', true, 3],
      ['Toinen', false, 0],
      ['Ensimmäinen', true, 3],
    ]);
    expect(one.queries).toBeLessThanOrEqual(6);
    expect(four.queries).toBe(one.queries);
  }, 60_000);
});
