/**
 * The month view: whole weeks, each day a link to its day view (named with its number of
 * sessions), and on wider screens the day's first sessions as links of their own.
 */
import { Link } from '@remix-run/react';

import { formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import type { CalendarSession } from '~/sessions/calendar.server';
import { shortDate } from '~/sessions/labels';
import { helsinkiDate, type LocalDate } from '~/time/helsinki';

import { weekdayShortLabel, weekdayShortLabelsInOrder } from './labels';

/** More would make the rows uneven; the rest are behind the day's link. */
const SHOWN_PER_DAY = 3;

export function MonthGrid({
  days,
  month,
  sessions,
  today,
  dayHref,
  sessionHref,
}: {
  days: LocalDate[];
  /** 'YYYY-MM' of the month shown; other days in its weeks are dimmed. */
  month: string;
  sessions: CalendarSession[];
  today: LocalDate;
  dayHref: (date: LocalDate) => string;
  sessionHref: (session: CalendarSession) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const weeks: LocalDate[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <table className="w-full table-fixed border-collapse rounded-lg bg-white text-sm">
      <thead>
        <tr>
          {weekdayShortLabelsInOrder.map((key) => (
            <th key={key} scope="col" className="border border-slate-300 py-1 font-semibold">
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const own = sessions.filter((s) => helsinkiDate(s.startsAt) === date);
              const isToday = date === today;
              const inMonth = date.startsWith(month);
              const label = shortDate(date, locale);
              const name =
                own.length === 0
                  ? t('calendar.monthDayNone', { date: label })
                  : own.length === 1
                    ? t('calendar.monthDayOne', { date: label })
                    : t('calendar.monthDayMany', { date: label, count: own.length });
              return (
                <td
                  key={date}
                  aria-current={isToday ? 'date' : undefined}
                  className={`h-16 border align-top sm:h-28 ${
                    isToday ? 'border-2 border-teal-800 bg-teal-50' : 'border-slate-300'
                  } ${inMonth ? '' : 'bg-slate-50 text-slate-600'}`}
                >
                  <Link
                    to={dayHref(date)}
                    aria-label={`${t(weekdayShortLabel(date))} ${name}`}
                    className="flex flex-col items-start p-1 text-slate-900 no-underline hover:bg-slate-100"
                  >
                    <span aria-hidden="true" className={isToday ? 'font-bold' : 'font-medium'}>
                      {Number(date.slice(8, 10))}
                    </span>
                    {own.length > 0 ? (
                      <span
                        aria-hidden="true"
                        className="rounded bg-teal-800 px-1 text-xs text-white sm:hidden"
                      >
                        {own.length}
                      </span>
                    ) : null}
                  </Link>
                  {own.length > 0 ? (
                    <ul className="hidden flex-col gap-0.5 px-1 pb-1 sm:flex">
                      {own.slice(0, SHOWN_PER_DAY).map((session) => (
                        <li key={session.id} className="min-w-0">
                          <Link
                            to={sessionHref(session)}
                            className={`block truncate rounded bg-teal-50 px-1 text-xs text-slate-900 no-underline hover:bg-teal-100 ${
                              session.status === 'cancelled' ? 'line-through' : ''
                            }`}
                          >
                            {formatTime(session.startsAt, locale)} {session.contractCode}
                          </Link>
                        </li>
                      ))}
                      {own.length > SHOWN_PER_DAY ? (
                        <li className="text-xs text-slate-700">
                          {t('calendar.more', { count: own.length - SHOWN_PER_DAY })}
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
