/** The contracts table of a client's page, read in one query. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

import { qualified } from '#db/qualified';
import { clients, commissioners, contractParticipants, contracts } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { participantClient, visibleContracts } from './access.server';
import { progressColumns } from './progress.server';

// The names of the row's contract's participants, as one json array, in the same practice.
const participantNames = sql<string[]>`coalesce((
  select json_agg(${qualified(clients.name)} order by ${qualified(clients.name)})
  from ${contractParticipants} inner join ${clients} on ${participantClient}
  where ${and(
    eq(contractParticipants.contractId, contracts.id),
    eq(contractParticipants.practiceId, contracts.practiceId),
  )}), '[]')`.mapWith((value: unknown) =>
  typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[]),
);

/**
 * The contracts the client takes part in, as far as the actor may see them (the same rows as
 * `listContracts` with `clientId`), with participants and progress, newest first.
 */
export async function listClientContracts(
  { db }: DomainContext,
  actor: MemberActor,
  clientId: string,
) {
  const rows = await db
    .select({
      id: contracts.id,
      code: contracts.code,
      form: contracts.form,
      status: contracts.status,
      startsOn: contracts.startsOn,
      commissionerName: commissioners.name,
      participantNames,
      agreed: contracts.sessionsAgreed,
      ...progressColumns(),
    })
    .from(contracts)
    .innerJoin(commissioners, eq(commissioners.id, contracts.commissionerId))
    .where(
      and(
        visibleContracts(actor),
        inArray(
          contracts.id,
          db
            .select({ id: contractParticipants.contractId })
            .from(contractParticipants)
            .where(
              and(
                eq(contractParticipants.clientId, clientId),
                eq(contractParticipants.practiceId, actor.practiceId),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(contracts.startsOn), asc(contracts.code));
  return rows.map(({ agreed, used, upcoming, ...row }) => ({
    ...row,
    progress: { used, agreed, upcoming },
  }));
}
