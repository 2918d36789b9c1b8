/**
 * The four themes of a manager's supervision. Stored as these keys wherever a theme is
 * recorded (goals, notes, prompts), so the keys never change.
 */
export const themes = ['role', 'power', 'environment', 'dialogue'] as const;
export type Theme = (typeof themes)[number];
