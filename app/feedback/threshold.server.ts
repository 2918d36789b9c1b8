/**
 * How many answers a round needs before anyone sees its results: three, or more if the
 * practice has raised it. Never fewer than three, whatever is stored.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { practiceFeedbackSettings } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { assertRole, type MemberActor } from '~/practices/actor';

import { MAX_ANSWERS_SETTING, MIN_ANSWERS_FLOOR } from './starter-questions';

export async function minAnswersFor(db: Db, practiceId: string): Promise<number> {
  const [row] = await db
    .select({ minAnswers: practiceFeedbackSettings.minAnswers })
    .from(practiceFeedbackSettings)
    .where(eq(practiceFeedbackSettings.practiceId, practiceId));
  return Math.max(MIN_ANSWERS_FLOOR, row?.minAnswers ?? MIN_ANSWERS_FLOOR);
}

/** The owner sets the practice's threshold (3–20). */
export async function setMinAnswers(
  { db }: DomainContext,
  actor: MemberActor,
  minAnswers: number,
): Promise<void> {
  assertRole(actor, 'owner');
  const value = Math.min(MAX_ANSWERS_SETTING, Math.max(MIN_ANSWERS_FLOOR, Math.trunc(minAnswers)));
  await db
    .insert(practiceFeedbackSettings)
    .values({ practiceId: actor.practiceId, minAnswers: value })
    .onConflictDoUpdate({
      target: practiceFeedbackSettings.practiceId,
      set: { minAnswers: value },
    });
}
