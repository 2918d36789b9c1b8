import type { MetaArgs, MetaDescriptor } from '@remix-run/node';

import {
  defaultLocale,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
  translate,
} from './index';

/** Meta functions cannot use hooks: the language comes from the root loader's data. */
export function metaLocale(matches: MetaArgs['matches']): Locale {
  const rootData = matches.find((match) => match.id === 'root')?.data as
    { locale?: unknown } | undefined;
  return isLocale(rootData?.locale) ? rootData.locale : defaultLocale;
}

/**
 * A page title that names the page, "Kirjaudu sisään – Ohjaamo". `name` puts what the page is
 * about before it ("Maria Lehtonen – Työnohjattavat – Ohjaamo") once the loader has found it;
 * a key with parameters names it by itself ("Lasku 1042 – Ohjaamo").
 */
export function pageTitle(
  matches: MetaArgs['matches'],
  key: MessageKey | [MessageKey, MessageParams],
  name?: string | null,
): MetaDescriptor[] {
  const locale = metaLocale(matches);
  const page = typeof key === 'string' ? translate(locale, key) : translate(locale, ...key);
  const parts = [name, page, translate(locale, 'app.name')];
  return [{ title: parts.filter((part) => part).join(' – ') }];
}
