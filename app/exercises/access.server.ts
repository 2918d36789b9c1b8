/**
 * Who may do what with the practice's exercises and the answers to them (docs/decisions/008,
 * 010). The toolkit is teaching material: every member reads it, the owner keeps it. An
 * answer is the supervisee's own text: its writer reads and changes it; the contract's
 * supervisor reads it only once it is submitted and shared; nobody else ever, the owner and
 * the other participants of a group included.
 */
import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';

import { contracts, exerciseAssignments } from '#db/schema';
import type { ContractStatus } from '#db/schema/values';
import { participatedContracts } from '~/portal/access.server';
import type { Actor, MemberActor, SuperviseeActor } from '~/practices/actor';

/** Adding, editing and archiving the practice's exercises: its owner. */
export function mayEditToolkit(actor: Actor): boolean {
  return actor.kind === 'member' && actor.role === 'owner';
}

/**
 * Giving an exercise to a participant: the contract's own supervisor (the owner too, but only
 * on contracts they supervise), while the contract has not ended.
 */
export function mayAssignExercise(
  actor: Actor,
  facts: { contractSupervisorId: string; contractStatus: ContractStatus },
): boolean {
  return (
    actor.kind === 'member' &&
    facts.contractSupervisorId === actor.userId &&
    facts.contractStatus !== 'ended'
  );
}

/**
 * The supervisee's own assignments, as a condition on `exercise_assignments`: given to one of
 * their client rows, on a contract they take part in. A group-mate's assignment on the same
 * contract is not theirs.
 */
export function ownAssignments(actor: SuperviseeActor): SQL | undefined {
  return and(
    eq(exerciseAssignments.practiceId, actor.practiceId),
    inArray(exerciseAssignments.clientId, [...actor.clientIds]),
    inArray(
      exerciseAssignments.contractId,
      // Re-checked through the contract rule, so a stale assignment row cannot widen it.
      selectParticipatedContractIds(actor),
    ),
  );
}

function selectParticipatedContractIds(actor: SuperviseeActor) {
  // A subquery on contracts filtered by the portal's one contract rule.
  return new QueryBuilder()
    .select({ id: contracts.id })
    .from(contracts)
    .where(participatedContracts(actor));
}

/**
 * The assignments of the contracts the member supervises now, as a condition (the contract
 * page lists them). The answers among them are filtered again by mayReadAnswer.
 */
export function supervisedAssignments(actor: MemberActor): SQL | undefined {
  return and(
    eq(exerciseAssignments.practiceId, actor.practiceId),
    inArray(
      exerciseAssignments.contractId,
      new QueryBuilder()
        .select({ id: contracts.id })
        .from(contracts)
        .where(
          and(eq(contracts.practiceId, actor.practiceId), eq(contracts.supervisorId, actor.userId)),
        ),
    ),
  );
}

/** Shared answers only, for the supervisor's reading (a condition beside supervisedAssignments). */
export const sharedAnswers = and(
  isNotNull(exerciseAssignments.submittedAt),
  isNotNull(exerciseAssignments.sharedAt),
);

/** Whether the actor may read the answer of an assignment. */
export function mayReadAnswer(
  actor: Actor,
  facts: {
    clientId: string;
    contractSupervisorId: string;
    submitted: boolean;
    shared: boolean;
  },
): boolean {
  if (actor.kind === 'supervisee') return actor.clientIds.includes(facts.clientId);
  return facts.contractSupervisorId === actor.userId && facts.submitted && facts.shared;
}

/** Whether the actor may write or change the answer: its supervisee alone. */
export function mayAnswer(actor: Actor, facts: { clientId: string }): boolean {
  return actor.kind === 'supervisee' && actor.clientIds.includes(facts.clientId);
}
