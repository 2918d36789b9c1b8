/**
 * Zod building blocks for form fields. Messages are catalogue keys; empty optional fields
 * become null so the database holds no empty strings.
 */
import { z } from 'zod';

export function requiredText(max = 200) {
  return z
    .string({ error: 'form.required' })
    .trim()
    .min(1, 'form.required')
    .max(max, 'form.tooLong');
}

export function optionalText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((value) => value || null);
}

export const optionalEmail = optionalText(254)
  .refine((value) => value === null || z.email().safeParse(value).success, 'form.invalidEmail')
  .transform((value) => value?.toLowerCase() ?? null);

export const optionalPhone = optionalText(30).refine(
  (value) => value === null || /^\+?[0-9][0-9 ()-]{4,24}$/.test(value),
  'form.invalidPhone',
);

export const optionalPostalCode = optionalText(10).refine(
  (value) => value === null || /^\d{5}$/.test(value),
  'form.invalidPostalCode',
);

/** Checkbox: present means on. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

export const listStatus = z.enum(['active', 'archived']).catch('active');

/** A list's `?page=`: anything but a whole number from 1 up reads as the first page. */
export const listPage = z.coerce.number().int().min(1).max(1_000_000).catch(1);
