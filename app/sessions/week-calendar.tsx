import { Link } from '@remix-run/react';

import { formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import type { LocalDate } from '~/time/helsinki';

import type { CalendarSession } from './calendar.server';
import { shortDate, statusLabel, weekdayLabel } from './labels';

/**
 * Seven columns on wide screens; on a phone the same list reads as one day after another.
 * Today is marked in words (and aria-current), not only by colour.
 */
export function WeekCalendar({
  days,
  today,
}: {
  days: { date: LocalDate; sessions: CalendarSession[] }[];
  today: LocalDate;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="grid grid-cols-1 gap-3 sm:grid-cols-7 sm:gap-2">
      {days.map((day) => {
        const isToday = day.date === today;
        return (
          <li
            key={day.date}
            aria-current={isToday ? 'date' : undefined}
            className={`flex min-w-0 flex-col gap-2 rounded-lg border bg-white p-3 sm:p-2 ${
              isToday ? 'border-2 border-teal-800' : 'border-slate-200'
            }`}
          >
            <h3 className="flex flex-wrap items-baseline gap-x-2 text-base font-semibold sm:flex-col sm:text-sm">
              <span>
                {t(weekdayLabel(day.date))} {shortDate(day.date, locale)}
              </span>
              {isToday ? (
                <span className="rounded bg-teal-800 px-1.5 text-xs font-medium text-white">
                  {t('sessions.calendar.today')}
                </span>
              ) : null}
            </h3>
            {day.sessions.length === 0 ? (
              <p className="text-sm text-slate-600">{t('sessions.calendar.emptyDay')}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {day.sessions.map((session) => (
                  <li key={session.id}>
                    <SessionCard session={session} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function SessionCard({ session }: { session: CalendarSession }) {
  const t = useT();
  const locale = useLocale();
  const cancelled = session.status === 'cancelled';
  const timeRange = `${formatTime(session.startsAt, locale)}–${formatTime(session.endsAt, locale)}`;
  return (
    <Link
      to={`/sessions/${session.id}`}
      className={`flex flex-col gap-0.5 break-words rounded-md border-l-4 px-2 py-1.5 text-sm text-slate-900 no-underline hover:bg-slate-50 ${
        cancelled ? 'border-slate-400 bg-slate-50' : 'border-teal-700 bg-teal-50'
      }`}
    >
      <span className={`font-semibold ${cancelled ? 'line-through' : ''}`}>{timeRange}</span>
      <span className={cancelled ? 'line-through' : undefined}>
        {session.contractCode}
        {session.number !== null ? (
          <>
            {' · '}
            {t('sessions.numberOf', { number: session.number, total: session.sessionsAgreed })}
          </>
        ) : null}
      </span>
      {session.participantNames ? (
        <span className={cancelled ? 'line-through' : undefined}>{session.participantNames}</span>
      ) : null}
      <span className="text-xs font-medium text-slate-700">{t(statusLabel[session.status])}</span>
    </Link>
  );
}
