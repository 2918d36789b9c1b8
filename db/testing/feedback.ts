/** Feedback rounds for tests, made through the same use case as the portal's form. */
import { createRound } from '~/feedback/rounds.server';
import type { NewQuestion } from '~/feedback/schemas';
import type { SuperviseeActor } from '~/practices/actor';
import { addDays, helsinkiDate } from '~/time/helsinki';

import type { Db } from '../client';
import { testContext } from './context';

export const sampleQuestions: NewQuestion[] = [
  { source: 'starter', starterKey: 'role.expectations', kind: 'scale' },
  { source: 'starter', starterKey: 'dialogue.listening', kind: 'scale' },
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
