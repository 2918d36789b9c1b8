/**
 * A round's results, as the supervisee (and, when shared, their supervisor) sees them. Below
 * the threshold nothing per question is even read, so no page can show or hint at it.
 */
import { and, asc, eq } from 'drizzle-orm';

import { type FeedbackRound, feedbackScaleTallies, feedbackTextAnswers } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { decryptText } from '~/security/sealing.server';

import { questionsOf } from './answer-round.server';
import type { QuestionResult, RoundResults } from './results-view';
import { answerContext } from './round-sealing.server';
import { minAnswersFor } from './threshold.server';

/** Call only after the caller's access rule has allowed the round. */
export async function roundResults(
  { db, keyring }: DomainContext,
  round: Pick<FeedbackRound, 'id' | 'practiceId' | 'responseCount'>,
): Promise<RoundResults> {
  const minAnswers = await minAnswersFor(db, round.practiceId);
  const { responseCount } = round;
  if (responseCount < minAnswers) return { visible: false, minAnswers, responseCount };
  const sameRound = (table: typeof feedbackScaleTallies | typeof feedbackTextAnswers) =>
    and(eq(table.roundId, round.id), eq(table.practiceId, round.practiceId));
  const tallies = await db
    .select()
    .from(feedbackScaleTallies)
    .where(sameRound(feedbackScaleTallies));
  // Random ids, so this order says nothing about who wrote what or when.
  const texts = await db
    .select()
    .from(feedbackTextAnswers)
    .where(sameRound(feedbackTextAnswers))
    .orderBy(asc(feedbackTextAnswers.id));
  const questions = (await questionsOf(db, keyring, round)).map((question): QuestionResult => {
    if (question.kind === 'scale') {
      const distribution = [1, 2, 3, 4, 5].map(
        (value) =>
          tallies.find((t) => t.questionId === question.id && t.value === value)?.count ?? 0,
      );
      const count = distribution.reduce((sum, n) => sum + n, 0);
      const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
      return { ...question, kind: 'scale', count, mean: count ? total / count : 0, distribution };
    }
    return {
      ...question,
      kind: 'text',
      answers: texts
        .filter((t) => t.questionId === question.id)
        .map((t) => decryptText(keyring, t.textEncrypted, answerContext(t.id))),
    };
  });
  return { visible: true, minAnswers, responseCount, questions };
}
