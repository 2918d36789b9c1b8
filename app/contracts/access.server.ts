/**
 * Who may read and change contracts (docs/decisions/008). Each rule is written here once and
 * used by every query that needs it.
 */
import { and, eq, type SQL } from 'drizzle-orm';

import type { Db } from '#db/client';
import { clients, contractParticipants, contracts } from '#db/schema';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

/**
 * Read and change a contract's terms: the owner every contract of the practice (they
 * invoice all of them), a supervisor the contracts they supervise.
 */
export function visibleContracts(actor: MemberActor): SQL | undefined {
  return actor.role === 'owner'
    ? eq(contracts.practiceId, actor.practiceId)
    : supervisedContracts(actor);
}

/**
 * The contracts the actor supervises now: booking, the evaluation page, the themes
 * timeline. The owner has no extra right here; confidential text follows its author, not
 * this field (see the notes and evaluations access modules).
 */
export function supervisedContracts(actor: MemberActor): SQL | undefined {
  return and(eq(contracts.practiceId, actor.practiceId), eq(contracts.supervisorId, actor.userId));
}

/**
 * The report to the commissioner: the owner, who invoices and deals with the commissioner.
 * What it may contain is the contract's `commissioner_disclosure`.
 */
export function mayReportToCommissioner(actor: MemberActor): boolean {
  return actor.role === 'owner';
}

/** Joins a participant row to its client, in the same practice only. */
export const participantClient = and(
  eq(clients.id, contractParticipants.clientId),
  eq(clients.practiceId, contractParticipants.practiceId),
);

/**
 * The contract, when the actor supervises it in their current practice. Anyone else gets
 * not_found, so a guessed id does not even reveal that the contract exists.
 */
export async function loadSupervisedContract(db: Db, actor: MemberActor, contractId: string) {
  const [contract] = await db
    .select({ id: contracts.id, code: contracts.code, supervisorId: contracts.supervisorId })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), supervisedContracts(actor)));
  if (!contract) throw new AppError('not_found');
  return contract;
}

/** The contract row, locked for the rest of the transaction; not_found when not visible. */
export async function lockVisibleContract(tx: Db, actor: MemberActor, id: string) {
  const [row] = await tx
    .select({ status: contracts.status, supervisorId: contracts.supervisorId })
    .from(contracts)
    .where(and(eq(contracts.id, id), visibleContracts(actor)))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}
