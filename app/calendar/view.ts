/**
 * Which part of the calendar a URL shows: the view (day, week, month), the date it is about
 * and the filters. Everything is in the URL so that every view is a plain link that works
 * without JavaScript, and a bad parameter shows the nearest sensible page instead of an error.
 */
import { addDays, isLocalDate, isoWeekday, type LocalDate } from '~/time/helsinki';
import { isoWeekOf, mondayOf, parseIsoWeek } from '~/time/iso-week';

export const calendarViews = ['day', 'week', 'month'] as const;
export type CalendarView = (typeof calendarViews)[number];

export interface CalendarQuery {
  view: CalendarView;
  date: LocalDate;
  /** Whose calendar: honoured for the practice owner only (see getCalendar). */
  supervisorId: string | null;
  contractId: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Years outside this range are typos, and their neighbouring weeks are not all dates. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

function parseDate(value: string | null): LocalDate | null {
  if (!value || !isLocalDate(value)) return null;
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR ? value : null;
}

function parseId(value: string | null): string | null {
  return value && uuidPattern.test(value) ? value.toLowerCase() : null;
}

/**
 * Reads `?view=day|week|month&date=YYYY-MM-DD&supervisor=…&contract=…`. The older
 * `?week=2026-W48` still opens that week. Anything unreadable falls back to today's week.
 */
export function parseCalendarQuery(params: URLSearchParams, today: LocalDate): CalendarQuery {
  const viewParam = params.get('view');
  const week = parseIsoWeek(params.get('week'));
  const view = calendarViews.find((v) => v === viewParam) ?? 'week';
  const date = parseDate(params.get('date')) ?? (week ? mondayOf(week) : today);
  return {
    view,
    date,
    supervisorId: parseId(params.get('supervisor')),
    contractId: parseId(params.get('contract')),
  };
}

/** The first day of the date's month. */
export function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `months` away from the date's month. */
export function shiftMonth(date: LocalDate, months: number): LocalDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/**
 * The days a view shows, in order: one day, a Monday-to-Sunday week, or a month as whole
 * weeks (so the month grid starts on a Monday and ends on a Sunday).
 */
export function viewDays(view: CalendarView, date: LocalDate): LocalDate[] {
  if (view === 'day') return [date];
  if (view === 'week') {
    const monday = mondayOf(isoWeekOf(date));
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  }
  const first = monthStart(date);
  const last = addDays(shiftMonth(date, 1), -1);
  const start = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const days: LocalDate[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The date the previous or next page of the view is about. */
export function stepDate(view: CalendarView, date: LocalDate, step: -1 | 1): LocalDate {
  if (view === 'day') return addDays(date, step);
  if (view === 'week') return addDays(date, step * 7);
  return shiftMonth(date, step);
}

/**
 * A link to the calendar with some of the query changed. A date of null means today, so
 * the "today" links stay right however long a page is left open.
 */
export function calendarHref(
  query: CalendarQuery,
  changes: Partial<Omit<CalendarQuery, 'date'>> & { date?: LocalDate | null },
): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams({ view: next.view });
  if (next.date) params.set('date', next.date);
  if (next.supervisorId) params.set('supervisor', next.supervisorId);
  if (next.contractId) params.set('contract', next.contractId);
  return `/calendar?${params.toString()}`;
}
