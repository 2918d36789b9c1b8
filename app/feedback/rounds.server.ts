/**
 * A supervisee's feedback rounds in the portal: creating one, listing and opening their own,
 * the shared link, closing early and sharing the results with their supervisor. Every query
 * goes through `ownRounds`; a round of anyone else is not found.
 */
import { randomUUID } from 'node:crypto';

import { and, count, desc, eq, sql } from 'drizzle-orm';

import {
  feedbackInvitations,
  feedbackQuestions,
  type FeedbackRound,
  feedbackRounds,
  feedbackScaleTallies,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';
import { generateToken, sha256Hex } from '~/security/tokens.server';
import { addDays, helsinkiDate, helsinkiInstant } from '~/time/helsinki';

import { ownRounds } from './access.server';
import { linkContext, openTitle, promptContext, seal, titleContext } from './round-sealing.server';
import type { NewRound } from './schemas';

/** The longest a round may stay open. */
export const MAX_OPEN_DAYS = 90;

/** Answers are taken until the end of the closing day, Helsinki time. */
export function closesAtFor(closesOn: string): Date {
  return helsinkiInstant(addDays(closesOn, 1));
}

/** The closing day as the supervisee chose it. */
export function closesOnOf(round: Pick<FeedbackRound, 'closesAt'>): string {
  return helsinkiDate(new Date(round.closesAt.getTime() - 1));
}

export function isOpen(round: Pick<FeedbackRound, 'closesAt' | 'closedAt'>, now: Date): boolean {
  return round.closedAt === null && now < round.closesAt;
}

export async function createRound(
  ctx: DomainContext,
  actor: SuperviseeActor,
  input: NewRound,
): Promise<string> {
  const { db, keyring, now } = ctx;
  const clientId = actor.clientIds[0];
  if (!clientId) throw new AppError('forbidden');
  const today = helsinkiDate(now);
  if (input.closesOn < today) throw new AppError('invalid', 'feedback.error.closesPast');
  if (input.closesOn > addDays(today, MAX_OPEN_DAYS)) {
    throw new AppError('invalid', 'feedback.error.closesTooFar');
  }
  const roundId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(feedbackRounds).values({
      id: roundId,
      practiceId: actor.practiceId,
      clientId,
      createdBy: actor.userId,
      titleEncrypted: seal(keyring, input.title, titleContext(roundId)),
      closesAt: closesAtFor(input.closesOn),
    });
    const questions = input.questions.map((question, position) => {
      const id = randomUUID();
      return {
        id,
        practiceId: actor.practiceId,
        roundId,
        position,
        kind: question.kind,
        starterKey: question.source === 'starter' ? question.starterKey : null,
        promptEncrypted:
          question.source === 'custom' ? seal(keyring, question.text, promptContext(id)) : null,
      };
    });
    await tx.insert(feedbackQuestions).values(questions);
    // Every counter exists from the start, so the first answers only change numbers: the
    // table never shows which values appeared first.
    const counters = questions
      .filter((q) => q.kind === 'scale')
      .flatMap((q) =>
        [1, 2, 3, 4, 5].map((value) => ({
          practiceId: actor.practiceId,
          roundId,
          questionId: q.id,
          value,
          count: 0,
        })),
      );
    if (counters.length) await tx.insert(feedbackScaleTallies).values(counters);
  });
  return roundId;
}

export interface RoundSummary {
  id: string;
  title: string;
  closesOn: string;
  open: boolean;
  responseCount: number;
  shared: boolean;
}

/** The supervisee's rounds, newest first. */
export async function listOwnRounds(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
): Promise<RoundSummary[]> {
  const rows = await db
    .select()
    .from(feedbackRounds)
    .where(ownRounds(actor))
    .orderBy(desc(feedbackRounds.createdAt));
  return rows.map((round) => ({
    id: round.id,
    title: openTitle(keyring, round),
    closesOn: closesOnOf(round),
    open: isOpen(round, now),
    responseCount: round.responseCount,
    shared: round.sharedWithSupervisorAt !== null,
  }));
}

/** One of the supervisee's own rounds, or not_found. */
export async function findOwnRound(
  { db }: Pick<DomainContext, 'db'>,
  actor: SuperviseeActor,
  roundId: string,
): Promise<FeedbackRound> {
  const [round] = await db
    .select()
    .from(feedbackRounds)
    .where(and(eq(feedbackRounds.id, roundId), ownRounds(actor)));
  if (!round) throw new AppError('not_found');
  return round;
}

export interface RoundDetail extends RoundSummary {
  sharedLink: string | null;
  invitations: { sent: number; answered: number };
}

/** The round page: its state, the shared link if made, and how many invitations were answered. */
export async function getOwnRound(
  ctx: DomainContext,
  actor: SuperviseeActor,
  roundId: string,
  appOrigin: string,
): Promise<RoundDetail> {
  const round = await findOwnRound(ctx, actor, roundId);
  const [invited] = await ctx.db
    .select({
      sent: count(),
      answered: sql<number>`count(*) filter (where ${feedbackInvitations.answered})`.mapWith(
        Number,
      ),
    })
    .from(feedbackInvitations)
    .where(
      and(
        eq(feedbackInvitations.roundId, round.id),
        eq(feedbackInvitations.practiceId, round.practiceId),
      ),
    );
  const token = round.sharedLinkEncrypted
    ? decryptText(ctx.keyring, round.sharedLinkEncrypted, linkContext(round.id))
    : null;
  return {
    id: round.id,
    title: openTitle(ctx.keyring, round),
    closesOn: closesOnOf(round),
    open: isOpen(round, ctx.now),
    responseCount: round.responseCount,
    shared: round.sharedWithSupervisorAt !== null,
    sharedLink: token ? respondentUrl(appOrigin, token) : null,
    invitations: { sent: invited?.sent ?? 0, answered: invited?.answered ?? 0 },
  };
}

export const respondentUrl = (appOrigin: string, token: string) => `${appOrigin}/feedback/${token}`;

/** Makes the round's shared link once; later calls keep the one that exists. */
export async function createSharedLink(
  ctx: DomainContext,
  actor: SuperviseeActor,
  roundId: string,
): Promise<void> {
  const round = await findOwnRound(ctx, actor, roundId);
  if (!isOpen(round, ctx.now)) throw new AppError('conflict', 'feedback.error.closed');
  if (round.sharedTokenHash) return;
  const token = generateToken();
  await ctx.db
    .update(feedbackRounds)
    .set({
      sharedTokenHash: sha256Hex(token),
      sharedLinkEncrypted: seal(ctx.keyring, token, linkContext(round.id)),
    })
    .where(and(eq(feedbackRounds.id, round.id), ownRounds(actor)));
}

/** Stops taking answers now; the results stay. */
export async function closeRound(ctx: DomainContext, actor: SuperviseeActor, roundId: string) {
  const round = await findOwnRound(ctx, actor, roundId);
  if (round.closedAt) return;
  await ctx.db
    .update(feedbackRounds)
    .set({ closedAt: ctx.now })
    .where(and(eq(feedbackRounds.id, round.id), ownRounds(actor)));
}

/** Lets the supervisee's supervisors see the results (or stops it). */
export async function setSharedWithSupervisor(
  ctx: DomainContext,
  actor: SuperviseeActor,
  roundId: string,
  shared: boolean,
) {
  const round = await findOwnRound(ctx, actor, roundId);
  await ctx.db
    .update(feedbackRounds)
    .set({ sharedWithSupervisorAt: shared ? ctx.now : null })
    .where(and(eq(feedbackRounds.id, round.id), ownRounds(actor)));
}
