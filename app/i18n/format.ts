import { timeZone } from '~/time/helsinki';

import type { Locale } from './index';

export const intlLocale: Record<Locale, string> = { fi: 'fi-FI', en: 'en-GB' };

/**
 * Building an Intl formatter costs far more than using one (it loads locale data and resolves
 * options; measured as over half of a contract page's CPU when built per call), so each is
 * built once per locale and options and kept for the life of the process.
 */
function cached<F>(build: (tag: string) => F): (locale: Locale) => F {
  const made = new Map<Locale, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = build(intlLocale[locale]);
      made.set(locale, formatter);
    }
    return formatter;
  };
}

const dateFormat = cached(
  (tag) =>
    new Intl.DateTimeFormat(tag, { timeZone, day: 'numeric', month: 'numeric', year: 'numeric' }),
);
const timeFormat = cached(
  (tag) => new Intl.DateTimeFormat(tag, { timeZone, hour: 'numeric', minute: '2-digit' }),
);
const moneyFormat = cached(
  (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }),
);
const percentFormat = cached((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }));

/** 22.11.2026 in Finnish; 22/11/2026 in English. */
export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale).format(date);
}

/** 9.05 in Finnish; 9:05 in English. */
export function formatTime(date: Date, locale: Locale): string {
  return timeFormat(locale).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return `${formatDate(date, locale)} ${formatTime(date, locale)}`;
}

/** Euros from cents in the locale's currency notation: 1 234,50 € / €1,234.50. */
export function formatEuros(cents: number, locale: Locale): string {
  return moneyFormat(locale).format(cents / 100);
}

/** A number with at most two decimals in the locale's notation: 25,5 / 25.5. */
export function formatDecimal(value: number, locale: Locale): string {
  return percentFormat(locale).format(value);
}
