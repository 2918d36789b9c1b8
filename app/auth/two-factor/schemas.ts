import { z } from 'zod';

import { checkbox } from '~/forms/fields';

/** Error messages are catalogue keys; the form translates them. */
const codeField = z
  .string({ error: 'form.required' })
  .trim()
  .min(1, 'form.required')
  .max(64, 'form.tooLong');

const optionalField = z.string().max(1000, 'form.tooLong').optional().default('');

export const secondFactorSchema = z.object({ code: codeField });

export const confirmEnrolmentSchema = z.object({ code: codeField });

/** A current code from the app, or the password: either one will do. */
export const regenerateRecoveryCodesSchema = z
  .object({ code: optionalField, password: optionalField })
  .refine((v) => v.code.trim() !== '' || v.password !== '', {
    message: 'twoFactor.codeOrPasswordNeeded',
    path: ['code'],
  });

// Named apart from the recovery-code form's fields, which share the page (and so the ids).
export const removeTwoFactorSchema = z.object({
  removalPassword: z
    .string({ error: 'form.required' })
    .min(1, 'form.required')
    .max(1000, 'form.tooLong'),
  removalCode: codeField,
});

export const twoFactorRequirementSchema = z.object({
  requireStaff: checkbox,
  requireSupervisees: checkbox,
});
