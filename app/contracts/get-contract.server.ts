import { and, asc, eq, sql } from 'drizzle-orm';

import { qualified } from '#db/qualified';
import {
  clients,
  commissioners,
  contractGoals,
  contractParticipants,
  contracts,
  users,
} from '#db/schema';
import type { Theme } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { participantClient, visibleContracts } from './access.server';
import { progressColumns } from './progress.server';

/** A json aggregate as rows: postgres.js parses json itself, PGlite may hand over the text. */
const jsonRows =
  <T>() =>
  (value: unknown): T[] =>
    (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[];

// The parties and goals of the row's contract, each as one json array, so that the page reads
// the contract in one statement. Both stay in the contract's practice.
const participantsOfContract = sql`coalesce((
  select json_agg(json_build_object('id', ${qualified(clients.id)}, 'name', ${qualified(clients.name)})
    order by ${qualified(clients.name)})
  from ${contractParticipants} inner join ${clients} on ${participantClient}
  where ${and(
    eq(contractParticipants.contractId, contracts.id),
    eq(contractParticipants.practiceId, contracts.practiceId),
  )}), '[]')`.mapWith(jsonRows<{ id: string; name: string }>());

const goalsOfContract = sql`coalesce((
  select json_agg(json_build_object(
      'id', ${qualified(contractGoals.id)},
      'text', ${qualified(contractGoals.text)},
      'theme', ${qualified(contractGoals.theme)})
    order by ${asc(contractGoals.position)})
  from ${contractGoals}
  where ${and(
    eq(contractGoals.contractId, contracts.id),
    eq(contractGoals.practiceId, contracts.practiceId),
  )}), '[]')`.mapWith(jsonRows<{ id: string; text: string; theme: Theme | null }>());

/**
 * One contract with its parties, goals and progress, in one query; not_found when the actor
 * may not see it.
 */
export async function getContract({ db }: DomainContext, actor: MemberActor, id: string) {
  const [row] = await db
    .select({
      contract: contracts,
      commissioner: { id: commissioners.id, name: commissioners.name },
      supervisor: { id: users.id, name: users.name },
      participants: participantsOfContract,
      goals: goalsOfContract,
      ...progressColumns(),
    })
    .from(contracts)
    .innerJoin(commissioners, eq(commissioners.id, contracts.commissionerId))
    .innerJoin(users, eq(users.id, contracts.supervisorId))
    .where(and(eq(contracts.id, id), visibleContracts(actor)));
  if (!row) throw new AppError('not_found');
  return {
    ...row.contract,
    commissioner: row.commissioner,
    supervisor: row.supervisor,
    participants: row.participants,
    goals: row.goals,
    progress: { used: row.used, agreed: row.contract.sessionsAgreed, upcoming: row.upcoming },
  };
}

export type ContractDetail = Awaited<ReturnType<typeof getContract>>;
