/** Invoice run periods: a calendar month of Helsinki days, chosen as `YYYY-MM`. */
import { addDays, helsinkiDate, type LocalDate } from '~/time/helsinki';

import type { BillingPeriod } from './billable-sessions.server';

/** The month `YYYY-MM` as its first and last day; null when it is no month. */
export function monthPeriod(month: string): BillingPeriod | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month.trim());
  if (!match) return null;
  const [year, mon] = [Number(match[1]), Number(match[2])];
  const next = mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, '0')}-01`;
  return { start: `${match[1]}-${match[2]}-01`, end: addDays(next as LocalDate, -1) };
}

/** The month before the one `now` falls in, in Helsinki: what is usually invoiced next. */
export function previousMonth(now: Date): string {
  const firstOfThisMonth = `${helsinkiDate(now).slice(0, 7)}-01`;
  return addDays(firstOfThisMonth as LocalDate, -1).slice(0, 7);
}
