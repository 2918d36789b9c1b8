/** Feedback rounds for tests, made and answered through the same use cases as the pages. */
import { eq } from 'drizzle-orm';

import { unsealBody } from '~/email/sealed-link.server';
import { answerRound, questionsOf } from '~/feedback/answer-round.server';
import { answerField } from '~/feedback/format';
import { inviteRespondents } from '~/feedback/invite-respondents.server';
import { createRound, createSharedLink, getOwnRound } from '~/feedback/rounds.server';
import type { NewQuestion } from '~/feedback/schemas';
import type { SuperviseeActor } from '~/practices/actor';
import { addDays, helsinkiDate } from '~/time/helsinki';

import type { Db } from '../client';
import { feedbackRounds, outbox } from '../schema';
import { testContext } from './context';
import { TEST_ORIGIN } from './factories';
import { testKeyring } from './keyring';

export const sampleQuestions: NewQuestion[] = [
  { source: 'starter', starterKey: 'roleExpectations', kind: 'scale' },
  { source: 'starter', starterKey: 'dialogueListening', kind: 'scale' },
  { source: 'custom', text: 'Mitä toivoisit minulta ensi kuussa?', kind: 'text' },
];

/** A round of `actor`'s, open for two weeks from `now`. */
export function createFeedbackRound(
  db: Db,
  actor: SuperviseeActor,
  input: { title?: string; questions?: NewQuestion[]; now?: Date } = {},
): Promise<string> {
  const now = input.now ?? new Date();
  return createRound(testContext(db, now), actor, {
    title: input.title ?? 'Miten johdan tiimiämme?',
    closesOn: addDays(helsinkiDate(now), 14),
    questions: input.questions ?? sampleQuestions,
  });
}

/** The round's shared link token (made if missing). */
export async function sharedToken(db: Db, actor: SuperviseeActor, roundId: string) {
  await createSharedLink(testContext(db), actor, roundId);
  const round = await getOwnRound(testContext(db), actor, roundId, TEST_ORIGIN);
  return tokenOf(round.sharedLink ?? '');
}

const tokenOf = (url: string) => /\/feedback\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';

/** Invites the addresses and returns each one's token, read from the mail in the outbox. */
export async function invitationTokens(
  db: Db,
  actor: SuperviseeActor,
  roundId: string,
  addresses: string[],
): Promise<string[]> {
  await inviteRespondents(testContext(db), actor, {
    roundId,
    addresses,
    locale: 'fi',
    mail: { appOrigin: TEST_ORIGIN, keyring: testKeyring },
  });
  const tokens: string[] = [];
  for (const address of addresses) {
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, address));
    if (!mail) throw new Error(`no mail to ${address}`);
    tokens.push(tokenOf(unsealBody(testKeyring, mail) ?? ''));
  }
  return tokens;
}

/**
 * Answers through `token`: `scale` values in question order for the scale questions, `text`
 * for the open ones (empty: left blank).
 */
export async function answerWith(
  db: Db,
  token: string,
  input: { roundId: string; scale: number[]; text?: string[]; ip?: string; now?: Date },
) {
  const [round] = await db
    .select()
    .from(feedbackRounds)
    .where(eq(feedbackRounds.id, input.roundId));
  if (!round) throw new Error('no round');
  const questions = await questionsOf(db, testKeyring, round);
  const form = new FormData();
  const scale = [...input.scale];
  const text = [...(input.text ?? [])];
  for (const q of questions) {
    const value = q.kind === 'scale' ? scale.shift() : text.shift();
    if (value !== undefined) form.set(answerField(q.id), String(value));
  }
  return answerRound(testContext(db, input.now), {
    token,
    ip: input.ip ?? '192.0.2.1',
    form,
  });
}
