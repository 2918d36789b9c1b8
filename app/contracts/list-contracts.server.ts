/** The contracts tables: the practice's, a supervisee's or a commissioner's. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import { clients, commissioners, contractParticipants, contracts } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { participantClient, visibleContracts } from './access.server';
import { contractProgress } from './progress.server';
import type { ContractStatusFilter } from './schemas';

export interface ContractListFilter {
  status: ContractStatusFilter;
  /** Only contracts this supervisee takes part in (the client page). */
  clientId?: string;
  /** Only contracts this commissioner orders (the commissioner page). */
  commissionerId?: string;
}

export async function listContracts(
  { db }: DomainContext,
  actor: MemberActor,
  filter: ContractListFilter = { status: 'all' },
) {
  const rows = await db
    .select({
      id: contracts.id,
      code: contracts.code,
      form: contracts.form,
      status: contracts.status,
      startsOn: contracts.startsOn,
      commissionerName: commissioners.name,
    })
    .from(contracts)
    .innerJoin(commissioners, eq(commissioners.id, contracts.commissionerId))
    .where(
      and(
        visibleContracts(actor),
        filter.status === 'all' ? undefined : eq(contracts.status, filter.status),
        filter.commissionerId ? eq(contracts.commissionerId, filter.commissionerId) : undefined,
        filter.clientId
          ? inArray(
              contracts.id,
              db
                .select({ id: contractParticipants.contractId })
                .from(contractParticipants)
                .where(
                  and(
                    eq(contractParticipants.clientId, filter.clientId),
                    eq(contractParticipants.practiceId, actor.practiceId),
                  ),
                ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(contracts.startsOn), asc(contracts.code));
  const ids = rows.map((row) => row.id);
  const [names, progress] = await Promise.all([
    participantNames(db, actor, ids),
    contractProgress(db, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    participantNames: names.get(row.id) ?? [],
    progress: progress.get(row.id) ?? { used: 0, agreed: 0, upcoming: 0 },
  }));
}

async function participantNames(db: Db, actor: MemberActor, contractIds: string[]) {
  const result = new Map<string, string[]>();
  if (contractIds.length === 0) return result;
  const rows = await db
    .select({ contractId: contractParticipants.contractId, name: clients.name })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .where(
      and(
        eq(contractParticipants.practiceId, actor.practiceId),
        inArray(contractParticipants.contractId, contractIds),
      ),
    )
    .orderBy(asc(clients.name));
  for (const { contractId, name } of rows) {
    const list = result.get(contractId) ?? [];
    list.push(name);
    result.set(contractId, list);
  }
  return result;
}
