/**
 * Who may see and record evaluations (docs/decisions/008). Scores are the contract's
 * working data and follow its supervisor; a comment is confidential text and stays with
 * the member who recorded it, wherever the contract goes later.
 */
import { and, eq, exists, or } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contracts, evaluations } from '#db/schema';
import { supervisedContracts } from '~/contracts/access.server';
import { AppError } from '~/errors';
import type { Actor, MemberActor } from '~/practices/actor';

/** Whether the actor may read an evaluation's comment. */
export function mayReadComment(
  actor: Actor,
  facts: { recordedBy: string; respondentClientId: string | null },
): boolean {
  if (actor.kind === 'member') return facts.recordedBy === actor.userId;
  // In the portal a supervisee will read their own answer, never the supervisor's.
  return facts.respondentClientId !== null && actor.clientIds.includes(facts.respondentClientId);
}

/**
 * Whether the actor may edit or delete an evaluation: only the member who recorded it, so
 * nobody can overwrite or remove an answer whose comment they could not read.
 */
export function mayChangeEvaluation(actor: Actor, facts: { recordedBy: string }): boolean {
  return actor.kind === 'member' && facts.recordedBy === actor.userId;
}

/** The evaluations the actor may edit or delete (see mayChangeEvaluation), as a filter. */
export function changeableEvaluations(actor: MemberActor) {
  return and(
    eq(evaluations.practiceId, actor.practiceId),
    eq(evaluations.recordedBy, actor.userId),
  );
}

/**
 * The contract's evaluation page: its supervisor sees every evaluation (and records new
 * ones); a member who recorded evaluations on it earlier still sees theirs. Anyone else,
 * the owner included, gets not_found.
 */
export async function loadEvaluationContract(db: Db, actor: MemberActor, contractId: string) {
  const recordedHere = db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.contractId, contracts.id),
        eq(evaluations.practiceId, actor.practiceId),
        eq(evaluations.recordedBy, actor.userId),
      ),
    );
  const [contract] = await db
    .select({ id: contracts.id, code: contracts.code, supervisorId: contracts.supervisorId })
    .from(contracts)
    .where(
      and(
        eq(contracts.id, contractId),
        eq(contracts.practiceId, actor.practiceId),
        or(supervisedContracts(actor), exists(recordedHere)),
      ),
    );
  if (!contract) throw new AppError('not_found');
  return {
    id: contract.id,
    code: contract.code,
    supervises: contract.supervisorId === actor.userId,
  };
}

/** The evaluations of the contract the actor may list (see loadEvaluationContract). */
export function listableEvaluations(
  actor: MemberActor,
  contract: { id: string; supervises: boolean },
) {
  return and(
    eq(evaluations.contractId, contract.id),
    eq(evaluations.practiceId, actor.practiceId),
    contract.supervises ? undefined : eq(evaluations.recordedBy, actor.userId),
  );
}
