/**
 * The people and organisations a contract points to: who may be chosen in the contract form,
 * and the check that what was submitted really is one of them.
 */
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  clients,
  commissioners,
  contractParticipants,
  contracts,
  memberships,
  users,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import type { ContractInput } from './schemas';

/**
 * Archived clients and commissioners cannot be chosen anew, but a contract that already has
 * one keeps it when edited. These conditions let the edited contract's own ones through.
 */
function alreadyOnContract(db: Db, actor: MemberActor, contractId: string | undefined) {
  if (!contractId) return { client: undefined, commissioner: undefined };
  const client: SQL = inArray(
    clients.id,
    db
      .select({ id: contractParticipants.clientId })
      .from(contractParticipants)
      .where(
        and(
          eq(contractParticipants.contractId, contractId),
          eq(contractParticipants.practiceId, actor.practiceId),
        ),
      ),
  );
  const commissioner: SQL = inArray(
    commissioners.id,
    db
      .select({ id: contracts.commissionerId })
      .from(contracts)
      .where(and(eq(contracts.id, contractId), eq(contracts.practiceId, actor.practiceId))),
  );
  return { client, commissioner };
}

/** The choices of the contract form: supervisors, commissioners and supervisees. */
export async function contractFormOptions(
  { db }: DomainContext,
  actor: MemberActor,
  contractId?: string,
) {
  const own = alreadyOnContract(db, actor, contractId);
  const [supervisors, commissionerRows, clientRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.practiceId, actor.practiceId),
          // A supervisor makes contracts only for themself.
          actor.role === 'owner' ? undefined : eq(memberships.userId, actor.userId),
        ),
      )
      .orderBy(asc(users.name)),
    db
      .select({ id: commissioners.id, name: commissioners.name })
      .from(commissioners)
      .where(
        and(
          eq(commissioners.practiceId, actor.practiceId),
          or(isNull(commissioners.archivedAt), own.commissioner),
        ),
      )
      .orderBy(asc(commissioners.name)),
    db
      .select({ id: clients.id, name: clients.name, organisation: clients.organisation })
      .from(clients)
      .where(
        and(eq(clients.practiceId, actor.practiceId), or(isNull(clients.archivedAt), own.client)),
      )
      .orderBy(asc(clients.name)),
  ]);
  return { supervisors, commissioners: commissionerRows, clients: clientRows };
}

export type ContractFormOptions = Awaited<ReturnType<typeof contractFormOptions>>;

/**
 * Refuses a supervisor, commissioner or supervisee that the actor could not have chosen:
 * another practice's, an archived one, or — for a supervisor — another supervisor.
 */
export async function assertReferences(
  db: Db,
  actor: MemberActor,
  input: Pick<ContractInput, 'supervisorId' | 'commissionerId' | 'participants'>,
  contractId?: string,
): Promise<void> {
  if (actor.role !== 'owner' && input.supervisorId !== actor.userId)
    throw new AppError('forbidden', 'contracts.supervisorNotAllowed');
  const own = alreadyOnContract(db, actor, contractId);
  const wanted = [...new Set(input.participants)];
  // One after the other: this runs inside the caller's transaction.
  const member = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.practiceId, actor.practiceId), eq(memberships.userId, input.supervisorId)),
    );
  const commissioner = await db
    .select({ id: commissioners.id })
    .from(commissioners)
    .where(
      and(
        eq(commissioners.id, input.commissionerId),
        eq(commissioners.practiceId, actor.practiceId),
        or(isNull(commissioners.archivedAt), own.commissioner),
      ),
    );
  const found =
    wanted.length === 0
      ? []
      : await db
          .select({ id: clients.id })
          .from(clients)
          .where(
            and(
              inArray(clients.id, wanted),
              eq(clients.practiceId, actor.practiceId),
              or(isNull(clients.archivedAt), own.client),
            ),
          );
  if (member.length === 0) throw new AppError('invalid', 'contracts.supervisorUnknown');
  if (commissioner.length === 0) throw new AppError('invalid', 'contracts.commissionerUnknown');
  if (found.length !== wanted.length) throw new AppError('invalid', 'contracts.participantUnknown');
}
