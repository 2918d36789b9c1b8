import { contracts } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import {
  assertCodeFree,
  contractColumns,
  withCodeGuard,
  writeParticipants,
} from './contract-writes.server';
import { syncGoals } from './goals.server';
import { assertReferences } from './references.server';
import type { ContractInput } from './schemas';

/** A new contract, as a draft, with its participants and goals. */
export async function createContract(
  { db }: DomainContext,
  actor: MemberActor,
  input: ContractInput,
): Promise<string> {
  return withCodeGuard(() =>
    db.transaction(async (tx) => {
      await assertReferences(tx, actor, input);
      await assertCodeFree(tx, actor, input.code);
      const [row] = await tx
        .insert(contracts)
        .values({ ...contractColumns(input), practiceId: actor.practiceId, status: 'draft' })
        .returning({ id: contracts.id });
      if (!row) throw new Error('insert returned no row');
      await writeParticipants(tx, actor, row.id, input);
      await syncGoals(tx, actor, row.id, input);
      return row.id;
    }),
  );
}
