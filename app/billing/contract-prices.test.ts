import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractPrices, contracts } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import type { ContractInput } from '~/contracts/schemas';
import { updateContract } from '~/contracts/update-contract.server';
import type { MemberActor } from '~/practices/actor';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The contract's current terms as the edit form would send them back. */
async function inputOf(contractId: string, clientId: string): Promise<ContractInput> {
  const [row] = await database.db.select().from(contracts).where(eq(contracts.id, contractId));
  if (!row) throw new Error('no contract');
  const terms: Omit<ContractInput, 'participants' | 'goals'> = {
    supervisorId: row.supervisorId,
    commissionerId: row.commissionerId,
    code: row.code,
    form: row.form,
    sessionsAgreed: row.sessionsAgreed,
    sessionMinutes: row.sessionMinutes,
    rhythmWeeks: row.rhythmWeeks,
    location: row.location,
    remoteLink: row.remoteLink,
    startsOn: row.startsOn,
    plannedEndOn: row.plannedEndOn,
    guidingQuestion: row.guidingQuestion,
    methods: row.methods,
    priceCents: row.priceCents,
    vatRateBasisPoints: row.vatRateBasisPoints,
    vatExemptReason: row.vatExemptReason,
    payer: row.payer,
    cancellationNoticeHours: row.cancellationNoticeHours,
    chargeLateCancellation: row.chargeLateCancellation,
    chargeNoShow: row.chargeNoShow,
    commissionerDisclosure: row.commissionerDisclosure,
    retentionMonths: row.retentionMonths,
  };
  return { ...terms, participants: [clientId], goals: [] };
}

const history = (contractId: string) =>
  database.db
    .select({
      priceCents: contractPrices.priceCents,
      vat: contractPrices.vatRateBasisPoints,
      reason: contractPrices.vatExemptReason,
      from: contractPrices.effectiveFrom,
    })
    .from(contractPrices)
    .where(eq(contractPrices.contractId, contractId))
    .orderBy(asc(contractPrices.effectiveFrom));

describe('a contract’s price history', () => {
  let owner: MemberActor;
  beforeAll(async () => {
    ({ owner } = await createPracticeWithOwner(database.db));
  });

  it('keeps the old terms from the contract’s start and the new ones from the change on', async () => {
    const { contractId, clientId } = await createContractFixture(database.db, owner);
    const [created] = await database.db
      .select({ at: contracts.createdAt })
      .from(contracts)
      .where(eq(contracts.id, contractId));
    const changedAt = new Date('2027-01-15T10:00:00Z');
    await updateContract(testContext(database.db, changedAt), owner, contractId, {
      ...(await inputOf(contractId, clientId)),
      priceCents: 18_000,
    });
    expect(await history(contractId)).toEqual([
      { priceCents: 15_000, vat: 2550, reason: null, from: created?.at },
      { priceCents: 18_000, vat: 2550, reason: null, from: changedAt },
    ]);

    // A move to exemption is a change of terms too; a later edit of other fields is not.
    const exemptAt = new Date('2027-03-01T08:00:00Z');
    const input = await inputOf(contractId, clientId);
    await updateContract(testContext(database.db, exemptAt), owner, contractId, {
      ...input,
      vatRateBasisPoints: null,
      vatExemptReason: 'AVL 34 §',
    });
    await updateContract(
      testContext(database.db, new Date('2027-04-01T08:00:00Z')),
      owner,
      contractId,
      {
        ...(await inputOf(contractId, clientId)),
        location: 'Kuopio',
      },
    );
    const rows = await history(contractId);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({ priceCents: 18_000, vat: null, reason: 'AVL 34 §', from: exemptAt });
  });

  it('writes nothing while the terms stay the same', async () => {
    const { contractId, clientId } = await createContractFixture(database.db, owner);
    await updateContract(testContext(database.db), owner, contractId, {
      ...(await inputOf(contractId, clientId)),
      methods: 'Dialoginen',
    });
    expect(await history(contractId)).toEqual([]);
  });
});
