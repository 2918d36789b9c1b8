import type { Catalogue, MessageKey, PluralKey } from './catalogue';
import { catalogues as allCatalogues } from './catalogues';
import { formatMessage, type MessageParams } from './message-format';

export type { MessageKey } from './catalogue';

export const locales = ['fi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fi';

/** Both languages' messages; in the browser, those of the routes loaded so far. */
export const catalogues: Record<Locale, Catalogue> = allCatalogues;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type { MessageParams } from './message-format';
/** A plural message needs its number; other messages take parameters if they have any. */
export type ParamsOf<K extends MessageKey> = K extends PluralKey
  ? [params: MessageParams]
  : [params?: MessageParams];
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

export function isMessageKey(value: unknown): value is MessageKey {
  if (typeof value !== 'string') return false;
  return Object.hasOwn(catalogues.fi, value) || Object.hasOwn(catalogues.en, value);
}

/**
 * Looks up a message, fills `{name}` placeholders and picks plural forms by number
 * (`{count, plural, one {…} other {…}}`, see message-format.ts).
 */
export function translate<K extends MessageKey>(
  locale: Locale,
  key: K,
  ...[params]: ParamsOf<K>
): string {
  // In the browser a key no route asked for is missing: show the key rather than nothing.
  return formatMessage(locale, catalogues[locale][key] ?? key, params);
}

export function translator(locale: Locale): Translate {
  return (key, ...params) => translate(locale, key, ...params);
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}
