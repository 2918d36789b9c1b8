import { z } from 'zod';

import { themes } from '#db/schema/values';
import { checkbox, requiredText } from '~/forms/fields';
import { isLocalDate } from '~/time/helsinki';

/** The owner's exercise form: a title and instructions in both languages, a theme or none. */
export const exerciseSchema = z.object({
  theme: z
    .enum([...themes, ''])
    .optional()
    .transform((value) => value || null),
  titleFi: requiredText(200),
  titleEn: requiredText(200),
  instructionsFi: requiredText(5000),
  instructionsEn: requiredText(5000),
});

/** The supervisor's assignment form on the contract page. */
export const assignSchema = z.object({
  exerciseId: z.uuid({ error: 'form.required' }),
  clientId: z.uuid({ error: 'form.required' }),
  dueOn: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isLocalDate(value), 'exercises.invalidDate'),
});

/** The supervisee's answer: saved as a draft, or submitted (and perhaps shared). */
export const answerSchema = z
  .object({
    answer: z
      .string()
      .trim()
      .max(20_000, 'form.tooLong')
      .optional()
      .transform((v) => v ?? ''),
    intent: z.enum(['draft', 'submit']).catch('draft'),
    share: checkbox,
  })
  .refine((form) => form.intent === 'draft' || form.answer.length > 0, {
    message: 'exercises.answerRequired',
    path: ['answer'],
  });
