/** Exercises given to participants, as the contract's supervisor sees and gives them. */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';

import {
  clients,
  contractParticipants,
  contracts,
  exerciseAssignments,
  exercises,
} from '#db/schema';
import { participantClient } from '~/contracts/access.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';

import { mayAssignExercise, mayReadAnswer, supervisedAssignments } from './access.server';
import { answerContext } from './answer-sealing.server';

export interface AssignInput {
  exerciseId: string;
  clientId: string;
  /** yyyy-mm-dd in Helsinki, or null for no due date. */
  dueOn: string | null;
}

/**
 * Gives one of the practice's exercises to a participant of a contract the actor supervises.
 * Anyone who does not supervise the contract gets not_found; an ended contract, an archived
 * exercise or a client who is not a participant is refused as invalid.
 */
export async function assignExercise(
  { db }: DomainContext,
  actor: MemberActor,
  contractId: string,
  input: AssignInput,
): Promise<string> {
  const [contract] = await db
    .select({ supervisorId: contracts.supervisorId, status: contracts.status })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.practiceId, actor.practiceId)));
  if (!contract || contract.supervisorId !== actor.userId) throw new AppError('not_found');
  if (
    !mayAssignExercise(actor, {
      contractSupervisorId: contract.supervisorId,
      contractStatus: contract.status,
    })
  ) {
    throw new AppError('conflict', 'exercises.contractEnded');
  }
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(
      and(
        eq(exercises.id, input.exerciseId),
        eq(exercises.practiceId, actor.practiceId),
        isNull(exercises.archivedAt),
      ),
    );
  const [participant] = await db
    .select({ clientId: contractParticipants.clientId })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.contractId, contractId),
        eq(contractParticipants.clientId, input.clientId),
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    );
  if (!exercise || !participant) throw new AppError('invalid');
  const [row] = await db
    .insert(exerciseAssignments)
    .values({
      practiceId: actor.practiceId,
      exerciseId: exercise.id,
      contractId,
      clientId: participant.clientId,
      assignedBy: actor.userId,
      dueOn: input.dueOn,
    })
    .returning({ id: exerciseAssignments.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export interface ContractAssignmentView {
  id: string;
  titleFi: string;
  titleEn: string;
  participantName: string;
  dueOn: string | null;
  /** The answer when the supervisee has submitted and shared it; otherwise null. */
  sharedAnswer: string | null;
  sharedAt: Date | null;
}

/**
 * The contract's assignments for its supervisor, newest first, with the answers the
 * supervisees shared. Whether an unshared answer exists, or a draft, is not told: it is the
 * supervisee's own business until they share it.
 */
export async function listContractAssignments(
  { db, keyring }: DomainContext,
  actor: MemberActor,
  contractId: string,
): Promise<ContractAssignmentView[]> {
  const rows = await db
    .select({
      id: exerciseAssignments.id,
      clientId: exerciseAssignments.clientId,
      titleFi: exercises.titleFi,
      titleEn: exercises.titleEn,
      participantName: clients.name,
      dueOn: exerciseAssignments.dueOn,
      answerEncrypted: exerciseAssignments.answerEncrypted,
      submittedAt: exerciseAssignments.submittedAt,
      sharedAt: exerciseAssignments.sharedAt,
      supervisorId: contracts.supervisorId,
    })
    .from(exerciseAssignments)
    .innerJoin(
      contracts,
      and(
        eq(contracts.id, exerciseAssignments.contractId),
        eq(contracts.practiceId, exerciseAssignments.practiceId),
      ),
    )
    .innerJoin(
      exercises,
      and(
        eq(exercises.id, exerciseAssignments.exerciseId),
        eq(exercises.practiceId, exerciseAssignments.practiceId),
      ),
    )
    .innerJoin(
      contractParticipants,
      and(
        eq(contractParticipants.contractId, exerciseAssignments.contractId),
        eq(contractParticipants.clientId, exerciseAssignments.clientId),
        eq(contractParticipants.practiceId, exerciseAssignments.practiceId),
      ),
    )
    .innerJoin(clients, participantClient)
    .where(and(eq(exerciseAssignments.contractId, contractId), supervisedAssignments(actor)))
    .orderBy(desc(exerciseAssignments.createdAt), asc(exerciseAssignments.id));
  return rows.map((row) => {
    const readable = mayReadAnswer(actor, {
      clientId: row.clientId,
      contractSupervisorId: row.supervisorId,
      submitted: row.submittedAt !== null,
      shared: row.sharedAt !== null,
    });
    return {
      id: row.id,
      titleFi: row.titleFi,
      titleEn: row.titleEn,
      participantName: row.participantName,
      dueOn: row.dueOn,
      sharedAnswer:
        readable && row.answerEncrypted
          ? decryptText(keyring, row.answerEncrypted, answerContext(row.id))
          : null,
      sharedAt: readable ? row.sharedAt : null,
    };
  });
}
