import { z } from 'zod';

/** Longer than any name, code or address a search could be looking for. */
export const maxQueryLength = 200;

/**
 * What was typed into the search field, trimmed. Control characters (a NUL would fail the
 * query in PostgreSQL) and texts past the limit are refused with a message, not searched.
 */
export const searchQuery = z
  .string()
  .trim()
  .max(maxQueryLength, 'search.tooLong')
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'search.invalid');
