/** Exercises in the portal: the supervisee's own assignments and their answers. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';

import { contracts, exerciseAssignments, exercises } from '#db/schema';
import type { Theme } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';

import { mayAnswer, mayReadAnswer, ownAssignments } from './access.server';
import { answerContext } from './answer-sealing.server';

export type AssignmentState = 'new' | 'draft' | 'submitted';

function stateOf(row: { answerEncrypted: string | null; submittedAt: Date | null }) {
  if (row.submittedAt) return 'submitted' as const;
  return row.answerEncrypted ? ('draft' as const) : ('new' as const);
}

const listColumns = {
  id: exerciseAssignments.id,
  clientId: exerciseAssignments.clientId,
  contractCode: contracts.code,
  supervisorId: contracts.supervisorId,
  theme: exercises.theme,
  titleFi: exercises.titleFi,
  titleEn: exercises.titleEn,
  instructionsFi: exercises.instructionsFi,
  instructionsEn: exercises.instructionsEn,
  dueOn: exerciseAssignments.dueOn,
  assignedAt: exerciseAssignments.createdAt,
  answerEncrypted: exerciseAssignments.answerEncrypted,
  submittedAt: exerciseAssignments.submittedAt,
  sharedAt: exerciseAssignments.sharedAt,
};

function ownAssignmentRows(ctx: DomainContext) {
  return ctx.db
    .select(listColumns)
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
    );
}

/** Open ones first by due date, then the submitted ones. */
const pageOrder = [
  sql`${exerciseAssignments.submittedAt} is not null`,
  sql`${exerciseAssignments.dueOn} asc nulls last`,
  desc(exerciseAssignments.createdAt),
  asc(exerciseAssignments.id),
];

export interface MyAssignmentSummary {
  id: string;
  contractCode: string;
  theme: Theme | null;
  titleFi: string;
  titleEn: string;
  dueOn: string | null;
  assignedAt: Date;
  state: AssignmentState;
  shared: boolean;
}

/** The supervisee's assignments: open ones first by due date, then the submitted ones. */
export async function listMyAssignments(
  ctx: DomainContext,
  actor: SuperviseeActor,
): Promise<MyAssignmentSummary[]> {
  const rows = await ownAssignmentRows(ctx)
    .where(ownAssignments(actor))
    .orderBy(...pageOrder);
  return rows.map((row) => ({
    id: row.id,
    contractCode: row.contractCode,
    theme: row.theme,
    titleFi: row.titleFi,
    titleEn: row.titleEn,
    dueOn: row.dueOn,
    assignedAt: row.assignedAt,
    state: stateOf(row),
    shared: row.sharedAt !== null,
  }));
}

/** One of the supervisee's assignments with its instructions and their own answer. */
export async function getMyAssignment(
  ctx: DomainContext,
  actor: SuperviseeActor,
  assignmentId: string,
) {
  const [row] = await ownAssignmentRows(ctx)
    .where(and(eq(exerciseAssignments.id, assignmentId), ownAssignments(actor)))
    .limit(1);
  if (
    !row ||
    !mayReadAnswer(actor, {
      clientId: row.clientId,
      contractSupervisorId: row.supervisorId,
      submitted: row.submittedAt !== null,
      shared: row.sharedAt !== null,
    })
  ) {
    throw new AppError('not_found');
  }
  return {
    id: row.id,
    contractCode: row.contractCode,
    theme: row.theme,
    titleFi: row.titleFi,
    titleEn: row.titleEn,
    instructionsFi: row.instructionsFi,
    instructionsEn: row.instructionsEn,
    dueOn: row.dueOn,
    state: stateOf(row),
    shared: row.sharedAt !== null,
    answer: row.answerEncrypted
      ? decryptText(ctx.keyring, row.answerEncrypted, answerContext(row.id))
      : '',
  };
}

export interface MyAssignmentWithAnswer extends MyAssignmentSummary {
  instructionsFi: string;
  instructionsEn: string;
  /** Their own answer, a draft too (empty when not started). */
  answer: string;
  submittedAt: Date | null;
}

/**
 * Every assignment of the supervisee with its instructions and their own answer, in the
 * order of the exercise page (for their data export). One query, however many there are.
 */
export async function listMyAssignmentsWithAnswers(
  ctx: DomainContext,
  actor: SuperviseeActor,
): Promise<MyAssignmentWithAnswer[]> {
  const rows = await ownAssignmentRows(ctx)
    .where(ownAssignments(actor))
    .orderBy(...pageOrder);
  return rows.flatMap((row) => {
    const readable = mayReadAnswer(actor, {
      clientId: row.clientId,
      contractSupervisorId: row.supervisorId,
      submitted: row.submittedAt !== null,
      shared: row.sharedAt !== null,
    });
    if (!readable) return [];
    return [
      {
        id: row.id,
        contractCode: row.contractCode,
        theme: row.theme,
        titleFi: row.titleFi,
        titleEn: row.titleEn,
        instructionsFi: row.instructionsFi,
        instructionsEn: row.instructionsEn,
        dueOn: row.dueOn,
        assignedAt: row.assignedAt,
        state: stateOf(row),
        shared: row.sharedAt !== null,
        submittedAt: row.submittedAt,
        answer: row.answerEncrypted
          ? decryptText(ctx.keyring, row.answerEncrypted, answerContext(row.id))
          : '',
      },
    ];
  });
}

export interface AnswerInput {
  answer: string;
  /** false: keep it as a draft (which also takes back an earlier submission). */
  submit: boolean;
  /** Share the submitted answer with the supervisor; a draft is never shared. */
  share: boolean;
}

/** Saves the supervisee's answer, sealed; only they can, and only for their own assignment. */
export async function saveAnswer(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
  assignmentId: string,
  input: AnswerInput,
): Promise<AssignmentState> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: exerciseAssignments.id, clientId: exerciseAssignments.clientId })
      .from(exerciseAssignments)
      .where(and(eq(exerciseAssignments.id, assignmentId), ownAssignments(actor)))
      .for('update');
    if (!row || !mayAnswer(actor, row)) throw new AppError('not_found');
    const submitted = input.submit && input.answer.length > 0;
    await tx
      .update(exerciseAssignments)
      .set({
        answerEncrypted: input.answer
          ? encryptText(keyring, input.answer, answerContext(row.id))
          : null,
        answerSavedAt: now,
        submittedAt: submitted ? now : null,
        sharedAt: submitted && input.share ? now : null,
      })
      .where(eq(exerciseAssignments.id, row.id));
    return submitted ? 'submitted' : input.answer ? 'draft' : 'new';
  });
}
