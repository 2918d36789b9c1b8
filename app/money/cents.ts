/**
 * Money is integer cents, always euros: cents are stored and summed, and text appears only at
 * the edges — what a form shows and reads back, and what a page displays.
 */
import type { Locale } from '~/i18n';
import { formatEuros } from '~/i18n/format';

/**
 * Euros as people write them — `150`, `150,50` (Finnish comma), `1 500,00 €` — to integer
 * cents; null when it is not an amount.
 */
export function eurosToCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0€]/g, '');
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** Cents back to the form's notation: 15050 → "150,50", 15000 → "150". */
export function centsToEuros(cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  return fraction === 0 ? String(whole) : `${whole},${String(fraction).padStart(2, '0')}`;
}

/** 1 234,50 € in Finnish; €1,234.50 in English. */
export function formatMoney(cents: number, locale: Locale): string {
  return formatEuros(cents, locale);
}
