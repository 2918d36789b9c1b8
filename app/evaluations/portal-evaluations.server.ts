/**
 * Evaluations in the portal: the supervisee answers their contracts' start, middle and end
 * evaluations when due (./due.ts). The answer is recorded with the supervisee as its author
 * (`recorded_by` their user, `recorded_in_portal`), so the comment is theirs and is shared
 * with the contract's supervisor only (./access.server). Scores are the contract's evaluation
 * outcomes like any others: what reaches the commissioner follows the contract's
 * `commissioner_disclosure` when the report is made; a comment never does.
 */
import { randomUUID } from 'node:crypto';

import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  contractGoals,
  contractParticipants,
  contracts,
  type EvaluationKind,
  evaluations,
  evaluationScores,
  supervisionSessions,
} from '#db/schema';
import { contractProgress } from '~/contracts/progress.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { participatedContracts } from '~/portal/access.server';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';

import { mayChangeEvaluation, mayReadComment } from './access.server';
import { evaluationPoints } from './due';
import { commentContext } from './evaluations.server';

/** The supervisee's contracts (not drafts) with the facts the due rule needs. */
async function ownContracts(db: Db, actor: SuperviseeActor, contractId?: string) {
  const rows = await db
    .select({
      id: contracts.id,
      code: contracts.code,
      status: contracts.status,
      sessionsAgreed: contracts.sessionsAgreed,
      supervisorId: contracts.supervisorId,
      clientId: contractParticipants.clientId,
    })
    .from(contracts)
    .innerJoin(
      contractParticipants,
      and(
        eq(contractParticipants.contractId, contracts.id),
        eq(contractParticipants.practiceId, contracts.practiceId),
        inArray(contractParticipants.clientId, [...actor.clientIds]),
      ),
    )
    .where(
      and(
        participatedContracts(actor),
        inArray(contracts.status, ['active', 'ended']),
        contractId ? eq(contracts.id, contractId) : undefined,
      ),
    )
    .orderBy(asc(contracts.startsOn), asc(contracts.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const progress = await contractProgress(db, ids);
  const marked = await db
    .select({
      contractId: supervisionSessions.contractId,
      evaluationKind: supervisionSessions.evaluationKind,
      startsAt: supervisionSessions.startsAt,
      status: supervisionSessions.status,
    })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.practiceId, actor.practiceId),
        inArray(supervisionSessions.contractId, ids),
        isNotNull(supervisionSessions.evaluationKind),
      ),
    );
  return rows.map((row) => ({
    ...row,
    sessionsUsed: progress.get(row.id)?.used ?? 0,
    markedSessions: marked.flatMap((s) =>
      s.contractId === row.id && s.evaluationKind
        ? [{ evaluationKind: s.evaluationKind, startsAt: s.startsAt, status: s.status }]
        : [],
    ),
  }));
}

/**
 * Each of the supervisee's contracts with its goals and its three evaluation points: whether
 * the point is open, and the supervisee's own answer at it (also one their supervisor
 * recorded for them, which they read but do not change).
 */
