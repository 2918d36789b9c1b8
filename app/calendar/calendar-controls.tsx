/** The calendar's header: which view, a step back or forward, and the "go to / filter" form. */
import { Form, Link } from '@remix-run/react';

import type { MessageKey } from '~/i18n';
import { useT } from '~/i18n/react';
import { Field, SelectField } from '~/ui/form';

import {
  calendarHref,
  type CalendarQuery,
  type CalendarView,
  calendarViews,
  stepDate,
} from './view';

const viewLabel: Record<CalendarView, MessageKey> = {
  day: 'calendar.view.day',
  week: 'calendar.view.week',
  month: 'calendar.view.month',
};

const stepLabels: Record<
  CalendarView,
  { previous: MessageKey; now: MessageKey; next: MessageKey }
> = {
  day: { previous: 'calendar.previousDay', now: 'calendar.today', next: 'calendar.nextDay' },
  week: {
    previous: 'sessions.calendar.previousWeek',
    now: 'sessions.calendar.thisWeek',
    next: 'sessions.calendar.nextWeek',
  },
  month: {
    previous: 'calendar.previousMonth',
    now: 'calendar.thisMonth',
    next: 'calendar.nextMonth',
  },
};

const buttonClass =
  'inline-block rounded-md border border-slate-400 bg-white px-2.5 py-1 text-sm text-slate-900 sm:px-3 sm:py-1.5 sm:text-base no-underline hover:bg-slate-100 aria-[current=page]:border-teal-800 aria-[current=page]:bg-teal-800 aria-[current=page]:text-white';

export function CalendarControls({
  query,
  heading,
  supervisors,
  contracts,
}: {
  query: CalendarQuery;
  heading: string;
  /** The owner's choice of whose calendar; empty for a supervisor. */
  supervisors: { id: string; name: string }[];
  contracts: { id: string; code: string; participantNames: string }[];
}) {
  const t = useT();
  const steps = stepLabels[query.view];
  return (
    <div className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{heading}</h2>
        <nav aria-label={t('calendar.views')}>
          <ul className="flex flex-wrap gap-1">
            {calendarViews.map((view) => (
              <li key={view}>
                <Link
                  to={calendarHref(query, { view })}
                  aria-current={view === query.view ? 'page' : undefined}
                  className={buttonClass}
                >
                  {t(viewLabel[view])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <nav aria-label={t('calendar.stepNav')}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to={calendarHref(query, { date: stepDate(query.view, query.date, -1) })}
              className={buttonClass}
            >
              <span aria-hidden="true">← </span>
              {t(steps.previous)}
            </Link>
          </li>
          <li>
            <Link to={calendarHref(query, { date: null })} className={buttonClass}>
              {t(steps.now)}
            </Link>
          </li>
          <li>
            <Link
              to={calendarHref(query, { date: stepDate(query.view, query.date, 1) })}
              className={buttonClass}
            >
              {t(steps.next)}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        </ul>
      </nav>
      <Form
        method="get"
        action="/calendar"
        // A new page of the calendar shows its own values, not what the form held before.
        key={`${query.view}/${query.date}/${query.supervisorId}/${query.contractId}`}
        aria-label={t('calendar.filters')}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="view" value={query.view} />
        <Field
          name="date"
          type="date"
          label={t('calendar.goToDate')}
          defaultValue={query.date}
          required={false}
        />
        {supervisors.length > 0 ? (
          <SelectField
            name="supervisor"
            label={t('calendar.supervisor')}
            className="max-w-full min-w-0"
            defaultValue={query.supervisorId ?? ''}
            options={[
              { value: '', label: t('calendar.ownCalendar') },
              ...supervisors.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        ) : null}
        {contracts.length > 0 ? (
          <SelectField
            name="contract"
            label={t('calendar.contract')}
            // Long contract names must not widen a phone's page.
            className="max-w-full min-w-0"
            defaultValue={query.contractId ?? ''}
            options={[
              { value: '', label: t('calendar.allContracts') },
              ...contracts.map((c) => ({
                value: c.id,
                label: c.participantNames ? `${c.code} – ${c.participantNames}` : c.code,
              })),
            ]}
          />
        ) : null}
        <button
          type="submit"
          className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
        >
          {t('calendar.show')}
        </button>
      </Form>
    </div>
  );
}
