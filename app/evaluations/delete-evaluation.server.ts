import { and, eq } from 'drizzle-orm';

import { evaluations } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { changeableEvaluations } from './access.server';
import { evaluationSubject } from './evaluations.server';

/** Deletes an evaluation with its scores, for the member who recorded it (./access.server). */
export async function deleteEvaluation(
  ctx: DomainContext,
  actor: MemberActor,
  contractId: string,
  evaluationId: string,
): Promise<void> {
  await evaluationSubject(ctx, actor, contractId);
  const { db } = ctx;
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
