import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { getCalendarWeek } from '~/sessions/calendar.server';
import { shortDate } from '~/sessions/labels';
import { WeekCalendar } from '~/sessions/week-calendar';
import { helsinkiDate, helsinkiInstant } from '~/time/helsinki';
import { currentIsoWeek, formatIsoWeek, parseIsoWeek, shiftWeek } from '~/time/iso-week';
import { PageHeader } from '~/ui/app-shell';
import { Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.calendar.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const now = new Date();
  const thisWeek = currentIsoWeek(now);
  // A missing or malformed ?week= shows the current week rather than an error.
  const week = parseIsoWeek(new URL(request.url).searchParams.get('week')) ?? thisWeek;
  const calendar = await getCalendarWeek(domainContext(context), actor, week);
  return {
    calendar,
    today: helsinkiDate(now),
    links: {
      previous: formatIsoWeek(shiftWeek(week, -1)),
      current: formatIsoWeek(thisWeek),
      next: formatIsoWeek(shiftWeek(week, 1)),
    },
  };
}

const navLinkClass =
  'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-slate-900 no-underline hover:bg-slate-100';

export default function Calendar() {
  const t = useT();
  const locale = useLocale();
  const { calendar, today, links } = useLoaderData<typeof loader>();
  const firstDay = calendar.days[0]?.date ?? today;
  const lastDay = calendar.days[calendar.days.length - 1]?.date ?? today;
  const isEmpty = calendar.days.every((day) => day.sessions.length === 0);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t('sessions.calendar.title')} />
        <Link
          to="/sessions/new"
          className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900"
        >
          {t('sessions.new')}
        </Link>
      </div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {t('sessions.calendar.weekHeading', {
            week: calendar.week.week,
            start: shortDate(firstDay, locale),
            end: formatDate(helsinkiInstant(lastDay, '12:00'), locale),
          })}
        </h2>
        <nav aria-label={t('sessions.calendar.weekNav')}>
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link to={`?week=${links.previous}`} className={navLinkClass}>
                <span aria-hidden="true">← </span>
                {t('sessions.calendar.previousWeek')}
              </Link>
            </li>
            <li>
              <Link to={`?week=${links.current}`} className={navLinkClass}>
                {t('sessions.calendar.thisWeek')}
              </Link>
            </li>
            <li>
              <Link to={`?week=${links.next}`} className={navLinkClass}>
                {t('sessions.calendar.nextWeek')}
                <span aria-hidden="true"> →</span>
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      {isEmpty ? (
        <div className="mb-4">
          <Notice>{t('sessions.calendar.emptyWeek')}</Notice>
        </div>
      ) : null}
      <WeekCalendar days={calendar.days} today={today} />
    </>
  );
}
