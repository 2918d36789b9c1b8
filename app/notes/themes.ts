/**
 * The four themes of a manager's supervision. Every session note has a part for each; the
 * keys are stored in the database, so they never change.
 */
export const themes = ['role', 'power', 'environment', 'dialogue'] as const;
export type Theme = (typeof themes)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}
