import { and, eq } from 'drizzle-orm';

import { contractParticipants, contracts, supervisionSessions } from '#db/schema';
import { recordPriceChange } from '~/billing/contract-prices.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { mailContractChange, termsInCalendars } from '~/session-mail/contract-change-mail.server';

import { lockVisibleContract } from './access.server';
import {
  assertCodeFree,
  contractColumns,
  withCodeGuard,
  writeParticipants,
} from './contract-writes.server';
import { syncGoals } from './goals.server';
import { assertReferences } from './references.server';
import type { ContractInput } from './schemas';

/** Draft and active contracts can be edited; an ended one is a closed record. */
export async function updateContract(
  { db, now }: DomainContext,
  actor: MemberActor,
  id: string,
  input: ContractInput,
): Promise<void> {
  await withCodeGuard(() =>
    db.transaction(async (tx) => {
      const current = await lockVisibleContract(tx, actor, id);
      const before = await termsInCalendars(tx, actor, id);
      if (current.status === 'ended') throw new AppError('conflict', 'contracts.notEditable');
      await assertReferences(tx, actor, input, id);
      await assertCodeFree(tx, actor, input.code, id);
      if (input.supervisorId !== current.supervisorId) {
        // Sessions carry their supervisor (calendar, double booking, note authorship).
        const [session] = await tx
          .select({ id: supervisionSessions.id })
          .from(supervisionSessions)
          .where(
            and(
              eq(supervisionSessions.contractId, id),
              eq(supervisionSessions.practiceId, actor.practiceId),
            ),
          )
          .limit(1);
        if (session) throw new AppError('conflict', 'contracts.supervisorLocked');
      }
      // The old terms stay in force for the sessions already held (invoicing reads them).
      await recordPriceChange(tx, actor.practiceId, id, input, now);
      await tx
        .update(contracts)
        .set(contractColumns(input))
        .where(and(eq(contracts.id, id), eq(contracts.practiceId, actor.practiceId)));
      await tx
        .delete(contractParticipants)
        .where(
          and(
            eq(contractParticipants.contractId, id),
            eq(contractParticipants.practiceId, actor.practiceId),
          ),
        );
      await writeParticipants(tx, actor, id, input);
      await syncGoals(tx, actor, id, input);
      await mailContractChange(tx, actor, id, { before, after: input, now });
    }),
  );
}
