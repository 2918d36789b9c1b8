/**
 * The respondent's side: a link (the round's shared link, or one invitation's) opens the one
 * round it belongs to, and an answer is stored so that it cannot be traced back — scale
 * values only as counts, free text sealed under a random id, no time, no respondent.
 */
import { randomUUID } from 'node:crypto';

import { and, asc, eq, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  feedbackInvitations,
  feedbackQuestions,
  type FeedbackRound,
  feedbackRounds,
  feedbackScaleTallies,
  feedbackTextAnswers,
  users,
} from '#db/schema';
import { countAttempt } from '~/auth/throttle.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { FieldErrors } from '~/forms/parse';
import type { MessageKey } from '~/i18n';
import { decryptText, type NoteKeyring } from '~/security/sealing.server';
import { sha256Hex } from '~/security/tokens.server';

import { answerField } from './format';
import type { QuestionPrompt } from './results-view';
import { answerContext, openTitle, promptContext, seal } from './round-sealing.server';
import { closesOnOf, isOpen } from './rounds.server';
import { feedbackThrottles } from './throttles';

export const MAX_TEXT_ANSWER = 2000;

/** A starter question's key (shown in the reader's language), or the supervisee's own words. */
export type QuestionView = QuestionPrompt;

export type RespondentPage =
  | { state: 'unknown' }
  | { state: 'closed' }
  | { state: 'used' }
  | {
      state: 'open';
      title: string;
      askerName: string;
      closesOn: string;
      questions: QuestionView[];
    };

interface Resolved {
  round: FeedbackRound;
  invitationId: string | null;
  answered: boolean;
}

/** The round a token opens: only that round, found by the token's hash. */
async function resolveToken(db: Db, token: string): Promise<Resolved | null> {
  if (!token || token.length > 100) return null;
  const hash = sha256Hex(token);
  const [shared] = await db
    .select()
    .from(feedbackRounds)
    .where(eq(feedbackRounds.sharedTokenHash, hash));
  if (shared) return { round: shared, invitationId: null, answered: false };
  const [invited] = await db
    .select({
      round: feedbackRounds,
      invitationId: feedbackInvitations.id,
      answered: feedbackInvitations.answered,
    })
    .from(feedbackInvitations)
    .innerJoin(
      feedbackRounds,
      and(
        eq(feedbackRounds.id, feedbackInvitations.roundId),
        eq(feedbackRounds.practiceId, feedbackInvitations.practiceId),
      ),
    )
    .where(eq(feedbackInvitations.tokenHash, hash));
  return invited ?? null;
}

export async function questionsOf(
  db: Db,
  keyring: NoteKeyring,
  round: Pick<FeedbackRound, 'id' | 'practiceId'>,
): Promise<QuestionView[]> {
  const rows = await db
    .select()
    .from(feedbackQuestions)
    .where(
      and(
        eq(feedbackQuestions.roundId, round.id),
        eq(feedbackQuestions.practiceId, round.practiceId),
      ),
    )
    .orderBy(asc(feedbackQuestions.position));
  return rows.map((q) => ({
    id: q.id,
    kind: q.kind,
    starterKey: q.starterKey,
    text: q.promptEncrypted ? decryptText(keyring, q.promptEncrypted, promptContext(q.id)) : null,
  }));
}

/** What the link shows. Opening it spends nothing. */
export async function respondentPage(
  { db, keyring, now }: DomainContext,
  token: string,
): Promise<RespondentPage> {
  const resolved = await resolveToken(db, token);
  if (!resolved) return { state: 'unknown' };
  const { round } = resolved;
  if (!isOpen(round, now)) return { state: 'closed' };
  if (resolved.answered) return { state: 'used' };
  const [asker] = await db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, round.createdBy));
  return {
    state: 'open',
    title: openTitle(keyring, round),
    askerName: asker?.name ?? '',
    closesOn: closesOnOf(round),
    questions: await questionsOf(db, keyring, round),
  };
}

