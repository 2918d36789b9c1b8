import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { CalendarControls } from '~/calendar/calendar-controls';
import { monthLabel } from '~/calendar/labels';
import { MonthGrid } from '~/calendar/month-grid';
import { TimeGrid } from '~/calendar/time-grid';
import { calendarHref, parseCalendarQuery, viewDays } from '~/calendar/view';
import { domainContext } from '~/domain/context';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { type CalendarSession, getCalendar } from '~/sessions/calendar.server';
import { shortDate, weekdayLabel } from '~/sessions/labels';
import { helsinkiDate, helsinkiInstant, helsinkiTime, type LocalDate } from '~/time/helsinki';
import { isoWeekOf } from '~/time/iso-week';
import { PageHeader } from '~/ui/app-shell';
import { Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.calendar.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const today = helsinkiDate(ctx.now);
  const wanted = parseCalendarQuery(new URL(request.url).searchParams, today);
  const days = viewDays(wanted.view, wanted.date);
  const calendar = await getCalendar(ctx, actor, {
    from: days[0] ?? wanted.date,
    to: days[days.length - 1] ?? wanted.date,
    supervisorId: wanted.supervisorId,
    contractId: wanted.contractId,
  });
  // What is shown, which may differ from what was asked (an unknown contract is dropped).
  const query = {
    ...wanted,
    supervisorId: calendar.own ? null : calendar.supervisorId,
    contractId: calendar.contractId,
  };
  return { query, days, today, nowTime: helsinkiTime(ctx.now), calendar };
}

export default function Calendar() {
  const t = useT();
  const locale = useLocale();
  const { query, days, today, nowTime, calendar } = useLoaderData<typeof loader>();
  const longDate = (date: LocalDate) => formatDate(helsinkiInstant(date, '12:00'), locale);
  const heading =
    query.view === 'day'
      ? t('calendar.dayHeading', {
          weekday: t(weekdayLabel(query.date)),
          date: longDate(query.date),
        })
      : query.view === 'week'
        ? t('sessions.calendar.weekHeading', {
            week: isoWeekOf(query.date).week,
            start: shortDate(days[0] ?? query.date, locale),
            end: longDate(days[days.length - 1] ?? query.date),
          })
        : t('calendar.monthHeading', {
            month: t(monthLabel(query.date)),
            year: query.date.slice(0, 4),
          });
  const sessionHref = (session: CalendarSession) =>
    calendar.own ? `/sessions/${session.id}` : `/contracts/${session.contractId}`;
  const bookHref = calendar.own
    ? (date: LocalDate, time: string) => {
        const params = new URLSearchParams({ date, time });
        if (query.contractId) params.set('contractId', query.contractId);
        return `/sessions/new?${params.toString()}`;
      }
    : null;
  const shownName = calendar.own
    ? null
    : (calendar.supervisors.find((s) => s.id === calendar.supervisorId)?.name ?? '');
  const empty =
    calendar.sessions.length === 0
      ? t(
          query.view === 'day'
            ? 'calendar.emptyDay'
            : query.view === 'week'
              ? 'sessions.calendar.emptyWeek'
              : 'calendar.emptyMonth',
        )
      : null;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t('sessions.calendar.title')} />
        {calendar.own ? (
          <Link
            to={query.contractId ? `/sessions/new?contractId=${query.contractId}` : '/sessions/new'}
            className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900"
          >
            {t('sessions.new')}
          </Link>
        ) : null}
      </div>
      <CalendarControls
        query={query}
        heading={heading}
        supervisors={calendar.supervisors}
        contracts={calendar.contracts}
      />
      <div className="mb-4 flex flex-col gap-2">
        {shownName !== null ? (
          <Notice>{t('calendar.othersCalendar', { name: shownName })}</Notice>
        ) : null}
        {empty ? <Notice>{empty}</Notice> : null}
        {calendar.own && query.view !== 'month' ? (
          <p className="text-sm text-slate-700">{t('calendar.bookHint')}</p>
        ) : null}
      </div>
      {query.view === 'month' ? (
        <MonthGrid
          days={days}
          month={query.date.slice(0, 7)}
          sessions={calendar.sessions}
          today={today}
          dayHref={(date) => calendarHref(query, { view: 'day', date })}
          sessionHref={sessionHref}
        />
      ) : (
        <TimeGrid
          days={days}
          sessions={calendar.sessions}
          today={today}
          nowTime={nowTime}
          bookHref={bookHref}
          sessionHref={sessionHref}
        />
      )}
    </>
  );
}
