import { and, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { evaluations } from '#db/schema';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { changeableEvaluations } from './access.server';
import { evaluationSubject } from './evaluations.server';

/** Deletes an evaluation with its scores, for the member who recorded it (./access.server). */
export async function deleteEvaluation(
  db: Db,
  actor: MemberActor,
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
        changeableEvaluations(actor),
      ),
    )
    .returning({ id: evaluations.id });
  if (deleted.length === 0) throw new AppError('not_found');
}