type Answer =
  | { questionId: string; kind: 'scale'; value: number }
  | { questionId: string; kind: 'text'; text: string };

/** Checks the form against the round's own questions; fields of any other question are ignored. */
function readAnswers(
  questions: QuestionView[],
  form: FormData,
): { ok: true; answers: Answer[] } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: Record<string, MessageKey[]> = {};
  const answers: Answer[] = [];
  for (const question of questions) {
    const field = answerField(question.id);
    const raw = String(form.get(field) ?? '').trim();
    if (question.kind === 'scale') {
      const value = Number(raw);
      if (!/^[1-5]$/.test(raw)) fieldErrors[field] = ['feedback.respond.required'];
      else answers.push({ questionId: question.id, kind: 'scale', value });
    } else if (raw.length > MAX_TEXT_ANSWER) fieldErrors[field] = ['form.tooLong'];
    else if (raw) answers.push({ questionId: question.id, kind: 'text', text: raw });
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

export type AnswerResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Records one answer through a link. An invitation is spent in the same transaction (one
 * answer each); a closed round, a spent invitation or too many answers from the link or the
 * address are refused and nothing is stored.
 */
export async function answerRound(
  ctx: DomainContext,
  input: { token: string; ip: string; form: FormData },
): Promise<AnswerResult> {
  const { db, keyring, now } = ctx;
  const resolved = await resolveToken(db, input.token);
  if (!resolved) throw new AppError('not_found', 'feedback.respond.unknown');
  const { round } = resolved;
  if (!isOpen(round, now)) throw new AppError('conflict', 'feedback.respond.closed');
  if (resolved.answered) throw new AppError('conflict', 'feedback.respond.used');
  const read = readAnswers(await questionsOf(db, keyring, round), input.form);
  if (!read.ok) return read;
  await db.transaction(async (tx) => {
    if (resolved.invitationId) {
      // Spent first, under the row's lock: of two answers sent at once, one finds it spent.
      const spent = await tx
        .update(feedbackInvitations)
        .set({ answered: true })
        .where(
          and(
            eq(feedbackInvitations.id, resolved.invitationId),
            eq(feedbackInvitations.answered, false),
          ),
        )
        .returning({ id: feedbackInvitations.id });
      if (spent.length === 0) throw new AppError('conflict', 'feedback.respond.used');
    }
    // A shared link is counted per round; an invitation needs no count of its own (it answers
    // once), and keying one by its token would record when that person answered.
    const linkAllowed =
      resolved.invitationId !== null ||
      (await countAttempt(tx, feedbackThrottles.answerLink, round.id, now));
    const ipAllowed = await countAttempt(tx, feedbackThrottles.answerIp, input.ip, now);
    if (!linkAllowed || !ipAllowed) throw new AppError('throttled', 'feedback.respond.throttled');
    const [counted] = await tx
      .update(feedbackRounds)
      .set({ responseCount: sql`${feedbackRounds.responseCount} + 1` })
      .where(
        and(
          eq(feedbackRounds.id, round.id),
          sql`${feedbackRounds.closedAt} is null`,
          sql`${feedbackRounds.closesAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: feedbackRounds.id });
    if (!counted) throw new AppError('conflict', 'feedback.respond.closed');
    for (const answer of read.answers) {
      if (answer.kind === 'scale') {
        await tx
          .insert(feedbackScaleTallies)
          .values({
            practiceId: round.practiceId,
            roundId: round.id,
            questionId: answer.questionId,
            value: answer.value,
            count: 1,
          })
          .onConflictDoUpdate({
            target: [feedbackScaleTallies.questionId, feedbackScaleTallies.value],
            set: { count: sql`${feedbackScaleTallies.count} + 1` },
          });
      } else {
        const id = randomUUID();
        await tx.insert(feedbackTextAnswers).values({
          id,
          practiceId: round.practiceId,
          roundId: round.id,
          questionId: answer.questionId,
          textEncrypted: seal(keyring, answer.text, answerContext(id)),
        });
      }
    }
  });
  return { ok: true };
}
