import type { MetaArgs } from '@remix-run/node';

import { defaultLocale, isLocale, type MessageKey, translate } from './index';

/**
 * A translated page title, "Kirjaudu sisään – Ohjaamo". Meta functions cannot use hooks, so
 * the language is read from the root loader's data among the matches.
 */
export function pageTitle(matches: MetaArgs['matches'], key: MessageKey) {
  const rootData = matches.find((match) => match.id === 'root')?.data as
    { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : defaultLocale;
  return [{ title: `${translate(locale, key)} – ${translate(locale, 'app.name')}` }];
}