export async function listMyEvaluations(ctx: DomainContext, actor: SuperviseeActor) {
  const { db, keyring, now } = ctx;
  const own = await ownContracts(db, actor);
  if (own.length === 0) return [];
  const ids = own.map((c) => c.id);
  const goals = await db
    .select({
      id: contractGoals.id,
      contractId: contractGoals.contractId,
      text: contractGoals.text,
      theme: contractGoals.theme,
    })
    .from(contractGoals)
    .where(
      and(eq(contractGoals.practiceId, actor.practiceId), inArray(contractGoals.contractId, ids)),
    )
    .orderBy(asc(contractGoals.position));
  const answers = await db
    .select({
      id: evaluations.id,
      contractId: evaluations.contractId,
      kind: evaluations.kind,
      respondentClientId: evaluations.respondentClientId,
      recordedBy: evaluations.recordedBy,
      recordedInPortal: evaluations.recordedInPortal,
      commentEncrypted: evaluations.commentEncrypted,
      submittedAt: evaluations.submittedAt,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.practiceId, actor.practiceId),
        inArray(evaluations.contractId, ids),
        eq(evaluations.respondent, 'supervisee'),
        inArray(evaluations.respondentClientId, [...actor.clientIds]),
      ),
    );
  const scores = answers.length
    ? await db
        .select()
        .from(evaluationScores)
        .where(
          inArray(
            evaluationScores.evaluationId,
            answers.map((a) => a.id),
          ),
        )
    : [];
  return own.map((contract) => ({
    id: contract.id,
    code: contract.code,
    goals: goals
      .filter((g) => g.contractId === contract.id)
      .map(({ id, text, theme }) => ({ id, text, theme })),
    points: evaluationPoints(contract, now).map((point) => {
      const answer = answers.find(
        (a) =>
          a.contractId === contract.id &&
          a.kind === point.kind &&
          a.respondentClientId === contract.clientId,
      );
      if (!answer) return { ...point, answer: null };
      const facts = { ...answer, contractSupervisorId: contract.supervisorId };
      return {
        ...point,
        answer: {
          submittedAt: answer.submittedAt,
          byMe: mayChangeEvaluation(actor, answer),
          comment:
            answer.commentEncrypted && mayReadComment(actor, facts)
              ? decryptText(keyring, answer.commentEncrypted, commentContext(answer.id))
              : null,
          scores: Object.fromEntries(
            scores.filter((s) => s.evaluationId === answer.id).map((s) => [s.goalId, s.score]),
          ),
        },
      };
    }),
  }));
}

export interface OwnEvaluationInput {
  kind: EvaluationKind;
  scores: Record<string, number>;
  comment: string | null;
}

/**
 * Records or updates the supervisee's own answer at an open evaluation point of one of their
 * contracts. Another supervisee's contract is not_found; a point not yet open, or an answer
 * their supervisor recorded for them, is a conflict.
 */
export async function answerEvaluation(
  ctx: DomainContext,
  actor: SuperviseeActor,
  contractId: string,
  input: OwnEvaluationInput,
): Promise<string> {
  const { db, keyring, now } = ctx;
  const [contract] = await ownContracts(db, actor, contractId);
  if (!contract) throw new AppError('not_found');
  const point = evaluationPoints(contract, now).find((p) => p.kind === input.kind);
  if (!point?.open) throw new AppError('conflict', 'portalEvaluations.notOpen');
  const goalIds = new Set(
    (
      await db
        .select({ id: contractGoals.id })
        .from(contractGoals)
        .where(
          and(
            eq(contractGoals.contractId, contract.id),
            eq(contractGoals.practiceId, actor.practiceId),
          ),
        )
    ).map((g) => g.id),
  );
  if (Object.keys(input.scores).some((goalId) => !goalIds.has(goalId))) {
    throw new AppError('invalid');
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({
        id: evaluations.id,
        recordedBy: evaluations.recordedBy,
        recordedInPortal: evaluations.recordedInPortal,
      })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.practiceId, actor.practiceId),
          eq(evaluations.contractId, contract.id),
          eq(evaluations.kind, input.kind),
          eq(evaluations.respondent, 'supervisee'),
          eq(evaluations.respondentClientId, contract.clientId),
        ),
      )
      .for('update');
    if (existing && !mayChangeEvaluation(actor, existing)) {
      throw new AppError('conflict', 'portalEvaluations.recordedBySupervisor');
    }
    const id = existing?.id ?? randomUUID();
    const commentEncrypted = input.comment
      ? encryptText(keyring, input.comment, commentContext(id))
      : null;
    if (existing) {
      await tx
        .update(evaluations)
        .set({ commentEncrypted, submittedAt: now })
        .where(eq(evaluations.id, id));
    } else {
      const inserted = await tx
        .insert(evaluations)
        .values({
          id,
          practiceId: actor.practiceId,
          contractId: contract.id,
          kind: input.kind,
          respondent: 'supervisee',
          respondentClientId: contract.clientId,
          recordedBy: actor.userId,
          recordedInPortal: true,
          commentEncrypted,
          submittedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: evaluations.id });
      // A twin submission (double click) or the supervisor's entry committed first.
      if (inserted.length === 0) throw new AppError('conflict');
    }
    await tx.delete(evaluationScores).where(eq(evaluationScores.evaluationId, id));
    const rows = Object.entries(input.scores).map(([goalId, score]) => ({
      evaluationId: id,
      goalId,
      score,
    }));
    if (rows.length > 0) await tx.insert(evaluationScores).values(rows);
    return id;
  });
}
