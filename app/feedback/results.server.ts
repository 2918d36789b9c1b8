/**
 * Rounds' results, as the supervisee (and, when shared, their supervisor) sees them. Below
 * the threshold nothing per question is even read, so no page can show or hint at it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { jsonArray, subqueryValue } from '#db/json';
import { qualified } from '#db/qualified';
import {
  feedbackQuestions,
  type FeedbackRound,
  feedbackRounds,
  feedbackScaleTallies,
  feedbackTextAnswers,
  practiceFeedbackSettings,
} from '#db/schema';
import type { FeedbackQuestionKind } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { decryptText, type NoteKeyring } from '~/security/sealing.server';

import type { QuestionResult, RoundResults } from './results-view';
import { answerContext, promptContext } from './round-sealing.server';
import { MIN_ANSWERS_FLOOR } from './starter-questions';

/** A question with its answers as they come through JSON, still sealed. */
interface QuestionRow {
  id: string;
  kind: FeedbackQuestionKind;
  starterKey: string | null;
  promptEncrypted: string | null;
  tallies: { value: number; count: number }[];
  texts: { id: string; textEncrypted: string }[];
}

/**
 * The practice's threshold (as `minAnswersFor` reads it) and, only for a round whose answers
 * reach it, its questions in order with their tallies and sealed texts, as columns of a query
 * on feedback_rounds: correlated subqueries on the indexes by question, so the rounds of one
 * page come in one query however many there are (docs/decisions/020).
 */
function resultsColumns(db: Db) {
  const round = feedbackRounds;
  const question = feedbackQuestions;
  const setting = db
    .select({ minAnswers: practiceFeedbackSettings.minAnswers })
    .from(practiceFeedbackSettings)
    .where(eq(practiceFeedbackSettings.practiceId, qualified(round.practiceId)));
  const minAnswers = sql<number>`greatest(${MIN_ANSWERS_FLOOR}::int, coalesce((${setting}), ${MIN_ANSWERS_FLOOR}::int))`;
  const ofQuestion = (answers: typeof feedbackScaleTallies | typeof feedbackTextAnswers) =>
    and(
      eq(answers.questionId, qualified(question.id)),
      eq(answers.roundId, qualified(question.roundId)),
      eq(answers.practiceId, qualified(question.practiceId)),
    );
  const tallies = db
    .select({
      list: jsonArray({ value: feedbackScaleTallies.value, count: feedbackScaleTallies.count }),
    })
    .from(feedbackScaleTallies)
    .where(ofQuestion(feedbackScaleTallies));
  // Random ids, so this order says nothing about who wrote what or when.
  const texts = db
    .select({
      list: jsonArray(
        { id: feedbackTextAnswers.id, textEncrypted: feedbackTextAnswers.textEncrypted },
        [feedbackTextAnswers.id],
      ),
    })
    .from(feedbackTextAnswers)
    .where(ofQuestion(feedbackTextAnswers));
  const questions = db
    .select({
      list: jsonArray(
        {
          id: question.id,
          kind: question.kind,
          starterKey: question.starterKey,
          promptEncrypted: question.promptEncrypted,
          tallies: subqueryValue(tallies),
          texts: subqueryValue(texts),
        },
        [question.position],
      ),
    })
    .from(question)
    .where(
      and(
        eq(question.roundId, qualified(round.id)),
        eq(question.practiceId, qualified(round.practiceId)),
      ),
    );
  return {
    id: round.id,
    responseCount: round.responseCount,
    minAnswers,
    questions: sql<
      QuestionRow[] | null
    >`case when ${qualified(round.responseCount)} >= ${minAnswers} then (${questions}) end`,
  };
}

function resultsOf(
  keyring: NoteKeyring,
  row: { responseCount: number; minAnswers: number; questions: QuestionRow[] | null },
): RoundResults {
  const { responseCount, minAnswers } = row;
  if (row.questions === null) return { visible: false, minAnswers, responseCount };
  const questions = row.questions.map((q): QuestionResult => {
    const prompt = {
      id: q.id,
      starterKey: q.starterKey,
      text: q.promptEncrypted ? decryptText(keyring, q.promptEncrypted, promptContext(q.id)) : null,
    };
    if (q.kind === 'scale') {
      const distribution = [1, 2, 3, 4, 5].map(
        (value) => q.tallies.find((t) => t.value === value)?.count ?? 0,
      );
      const count = distribution.reduce((sum, n) => sum + n, 0);
      const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
      return { ...prompt, kind: 'scale', count, mean: count ? total / count : 0, distribution };
    }
    return {
      ...prompt,
      kind: 'text',
      answers: q.texts.map((t) => decryptText(keyring, t.textEncrypted, answerContext(t.id))),
    };
  });
  return { visible: true, minAnswers, responseCount, questions };
}

/**
 * The results of rounds of one practice, by round id: one query however many rounds, none
 * for none. Call only with rounds the caller's access rule has allowed.
 */
export async function resultsOfRounds(
  { db, keyring }: DomainContext,
  practiceId: string,
  roundIds: readonly string[],
): Promise<Map<string, RoundResults>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .select(resultsColumns(db))
    .from(feedbackRounds)
    .where(
      and(eq(feedbackRounds.practiceId, practiceId), inArray(feedbackRounds.id, [...roundIds])),
    );
  return new Map(rows.map((row) => [row.id, resultsOf(keyring, row)]));
}

/** One round's results, in one query. Call only after the caller's access rule has allowed the round. */
export async function roundResults(
  ctx: DomainContext,
  round: Pick<FeedbackRound, 'id' | 'practiceId'>,
): Promise<RoundResults> {
  const results = (await resultsOfRounds(ctx, round.practiceId, [round.id])).get(round.id);
  if (!results) throw new AppError('not_found');
  return results;
}
