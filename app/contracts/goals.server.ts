import { and, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contractGoals } from '#db/schema';
import type { MemberActor } from '~/practices/actor';

import type { ContractInput } from './schemas';

/**
 * Saves the form's goals without losing their identity: evaluation scores point at goal
 * rows, so a row the form sent back with its id is updated in place, a row without a known
 * id is a new goal, and only goals missing from the form are deleted (their scores go with
 * them, as the form's hint says: a score of a goal the contract no longer has means nothing).
 */
export async function syncGoals(
  tx: Db,
  actor: MemberActor,
  contractId: string,
  input: ContractInput,
) {
  const existing = await tx
    .select({ id: contractGoals.id })
    .from(contractGoals)
    .where(
      and(eq(contractGoals.contractId, contractId), eq(contractGoals.practiceId, actor.practiceId)),
    );
  const unclaimed = new Set(existing.map((goal) => goal.id));
  const inserts: (typeof contractGoals.$inferInsert)[] = [];
  for (const [index, goal] of input.goals.entries()) {
    const fields = { position: index + 1, text: goal.text, theme: goal.theme };
    if (goal.id !== null && unclaimed.delete(goal.id)) {
      await tx
        .update(contractGoals)
        .set(fields)
        .where(and(eq(contractGoals.id, goal.id), eq(contractGoals.practiceId, actor.practiceId)));
    } else {
      inserts.push({ ...fields, contractId, practiceId: actor.practiceId });
    }
  }
  if (unclaimed.size > 0)
    await tx
      .delete(contractGoals)
      .where(
        and(
          eq(contractGoals.contractId, contractId),
          eq(contractGoals.practiceId, actor.practiceId),
          inArray(contractGoals.id, [...unclaimed]),
        ),
      );
  if (inserts.length > 0) await tx.insert(contractGoals).values(inserts);
}
