import type { z } from 'zod';

import { isMessageKey, type MessageKey } from '~/i18n';

export type FieldErrors = Partial<Record<string, MessageKey[]>>;

export type FormResult<T> =
  { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form. On failure it returns the translated-message keys per field
 * and what was typed (passwords excepted), so the form can be shown again as it was.
 */
export function parseForm<T>(schema: z.ZodType<T>, formData: FormData): FormResult<T> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string') raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : 'error.invalid';
    const list = (fieldErrors[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return { ok: false, fieldErrors, values: withoutSecrets(raw) };
}

export function withoutSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key)));
}

/** The shape actions return when a form must be shown again. */
export interface FormFailure {
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  formError?: MessageKey;
}

export function formFailure(
  values: Record<string, string> | FormData,
  fieldErrors: FieldErrors = {},
  formError?: MessageKey,
): FormFailure {
  const plain: Record<string, string> = {};
  if (values instanceof FormData) {
    for (const [key, value] of values) if (typeof value === 'string') plain[key] = value;
  } else Object.assign(plain, values);
  return { fieldErrors, values: withoutSecrets(plain), ...(formError ? { formError } : {}) };
}
