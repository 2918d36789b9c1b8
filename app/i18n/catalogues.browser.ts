import type { Catalogue } from './catalogue';

type Locale = 'fi' | 'en';

/**
 * The browser's catalogues: empty until route modules fill them. The build gives each route
 * module a first statement (scripts/vite/route-messages.ts) that awaits
 * `loadRouteMessages` with the messages that route's code can show, one chunk per language,
 * so a page downloads its own messages in its own language and no others. Replaces
 * catalogues.ts in the browser build only.
 */
export const catalogues: Record<Locale, Catalogue> = {
  fi: {} as Catalogue,
  en: {} as Catalogue,
};

type MessageChunk = { default: Partial<Catalogue> };

/** The page's language, as the root route rendered it into `<html lang>`. */
function pageLocale(): Locale {
  return document.documentElement.lang === 'en' ? 'en' : 'fi';
}

export async function loadRouteMessages(
  chunks: Record<Locale, () => Promise<MessageChunk>>,
): Promise<void> {
  const locale = pageLocale();
  Object.assign(catalogues[locale], (await chunks[locale]()).default);
}
