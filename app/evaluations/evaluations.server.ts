import { randomUUID } from 'node:crypto';

import { and, asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import type { EvaluationKind } from '#db/schema';
import {
  clients,
  contractGoals,
  contractParticipants,
  contracts,
  evaluations,
  evaluationScores,
} from '#db/schema';
import { AppError } from '~/errors';
import { decryptText, encryptText, type NoteKeyring } from '~/notes/crypto.server';
import type { MemberActor } from '~/practices/actor';

const commentContext = (evaluationId: string) => `evaluation:${evaluationId}:comment`;

/** The contract with its goals and participants, if the actor supervises it. */
export async function evaluationSubject(db: Db, actor: MemberActor, contractId: string) {
  const [contract] = await db
    .select({ id: contracts.id, code: contracts.code })
    .from(contracts)
    .where(
      and(
        eq(contracts.id, contractId),
        eq(contracts.practiceId, actor.practiceId),
        eq(contracts.supervisorId, actor.userId),
      ),
    );
  if (!contract) throw new AppError('not_found');
  const goals = await db
    .select({ id: contractGoals.id, text: contractGoals.text, theme: contractGoals.theme })
    .from(contractGoals)
    .where(eq(contractGoals.contractId, contractId))
    .orderBy(asc(contractGoals.position));
  const participants = await db
    .select({ id: clients.id, name: clients.name })
    .from(contractParticipants)
    .innerJoin(clients, eq(clients.id, contractParticipants.clientId))
    .where(eq(contractParticipants.contractId, contractId))
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

/** Records one evaluation: goal attainment 1–5 per goal and free text (encrypted). */
export async function recordEvaluation(
  db: Db,
  actor: MemberActor,
  contractId: string,
  input: EvaluationInput,
  keyring: NoteKeyring,
  now = new Date(),
): Promise<string> {
  const subject = await evaluationSubject(db, actor, contractId);
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
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(evaluations).values({
      id,
      practiceId: actor.practiceId,
      contractId,
      kind: input.kind,
      respondent: input.respondentClientId ? 'supervisee' : 'supervisor',
      respondentUserId: input.respondentClientId ? null : actor.userId,
      respondentClientId: input.respondentClientId,
      commentEncrypted: input.comment
        ? encryptText(keyring, input.comment, commentContext(id))
        : null,
      submittedAt: now,
    });
    const scores = Object.entries(input.scores).map(([goalId, score]) => ({
      evaluationId: id,
      goalId,
      score,
    }));
    if (scores.length > 0) await tx.insert(evaluationScores).values(scores);
  });
  return id;
}

/** The contract's evaluations with scores and comments, for its supervisor. */
export async function listEvaluations(
  db: Db,
  actor: MemberActor,
  contractId: string,
  keyring: NoteKeyring,
) {
  const subject = await evaluationSubject(db, actor, contractId);
  const rows = await db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      respondent: evaluations.respondent,
      respondentClientId: evaluations.respondentClientId,
      commentEncrypted: evaluations.commentEncrypted,
      submittedAt: evaluations.submittedAt,
    })
    .from(evaluations)
    .where(eq(evaluations.contractId, contractId))
    .orderBy(asc(evaluations.submittedAt));
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
    evaluations: rows.map(({ commentEncrypted, ...row }) => ({
      ...row,
      respondentName:
        subject.participants.find((p) => p.id === row.respondentClientId)?.name ?? null,
      comment: commentEncrypted
        ? decryptText(keyring, commentEncrypted, commentContext(row.id))
        : null,
      scores: Object.fromEntries(
        scores.filter((s) => s.evaluationId === row.id).map((s) => [s.goalId, s.score]),
      ),
    })),
  };
}
