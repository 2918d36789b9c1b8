import { and, asc, eq } from 'drizzle-orm';

import {
  clients,
  commissioners,
  contractGoals,
  contractParticipants,
  contracts,
  users,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { participantClient, visibleContracts } from './access.server';
import { contractProgress } from './progress.server';

/** One contract with its parties, goals and progress; not_found when the actor may not see it. */
export async function getContract({ db }: DomainContext, actor: MemberActor, id: string) {
  const [row] = await db
    .select({
      contract: contracts,
      commissioner: { id: commissioners.id, name: commissioners.name },
      supervisor: { id: users.id, name: users.name },
    })
    .from(contracts)
    .innerJoin(commissioners, eq(commissioners.id, contracts.commissionerId))
    .innerJoin(users, eq(users.id, contracts.supervisorId))
    .where(and(eq(contracts.id, id), visibleContracts(actor)));
  if (!row) throw new AppError('not_found');
  const [participants, goals, progress] = await Promise.all([
    db
      .select({ id: clients.id, name: clients.name })
      .from(contractParticipants)
      .innerJoin(clients, participantClient)
      .where(
        and(
          eq(contractParticipants.contractId, id),
          eq(contractParticipants.practiceId, actor.practiceId),
        ),
      )
      .orderBy(asc(clients.name)),
    db
      .select({ id: contractGoals.id, text: contractGoals.text, theme: contractGoals.theme })
      .from(contractGoals)
      .where(and(eq(contractGoals.contractId, id), eq(contractGoals.practiceId, actor.practiceId)))
      .orderBy(asc(contractGoals.position)),
    contractProgress(db, [id]),
  ]);
  return {
    ...row.contract,
    commissioner: row.commissioner,
    supervisor: row.supervisor,
    participants,
    goals,
    progress: progress.get(id) ?? { used: 0, agreed: row.contract.sessionsAgreed, upcoming: 0 },
  };
}

export type ContractDetail = Awaited<ReturnType<typeof getContract>>;
