import { afterAll, beforeAll, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractParticipants } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { listContracts } from '~/contracts/list-contracts.server';
import { listClientSessions } from '~/sessions/queries.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

it("a client's page lists their contracts and sessions as far as the actor may see them", async () => {
  const { owner } = await createPracticeWithOwner(db());
  const anna = await addMember(db(), owner.practiceId, 'supervisor');
  const bert = await addMember(db(), owner.practiceId, 'supervisor');
  const first = await createContractFixture(db(), anna);
  const second = await createContractFixture(db(), bert);
  // The same supervisee in Bert's contract too.
  await db().insert(contractParticipants).values({
    contractId: second.contractId,
    clientId: first.clientId,
    practiceId: owner.practiceId,
  });
  const base = { practiceId: owner.practiceId };
  await insertSession(db(), {
    ...base,
    contractId: first.contractId,
    supervisorId: anna.userId,
    startsAt: new Date('2026-11-01T08:00:00Z'),
  });
  await insertSession(db(), {
    ...base,
    contractId: second.contractId,
    supervisorId: bert.userId,
    startsAt: new Date('2026-11-02T08:00:00Z'),
  });

  const seenBy = async (actor: typeof owner) => ({
    contracts: (
      await listContracts(testContext(db()), actor, { status: 'all', clientId: first.clientId })
    )
      .map((c) => c.id)
      .sort(),
    sessions: (await listClientSessions(testContext(db()), actor, first.clientId)).map(
      (s) => s.contractId,
    ),
  });
  expect(await seenBy(owner)).toEqual({
    contracts: [first.contractId, second.contractId].sort(),
    sessions: [second.contractId, first.contractId],
  });
  expect(await seenBy(anna)).toEqual({
    contracts: [first.contractId],
    sessions: [first.contractId],
  });
  expect(await seenBy(bert)).toEqual({
    contracts: [second.contractId],
    sessions: [second.contractId],
  });
});
