/**
 * ISO 8601 weeks (2026-W48), the calendar's unit: Monday to Sunday in Helsinki, the week's
 * Thursday deciding which year it belongs to.
 */
import { addDays, helsinkiDate, helsinkiInstant, isoWeekday, type LocalDate } from './helsinki';

export interface IsoWeek {
  year: number;
  week: number;
}

const DAY = 24 * 60 * 60_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO week a date belongs to: the week's Thursday decides the year. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 4 - isoWeekday(`${year}-01-04`));
  const week = Math.round(daysBetween(firstThursday, thursday) / 7) + 1;
  return { year, week };
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;
}

/** The Monday of an ISO week. */
export function mondayOf({ year, week }: IsoWeek): LocalDate {
  // 4 January is always in week 1.
  const jan4 = `${pad(year, 4)}-01-04`;
  return addDays(jan4, (week - 1) * 7 + 1 - isoWeekday(jan4));
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The years a week in a URL may belong to: their weeks and the weeks beside them are dates. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/**
 * '2026-W48' → { year: 2026, week: 48 }; null for anything else, for week 53 of a 52-week
 * year, and for years outside 1900–2999.
 */
export function parseIsoWeek(value: string | null | undefined): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const candidate = { year: Number(match[1]), week: Number(match[2]) };
  if (candidate.year < FIRST_YEAR || candidate.year > LAST_YEAR) return null;
  if (candidate.week < 1 || candidate.week > 53) return null;
  const roundTrip = isoWeekOf(mondayOf(candidate));
  return roundTrip.year === candidate.year && roundTrip.week === candidate.week ? candidate : null;
}

export function currentIsoWeek(now: Date): IsoWeek {
  return isoWeekOf(helsinkiDate(now));
}

export function shiftWeek(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(addDays(mondayOf(week), weeks * 7));
}

/** The seven dates of a week and the instants where it starts and ends in Helsinki. */
export function weekBounds(week: IsoWeek): { days: LocalDate[]; start: Date; end: Date } {
  const monday = mondayOf(week);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { days, start: helsinkiInstant(monday), end: helsinkiInstant(addDays(monday, 7)) };
}
