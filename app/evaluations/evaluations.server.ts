import { randomUUID } from 'node:crypto';

import { and, asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import type { EvaluationKind } from '#db/schema';
import {
  clients,
  contractGoals,
  contractParticipants,
  evaluations,
  evaluationScores,
} from '#db/schema';
import { participantClient } from '~/contracts/access.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';

import {
  listableEvaluations,
  loadEvaluationContract,
  mayChangeEvaluation,
  mayReadComment,
} from './access.server';

export const commentContext = (evaluationId: string) => `evaluation:${evaluationId}:comment`;

/**
 * The contract with its goals and participants, for whoever may open its evaluations
 * (./access.server); `supervises` says whether they may also record new ones.
 */
export async function evaluationSubject(
  { db }: DomainContext,
  actor: MemberActor,
  contractId: string,
) {
  const contract = await loadEvaluationContract(db, actor, contractId);
  const goals = await db
    .select({ id: contractGoals.id, text: contractGoals.text, theme: contractGoals.theme })
    .from(contractGoals)
    .where(
      and(eq(contractGoals.contractId, contractId), eq(contractGoals.practiceId, actor.practiceId)),
    )
    .orderBy(asc(contractGoals.position));
  const participants = await db
    .select({ id: clients.id, name: clients.name })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .where(
      and(
        eq(contractParticipants.contractId, contractId),
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    )
    .orderBy(asc(clients.name));
  return { ...contract, goals, participants };
}

export interface EvaluationInput {
  kind: EvaluationKind;
  /** null for the supervisor's own view, else the supervisee whose view this is. */
  respondentClientId: string | null;
  scores: Record<string, number>;
  comment: string | null;
}

/**
 * Records one evaluation: goal attainment 1–5 per goal and free text (encrypted). There is
 * one per contract, kind and author, so submitting the same point again edits it.
 */
export async function recordEvaluation(
  ctx: DomainContext,
  actor: MemberActor,
  contractId: string,
  input: EvaluationInput,
): Promise<string> {
  const { db, keyring, now } = ctx;
  const subject = await evaluationSubject(ctx, actor, contractId);
  // Only the contract's supervisor now records; an earlier one keeps reading their own.
  if (!subject.supervises) throw new AppError('not_found');
  const goalIds = new Set(subject.goals.map((g) => g.id));
  if (Object.keys(input.scores).some((goalId) => !goalIds.has(goalId))) {
    throw new AppError('invalid');
  }
  if (
    input.respondentClientId &&
    !subject.participants.some((p) => p.id === input.respondentClientId)
  ) {
    throw new AppError('invalid');
  }
  return db.transaction(async (tx) => {
    const existing = await lockAuthorsEvaluation(tx, actor, contractId, input);
    const id = existing ?? randomUUID();
    const commentEncrypted = input.comment
      ? encryptText(keyring, input.comment, commentContext(id))
      : null;
    let savedId = id;
    if (existing) {
      await tx
        .update(evaluations)
        .set({ commentEncrypted, submittedAt: now })
        .where(eq(evaluations.id, existing));
    } else {
      const inserted = await tx
        .insert(evaluations)
        .values({
          id,
          practiceId: actor.practiceId,
          contractId,
          kind: input.kind,
          respondent: input.respondentClientId ? 'supervisee' : 'supervisor',
          respondentUserId: input.respondentClientId ? null : actor.userId,
          respondentClientId: input.respondentClientId,
          recordedBy: actor.userId,
          commentEncrypted,
          submittedAt: now,
        })
        // A double click's twin committed first: this submission then edits that row.
        .onConflictDoNothing()
        .returning({ id: evaluations.id });
      if (inserted.length === 0) {
        const twin = await lockAuthorsEvaluation(tx, actor, contractId, input);
        if (!twin) throw new AppError('conflict');
        savedId = twin;
        await tx
          .update(evaluations)
          .set({
            commentEncrypted: input.comment
              ? encryptText(keyring, input.comment, commentContext(twin))
              : null,
            submittedAt: now,
          })
          .where(eq(evaluations.id, twin));
      }
    }
    await tx.delete(evaluationScores).where(eq(evaluationScores.evaluationId, savedId));
    const scores = Object.entries(input.scores).map(([goalId, score]) => ({
      evaluationId: savedId,
      goalId,
      score,
    }));
    if (scores.length > 0) await tx.insert(evaluationScores).values(scores);
    return savedId;
  });
}

/** The id of the evaluation this author already gave at this point, locked; or null. */
async function lockAuthorsEvaluation(
  tx: Db,
  actor: MemberActor,
  contractId: string,
  input: EvaluationInput,
): Promise<string | null> {
  const author = input.respondentClientId
    ? and(
        eq(evaluations.respondent, 'supervisee'),
        eq(evaluations.respondentClientId, input.respondentClientId),
      )
    : and(eq(evaluations.respondent, 'supervisor'), eq(evaluations.respondentUserId, actor.userId));
  const [row] = await tx
    .select({
      id: evaluations.id,
      recordedBy: evaluations.recordedBy,
      recordedInPortal: evaluations.recordedInPortal,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.practiceId, actor.practiceId),
        eq(evaluations.contractId, contractId),
        eq(evaluations.kind, input.kind),
        author,
      ),
    )
    .for('update');
  if (!row) return null;
  // The supervisee's own portal answer is theirs; one recorded by an earlier supervisor stays
  // that supervisor's (its comment too).
  if (!mayChangeEvaluation(actor, row)) {
    throw new AppError(
      'conflict',
      row.recordedInPortal ? 'evaluations.answeredInPortal' : 'evaluations.recordedByOther',
    );
  }
  return row.id;
}

/**
 * The contract's evaluations with their scores, for its supervisor (an earlier supervisor
 * sees the ones they recorded). A comment is shown to the member who recorded it alone;
 * to others `comment` is null and `commentWithheld` says that one exists.
 */
export async function listEvaluations(ctx: DomainContext, actor: MemberActor, contractId: string) {
  const { db, keyring } = ctx;
  const subject = await evaluationSubject(ctx, actor, contractId);
  const rows = await db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      respondent: evaluations.respondent,
      respondentClientId: evaluations.respondentClientId,
      recordedBy: evaluations.recordedBy,
      recordedInPortal: evaluations.recordedInPortal,
      commentEncrypted: evaluations.commentEncrypted,
      submittedAt: evaluations.submittedAt,
    })
    .from(evaluations)
    .where(listableEvaluations(actor, subject))
    .orderBy(asc(evaluations.submittedAt), asc(evaluations.id));
  const scores = rows.length
    ? await db
        .select()
        .from(evaluationScores)
        .where(
          inArray(
            evaluationScores.evaluationId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    subject,
    evaluations: rows.map(({ commentEncrypted, recordedBy, ...row }) => {
      const readable = mayReadComment(actor, {
        recordedBy,
        respondentClientId: row.respondentClientId,
        recordedInPortal: row.recordedInPortal,
        contractSupervisorId: subject.supervisorId,
      });
      return {
        ...row,
        editable: mayChangeEvaluation(actor, {
          recordedBy,
          recordedInPortal: row.recordedInPortal,
        }),
        respondentName:
          subject.participants.find((p) => p.id === row.respondentClientId)?.name ?? null,
        comment:
          commentEncrypted && readable
            ? decryptText(keyring, commentEncrypted, commentContext(row.id))
            : null,
        commentWithheld: commentEncrypted !== null && !readable,
        scores: Object.fromEntries(
          scores.filter((s) => s.evaluationId === row.id).map((s) => [s.goalId, s.score]),
        ),
      };
    }),
  };
}
