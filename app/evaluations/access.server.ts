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

/**
 * What the comment rules look at. `recordedInPortal`: the supervisee answered in the portal
 * themself, so `recordedBy` is their own user and the comment is theirs.
 */
export interface CommentFacts {
  recordedBy: string;
  respondentClientId: string | null;
  recordedInPortal: boolean;
  contractSupervisorId: string;
}

/**
 * Whether the actor may read an evaluation's comment: the member who recorded it; the
 * supervisee whose answer it is; and, for an answer the supervisee gave in the portal, the
 * contract's supervisor, with whom the portal shares it. The owner as such never.
 */
export function mayReadComment(actor: Actor, facts: CommentFacts): boolean {
  if (actor.kind === 'member') {
    if (facts.recordedInPortal) return facts.contractSupervisorId === actor.userId;
    return facts.recordedBy === actor.userId;
  }
  // A supervisee reads their own answer (also one recorded for them), never the supervisor's.
  return facts.respondentClientId !== null && actor.clientIds.includes(facts.respondentClientId);
}

/**
 * Whether the actor may edit or delete an evaluation: only whoever recorded it, so nobody can
 * overwrite or remove an answer whose comment they could not read, nor put words in a
 * supervisee's mouth. A supervisee changes only what they answered in the portal.
 */
export function mayChangeEvaluation(
  actor: Actor,
  facts: { recordedBy: string; recordedInPortal: boolean },
): boolean {
  if (facts.recordedBy !== actor.userId) return false;
  return actor.kind === 'supervisee' ? facts.recordedInPortal : !facts.recordedInPortal;
}

/** The evaluations the actor may edit or delete (see mayChangeEvaluation), as a filter. */
export function changeableEvaluations(actor: MemberActor) {
  return and(
    eq(evaluations.practiceId, actor.practiceId),
    eq(evaluations.recordedBy, actor.userId),
    eq(evaluations.recordedInPortal, false),
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
    supervisorId: contract.supervisorId,
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
