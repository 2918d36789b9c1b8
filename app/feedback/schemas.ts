/** The forms of feedback rounds: creating one, inviting respondents, the practice setting. */
import { z } from 'zod';

import { feedbackQuestionKinds } from '#db/schema/values';
import type { FieldErrors } from '~/forms/parse';
import type { MessageKey } from '~/i18n';
import { isLocalDate } from '~/time/helsinki';

import {
  CUSTOM_QUESTION_SLOTS,
  MAX_ANSWERS_SETTING,
  MAX_QUESTIONS,
  MIN_ANSWERS_FLOOR,
  MIN_QUESTIONS,
  starterQuestion,
} from './starter-questions';

export type NewQuestion =
  | { source: 'starter'; starterKey: string; kind: 'scale' | 'text' }
  | { source: 'custom'; text: string; kind: 'scale' | 'text' };

export interface NewRound {
  title: string;
  closesOn: string;
  questions: NewQuestion[];
}

const customKind = z.enum(feedbackQuestionKinds).catch('scale');

/**
 * Reads the new-round form: checked starter questions (`starter`, repeated) in the order of
 * the starter set, then the custom questions typed into their slots.
 */
export function parseNewRound(
  form: FormData,
): { ok: true; data: NewRound } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: Record<string, MessageKey[]> = {};
  const title = String(form.get('title') ?? '').trim();
  if (!title) fieldErrors.title = ['form.required'];
  else if (title.length > 200) fieldErrors.title = ['form.tooLong'];
  const closesOn = String(form.get('closesOn') ?? '').trim();
  if (!closesOn) fieldErrors.closesOn = ['form.required'];
  else if (!isLocalDate(closesOn)) fieldErrors.closesOn = ['feedback.error.invalidDate'];
  const chosen = new Set(form.getAll('starter').map(String));
  const questions: NewQuestion[] = [];
  for (const key of chosen) {
    const starter = starterQuestion(key);
    if (starter) questions.push({ source: 'starter', starterKey: key, kind: starter.kind });
  }
  for (let n = 1; n <= CUSTOM_QUESTION_SLOTS; n++) {
    const text = String(form.get(`custom${n}`) ?? '').trim();
    if (!text) continue;
    if (text.length > 300) {
      fieldErrors[`custom${n}`] = ['form.tooLong'];
      continue;
    }
    questions.push({ source: 'custom', text, kind: customKind.parse(form.get(`custom${n}Kind`)) });
  }
  if (questions.length < MIN_QUESTIONS || questions.length > MAX_QUESTIONS) {
    fieldErrors.questions = ['feedback.error.questionCount'];
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: { title, closesOn, questions } };
}

export const minAnswersSchema = z.object({
  minAnswers: z.coerce
    .number({ error: 'feedback.settings.range' })
    .int('feedback.settings.range')
    .min(MIN_ANSWERS_FLOOR, 'feedback.settings.range')
    .max(MAX_ANSWERS_SETTING, 'feedback.settings.range'),
});

/** Addresses typed one per line (commas and spaces also separate them). */
export function parseAddresses(raw: string): { valid: string[]; invalid: string[] } {
  const items = raw
    .split(/[\s,;]+/)
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(items)];
  const valid = unique.filter((a) => z.email().safeParse(a).success && a.length <= 254);
  return { valid, invalid: unique.filter((a) => !valid.includes(a)) };
}
