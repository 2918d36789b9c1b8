import { and, eq, or } from 'drizzle-orm';

import type { Db } from '#db/client';
import { evaluations } from '#db/schema';
import { AppError } from '~/errors';
import type { Actor } from '~/practices/actor';

import { evaluationSubject } from './evaluations.server';

/**
 * Deletes an evaluation with its scores. The supervisor's own view can be deleted only by
 * the supervisor who gave it; a supervisee's view, which the contract's supervisor records
 * for them, by the contract's supervisor.
 */
export async function deleteEvaluation(
  db: Db,
  actor: Actor,
  contractId: string,
  evaluationId: string,
): Promise<void> {
  await evaluationSubject(db, actor, contractId);
  const deleted = await db
    .delete(evaluations)
    .where(
      and(
        eq(evaluations.id, evaluationId),
        eq(evaluations.contractId, contractId),
        eq(evaluations.practiceId, actor.practiceId),
        or(eq(evaluations.respondent, 'supervisee'), eq(evaluations.respondentUserId, actor.userId)),
      ),
    )
    .returning({ id: evaluations.id });
  if (deleted.length === 0) throw new AppError('not_found');
}
