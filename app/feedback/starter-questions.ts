/**
 * The starter set a supervisee picks feedback questions from: a few per theme of a manager's
 * supervision, written as questions a team member can answer about their own manager. Stored
 * by key, so a round shows each question in the respondent's language.
 */
import type { FeedbackQuestionKind, Theme } from '#db/schema/values';

export interface StarterQuestion {
  key: string;
  theme: Theme;
  kind: FeedbackQuestionKind;
}

export const starterQuestions = [
  { key: 'roleExpectations', theme: 'role', kind: 'scale' },
  { key: 'roleReachable', theme: 'role', kind: 'scale' },
  { key: 'roleMoreOf', theme: 'role', kind: 'text' },
  { key: 'powerFairness', theme: 'power', kind: 'scale' },
  { key: 'powerReasons', theme: 'power', kind: 'scale' },
  { key: 'powerHardMoments', theme: 'power', kind: 'text' },
  { key: 'environmentGoals', theme: 'environment', kind: 'scale' },
  { key: 'environmentMeetings', theme: 'environment', kind: 'scale' },
  { key: 'environmentRoom', theme: 'environment', kind: 'text' },
  { key: 'dialogueListening', theme: 'dialogue', kind: 'scale' },
  { key: 'dialogueFeedback', theme: 'dialogue', kind: 'scale' },
  { key: 'dialogueChange', theme: 'dialogue', kind: 'text' },
] as const satisfies readonly StarterQuestion[];

export type StarterKey = (typeof starterQuestions)[number]['key'];

export function starterQuestion(key: string): StarterQuestion | undefined {
  return starterQuestions.find((q) => q.key === key);
}

/** The catalogue key of a starter question's wording. */
export const starterMessageKey = (key: StarterKey) => `feedback.q.${key}` as const;

/** How many questions a round has, and how many the supervisee may write themself. */
export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 8;
export const CUSTOM_QUESTION_SLOTS = 3;
/** The fewest answers before results show; a practice may raise it, never lower. */
export const MIN_ANSWERS_FLOOR = 3;
export const MAX_ANSWERS_SETTING = 20;
