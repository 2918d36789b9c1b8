import { type Theme, themes } from '#db/schema/values';

export { type Theme, themes };

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}
