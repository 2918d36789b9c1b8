import { timeZone } from '~/time/helsinki';

import type { Locale } from './index';

export const intlLocale: Record<Locale, string> = { fi: 'fi-FI', en: 'en-GB' };

/** 22.11.2026 in Finnish; 22/11/2026 in English. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(date);
}

/** 9.05 in Finnish; 09:05 in English. */
export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return `${formatDate(date, locale)} ${formatTime(date, locale)}`;
}
