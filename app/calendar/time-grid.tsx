/**
 * The day and week views: a column per day on a quarter-hour grid. Every session is a link
 * to its page and every free half hour a link to the booking form for that time, in time
 * order, so Tab and Enter (or a browser without JavaScript) book as well as a mouse does.
 */
import { Link, useNavigate } from '@remix-run/react';
import type { KeyboardEvent, MouseEvent } from 'react';

import { formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import type { CalendarSession } from '~/sessions/calendar.server';
import { shortDate, statusLabel, weekdayLabel } from '~/sessions/labels';
import { helsinkiDate, type LocalDate } from '~/time/helsinki';

import {
  type FreeSlot,
  hourSpan,
  layoutDay,
  nowLinePlacement,
  type PlacedSession,
  ROW_MINUTES,
} from './day-layout';
import { laneColumns, laneStart, rowEnd, rowStart } from './grid-classes';
import { clockTime, weekdayShortLabel } from './labels';

export interface TimeGridProps {
  days: LocalDate[];
  sessions: CalendarSession[];
  today: LocalDate;
  /** The Helsinki time ('HH:MM') the page was made at: today's column has a line there. */
  nowTime: string;
  /** Where a free slot leads; null when the slots are not bookable (another member's calendar). */
  bookHref: ((date: LocalDate, time: string) => string) | null;
  sessionHref: (session: CalendarSession) => string;
}

const rowsPerHour = 60 / ROW_MINUTES;

export function TimeGrid({ days, sessions, today, nowTime, bookHref, sessionHref }: TimeGridProps) {
  const t = useT();
  const locale = useLocale();
  const byDay = days.map((date) => ({
    date,
    sessions: sessions.filter((s) => helsinkiDate(s.startsAt) === date),
  }));
  const hours = hourSpan(byDay);
  const lastLine = (hours.last - hours.first) * rowsPerHour + 1;
  const hourLabels = Array.from({ length: hours.last - hours.first }, (_, i) => hours.first + i);
  const navigate = useNavigate();
  const nowLine = nowLinePlacement(nowTime, hours);
  return (
    // The arrow keys are a shortcut for what Tab already reaches; the links stay the interface.
    // A click on a free slot (a plain link: a week has some two hundred) is followed here, in
    // the page, as a router link would.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className="overflow-x-auto rounded-lg border border-slate-300 bg-white"
      onKeyDown={moveFocusByArrow}
      onClick={(event) => followSlotLink(event, navigate)}
    >
      <div className={`flex ${days.length > 1 ? 'min-w-[44rem]' : ''}`}>
        <div
          aria-hidden="true"
          className="sticky left-0 z-30 w-12 shrink-0 border-r border-slate-200 bg-white"
        >
          <div className="h-14 border-b border-slate-300" />
          <div className="grid auto-rows-[0.75rem]">
            {hourLabels.map((hour, i) => (
              <div
                key={hour}
                className={`${rowStart[i * rowsPerHour + 1]} ${rowEnd[(i + 1) * rowsPerHour + 1]} pr-1 text-right text-xs text-slate-600`}
              >
                {clockTime(today, `${String(hour).padStart(2, '0')}:00`, locale)}
              </div>
            ))}
          </div>
        </div>
        {byDay.map((day, dayIndex) => {
          const isToday = day.date === today;
          const layout = layoutDay(day.date, day.sessions, hours);
          const headingId = `day-${day.date}`;
          return (
            <section
              key={day.date}
              aria-labelledby={headingId}
              className={`min-w-0 flex-1 border-r border-slate-200 last:border-r-0 ${isToday ? 'bg-teal-50/40' : ''}`}
            >
              <h3
                id={headingId}
                aria-current={isToday ? 'date' : undefined}
                className={`flex h-14 flex-col justify-center border-b px-2 text-sm font-semibold ${
                  isToday ? 'border-b-4 border-teal-800 bg-teal-50' : 'border-slate-300'
                }`}
              >
                <span>
                  {days.length > 1 ? t(weekdayShortLabel(day.date)) : t(weekdayLabel(day.date))}{' '}
                  {shortDate(day.date, locale)}
                </span>
                {isToday ? (
                  <span className="w-fit rounded bg-teal-800 px-1.5 text-xs font-medium text-white">
                    {t('sessions.calendar.today')}
                  </span>
                ) : null}
              </h3>
              <div
                className={`grid auto-rows-[0.75rem] bg-slate-100 ${laneColumns[layout.lanes] ?? 'grid-cols-1'}`}
              >
                {layout.items.map((item) =>
                  item.kind === 'slot' ? (
                    <Slot
                      key={item.time}
                      dayIndex={dayIndex}
                      date={day.date}
                      slot={item}
                      href={bookHref ? bookHref(day.date, item.time) : null}
                    />
                  ) : (
                    <SessionBlock
                      key={item.session.id}
                      dayIndex={dayIndex}
                      placed={item}
                      href={sessionHref(item.session)}
                    />
                  ),
                )}
                <div
                  aria-hidden="true"
                  className={`${rowStart[lastLine - 1]} ${rowEnd[lastLine]}`}
                />
                {isToday && nowLine ? (
                  <NowLine {...nowLine} time={clockTime(today, nowTime, locale)} />
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** Five-minute steps within a quarter-hour row (0.75 rem): written out for Tailwind. */
const nowStep = ['mt-0', 'mt-1', 'mt-2'] as const;

/**
 * The current time across today's column, over the slots and sessions. Decorative: the
 * heading already says which day is today, and a screen reader has the times in the links.
 */
function NowLine({ line, step, time }: { line: number; step: 0 | 1 | 2; time: string }) {
  const t = useT();
  return (
    <div
      aria-hidden="true"
      data-now-line={time}
      title={t('calendar.now', { time })}
      className={`pointer-events-none relative z-20 col-span-full ${rowStart[line]} ${rowEnd[line + 1]} ${nowStep[step]} h-0 self-start border-t-2 border-red-600`}
    >
      <span className="absolute -top-1.5 -left-1 size-2.5 rounded-full bg-red-600" />
    </div>
  );
}

/** Follows a click on a free slot's link without reloading the page, unless it opens elsewhere. */
function followSlotLink(event: MouseEvent<HTMLDivElement>, navigate: (to: string) => void) {
  const link = (event.target as Element).closest('a[data-slot]');
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  if (!link || event.defaultPrevented || event.button !== 0 || modified) return;
  event.preventDefault();
  navigate(link.getAttribute('href') ?? '');
}

const arrowSteps: Record<string, { days: number; items: number }> = {
  ArrowUp: { days: 0, items: -1 },
  ArrowDown: { days: 0, items: 1 },
  ArrowLeft: { days: -1, items: 0 },
  ArrowRight: { days: 1, items: 0 },
};

/**
 * Up and down move to the previous or next time in the same day, left and right to the
 * nearest time on the day beside it, the way a calendar grid is read.
 */
function moveFocusByArrow(event: KeyboardEvent<HTMLDivElement>) {
  const step = arrowSteps[event.key];
  const from = event.target;
  if (!step || !(from instanceof HTMLElement) || from.dataset.row === undefined) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const day = Number(from.dataset.day) + step.days;
  const row = Number(from.dataset.row);
  const sameDay = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>(`[data-day="${day}"][data-row]`),
  );
  const target =
    step.days === 0
      ? sameDay[sameDay.indexOf(from) + step.items]
      : sameDay.reduce<HTMLElement | undefined>(
          (best, item) =>
            !best ||
            Math.abs(Number(item.dataset.row) - row) < Math.abs(Number(best.dataset.row) - row)
              ? item
              : best,
          undefined,
        );
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

function Slot({
  dayIndex,
  date,
  slot,
  href,
}: {
  dayIndex: number;
  date: LocalDate;
  slot: FreeSlot;
  href: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const place = `${rowStart[slot.row]} ${rowEnd[slot.row + slot.rows]} col-span-full`;
  const look = `${slot.working ? 'bg-white' : 'bg-slate-100'} ${
    slot.time.endsWith(':00')
      ? 'border-t border-slate-200'
      : 'border-t border-dashed border-slate-200'
  }`;
  if (!href) return <div aria-hidden="true" className={`${place} ${look}`} />;
  const time = clockTime(date, slot.time, locale);
  return (
    <a
      href={href}
      data-slot=""
      data-day={dayIndex}
      data-row={slot.row}
      aria-label={t('calendar.bookSlot', {
        weekday: t(weekdayShortLabel(date)),
        date: shortDate(date, locale),
        time,
      })}
      className={`${place} ${look} group flex items-center px-1 text-xs text-teal-900 no-underline hover:bg-teal-50 focus-visible:z-20 focus-visible:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-800`}
    >
      <span
        aria-hidden="true"
        className="invisible group-hover:visible group-focus-visible:visible"
      >
        + {time}
      </span>
    </a>
  );
}

function SessionBlock({
  dayIndex,
  placed,
  href,
}: {
  dayIndex: number;
  placed: PlacedSession<CalendarSession>;
  href: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { session, clash } = placed;
  const cancelled = session.status === 'cancelled';
  const timeRange = `${formatTime(session.startsAt, locale)}–${formatTime(session.endsAt, locale)}`;
  const tone = clash
    ? 'border-red-700 bg-red-50'
    : cancelled
      ? 'border-slate-400 bg-slate-50'
      : 'border-teal-700 bg-teal-50';
  return (
    <Link
      to={href}
      data-day={dayIndex}
      data-row={placed.row}
      className={`${rowStart[placed.row]} ${rowEnd[placed.row + placed.rows]} ${
        placed.alone ? 'col-span-full' : laneStart[placed.lane]
      } z-10 m-px flex min-w-0 flex-col overflow-hidden rounded border-l-4 px-1 text-xs leading-tight text-slate-900 no-underline focus-visible:z-20 ${tone}`}
    >
      <span className={`font-semibold ${cancelled ? 'line-through' : ''}`}>
        {timeRange} {session.contractCode}
      </span>
      {clash ? (
        <span className="font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {t('calendar.clash')}
        </span>
      ) : null}
      {session.participantNames ? (
        <span className={`truncate ${cancelled ? 'line-through' : ''}`}>
          {session.participantNames}
        </span>
      ) : null}
      <span className="text-slate-700">
        {t(statusLabel[session.status])}
        {session.number !== null
          ? ` · ${t('sessions.numberOf', { number: session.number, total: session.sessionsAgreed })}`
          : null}
      </span>
    </Link>
  );
}
