import { z } from 'zod';

import { isCommonPassword } from './common-passwords';

/** Error messages are catalogue keys; the form translates them. */
export const emailField = z
  .string({ error: 'form.required' })
  .trim()
  .min(1, 'form.required')
  .max(254, 'form.tooLong')
  .pipe(z.email('form.invalidEmail'))
  .transform(normaliseEmail);

export const newPasswordField = z
  .string({ error: 'form.required' })
  .min(10, 'auth.password.tooShort')
  .max(200, 'auth.password.tooLong')
  .refine((p) => !isCommonPassword(p), 'auth.password.common');

const nameField = z
  .string({ error: 'form.required' })
  .trim()
  .min(1, 'form.required')
  .max(200, 'form.tooLong');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function passwordIsNotEmail<T extends { email: string; password: string }>(schema: z.ZodType<T>) {
  return schema.refine((v) => v.password.trim().toLowerCase() !== v.email, {
    message: 'auth.password.sameAsEmail',
    path: ['password'],
  });
}

export const signUpSchema = passwordIsNotEmail(
  z.object({
    practiceName: nameField,
    name: nameField,
    email: emailField,
    password: newPasswordField,
  }),
);

export const logInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'form.required' }).min(1, 'form.required').max(1000, 'form.tooLong'),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const requestSignInCodeSchema = z.object({ email: emailField });

/** A mailed code: six digits, typed with or without spaces or a dash between them. */
export const signInCodeSchema = z.object({
  email: emailField,
  code: z
    .string({ error: 'form.required' })
    .transform((code) => code.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'form.required')
        .regex(/^\d{6}$/, 'signInCode.codeFormat'),
    ),
});

export const resetPasswordSchema = z.object({ password: newPasswordField });

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: 'form.required' }).min(1, 'form.required'),
  password: newPasswordField,
});

export const acceptInvitationSchema = z.object({ name: nameField, password: newPasswordField });

export const profileSchema = z.object({
  name: nameField,
  locale: z.enum(['fi', 'en', '']).optional(),
});
