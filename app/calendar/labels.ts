/** How the calendar names days and months, in the catalogue's words. */
import type { Locale, MessageKey } from '~/i18n';
import { formatTime } from '~/i18n/format';
import { helsinkiInstant, isoWeekday, type LocalDate } from '~/time/helsinki';

const weekdayShortLabels: MessageKey[] = [
  'calendar.weekdayShort.monday',
  'calendar.weekdayShort.tuesday',
  'calendar.weekdayShort.wednesday',
  'calendar.weekdayShort.thursday',
  'calendar.weekdayShort.friday',
  'calendar.weekdayShort.saturday',
  'calendar.weekdayShort.sunday',
];

const monthLabels: MessageKey[] = [
  'calendar.month.january',
  'calendar.month.february',
  'calendar.month.march',
  'calendar.month.april',
  'calendar.month.may',
  'calendar.month.june',
  'calendar.month.july',
  'calendar.month.august',
  'calendar.month.september',
  'calendar.month.october',
  'calendar.month.november',
  'calendar.month.december',
];

/** "ti" / "Tue". */
export function weekdayShortLabel(date: LocalDate): MessageKey {
  return weekdayShortLabels[isoWeekday(date) - 1] ?? 'calendar.weekdayShort.monday';
}

/** The weekdays Monday to Sunday, for a month's column headings. */
export const weekdayShortLabelsInOrder: readonly MessageKey[] = weekdayShortLabels;

export function monthLabel(date: LocalDate): MessageKey {
  return monthLabels[Number(date.slice(5, 7)) - 1] ?? 'calendar.month.january';
}

/** A wall-clock time ('10:30') as the locale writes it: 10.30 / 10:30. */
export function clockTime(date: LocalDate, time: string, locale: Locale): string {
  return formatTime(helsinkiInstant(date, time), locale);
}
