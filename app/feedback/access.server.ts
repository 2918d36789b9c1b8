/**
 * Who reaches a feedback round (docs/decisions/010). A round is personal: only the
 * supervisee who created it manages it — never another participant of the same group, never
 * staff. Its results reach a supervisor only when the supervisee has shared them, and only
 * the supervisors of that supervisee's contracts; the owner has no right of their own.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';

import { feedbackRounds } from '#db/schema';
import type { Actor, SuperviseeActor } from '~/practices/actor';

/** The actor's own rounds (a condition on `feedback_rounds`). */
export function ownRounds(actor: SuperviseeActor): SQL | undefined {
  return and(
    eq(feedbackRounds.practiceId, actor.practiceId),
    eq(feedbackRounds.createdBy, actor.userId),
    inArray(feedbackRounds.clientId, [...actor.clientIds]),
  );
}

/** Whether the actor may manage a round and read its results in the portal. */
export function mayManageRound(
  actor: Actor,
  round: { practiceId: string; createdBy: string; clientId: string },
): boolean {
  return (
    actor.kind === 'supervisee' &&
    actor.practiceId === round.practiceId &&
    actor.userId === round.createdBy &&
    actor.clientIds.includes(round.clientId)
  );
}

/**
 * Whether a member may read a round's results: the supervisee shared them, and the member
 * supervises one of the supervisee's contracts. Being the owner gives nothing by itself.
 */
export function mayReadSharedResults(
  actor: Actor,
  facts: {
    practiceId: string;
    sharedWithSupervisorAt: Date | null;
    contractSupervisorIds: readonly string[];
  },
): boolean {
  return (
    actor.kind === 'member' &&
    actor.practiceId === facts.practiceId &&
    facts.sharedWithSupervisorAt !== null &&
    facts.contractSupervisorIds.includes(actor.userId)
  );
}
