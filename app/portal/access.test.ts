import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contracts, supervisionSessions } from '#db/schema';
import { createContractFixture } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import type { SuperviseeActor } from '~/practices/actor';

import { agreedContracts, participatedContracts, participatedSessions } from './access.server';

let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
beforeAll(async () => {
  database = await createTestDatabase();
  cast = await createPortalCast(database.db);
});
afterAll(() => database.close());

const contractsOf = async (actor: SuperviseeActor) =>
  (
    await database.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(participatedContracts(actor))
  ).map((r) => r.id);

const sessionsOf = async (actor: SuperviseeActor) =>
  (
    await database.db
      .select({ id: supervisionSessions.id })
      .from(supervisionSessions)
      .where(participatedSessions(actor))
  ).map((r) => r.id);

describe('what a supervisee’s portal reaches', () => {
  it('the contracts and sessions they take part in, and nothing else', async () => {
    const table = {
      self: [[cast.contractId], [cast.sessionId]],
      sameGroup: [[cast.contractId], [cast.sessionId]],
      samePractice: [[cast.individualContractId], [cast.individualSessionId]],
    } as const;
    for (const [persona, [expectedContracts, expectedSessions]] of Object.entries(table)) {
      const actor = cast[persona as keyof typeof table];
      expect({ persona, contracts: await contractsOf(actor) }).toEqual({
        persona,
        contracts: expectedContracts,
      });
      expect({ persona, sessions: await sessionsOf(actor) }).toEqual({
        persona,
        sessions: expectedSessions,
      });
    }
  });

  it('a client id of another practice reaches nothing in this one', async () => {
    const crossed: SuperviseeActor = { ...cast.otherPractice, practiceId: cast.owner.practiceId };
    expect(await contractsOf(crossed)).toEqual([]);
    expect(await sessionsOf(crossed)).toEqual([]);
  });
});

describe('the contracts the portal shows', () => {
  it('are the agreed ones (active or ended) the supervisee takes part in; a draft is not yet', async () => {
    const fresh = await createPortalCast(database.db);
    const contractOf = (status: 'draft' | 'ended') =>
      createContractFixture(database.db, fresh.author, {
        participants: [fresh.clientId],
        status,
      });
    const draft = await contractOf('draft');
    const ended = await contractOf('ended');
    const shown = async (actor: SuperviseeActor) =>
      (await database.db.select({ id: contracts.id }).from(contracts).where(agreedContracts(actor)))
        .map((r) => r.id)
        .sort();
    const table = {
      self: [fresh.contractId, ended.contractId].sort(),
      sameGroup: [fresh.contractId],
      samePractice: [fresh.individualContractId],
    } as const;
    for (const [persona, expected] of Object.entries(table)) {
      const actor = fresh[persona as keyof typeof table];
      expect({ persona, contracts: await shown(actor) }).toEqual({ persona, contracts: expected });
    }
    expect(await shown(fresh.otherPractice)).not.toContain(fresh.contractId);
    expect(await contractsOf(fresh.self)).toContain(draft.contractId);
  });
});
