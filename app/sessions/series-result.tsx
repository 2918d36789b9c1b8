/**
 * The page after a series was booked with dates left out: how many were booked, and for each
 * date left out what is in the way, a form to book it at another time that day, and the way
 * onward for leaving it out.
 */
import { Form, Link } from '@remix-run/react';

import { formatDate, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { FormErrors, Notice, SubmitButton } from '~/ui/form';

import { type BookingProblem, ExtraConfirmation, PastConfirmation, TimeField } from './form-parts';
import type { SeriesDateLeftOut, SeriesResult } from './series-result.server';

/** A refused "book at another time": which date's form it was, and what to show on it. */
export type SeriesDateProblem = BookingProblem & { date: string };

const linkClass = 'text-teal-900 underline';

export function SeriesResultView({
  result,
  problem,
}: {
  result: SeriesResult;
  problem: SeriesDateProblem | undefined;
}) {
  const t = useT();
  const open = result.leftOut.filter((date) => !date.rebooked);
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <p role="status" className="text-lg font-medium">
        {t('sessions.seriesResult.booked', { count: result.booked, total: result.wanted })}
      </p>
      <p>
        {t('sessions.seriesResult.terms', {
          code: result.contractCode,
          minutes: result.minutes,
        })}
      </p>
      {open.length > 0 ? (
        <p>{t('sessions.seriesResult.lead')}</p>
      ) : (
        <Notice>{t('sessions.seriesResult.allBooked')}</Notice>
      )}
      <ul className="flex flex-col gap-4">
        {result.leftOut.map((date) => (
          <li key={date.startsAt.toISOString()}>
            <DateLeftOut
              result={result}
              date={date}
              problem={problem?.date === date.date ? problem : undefined}
            />
          </li>
        ))}
      </ul>
      {open.length === 0 ? <Onward result={result} /> : null}
    </div>
  );
}

/** Where the supervisor goes on once the dates left out are settled or left out. */
function Onward({ result }: { result: SeriesResult }) {
  const t = useT();
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-2">
      <Link to={`/contracts/${result.contractId}`} className={linkClass}>
        {t('sessions.seriesResult.toContract')}
      </Link>
      {result.firstSessionId ? (
        <Link to={`/sessions/${result.firstSessionId}`} className={linkClass}>
          {t('sessions.seriesResult.toFirstSession')}
        </Link>
      ) : null}
    </p>
  );
}

function DateLeftOut({
  result,
  date,
  problem,
}: {
  result: SeriesResult;
  date: SeriesDateLeftOut;
  problem: SeriesDateProblem | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const headingId = `left-out-${date.date}`;
  const timeId = `field-time-${date.date}`;
  const day = formatDate(date.startsAt, locale);
  // The time field's errors are shown under the id of this date's field, so the summary's
  // link finds it among the forms of the other dates.
  const failure = problem && {
    ...problem.failure,
    fieldErrors: Object.fromEntries(
      Object.entries(problem.failure.fieldErrors).map(([field, keys]) => [
        field === 'time' ? `time-${date.date}` : field,
        keys,
      ]),
    ),
  };
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {t('sessions.seriesResult.dateHeading', {
          date: day,
          time: formatTime(date.startsAt, locale),
        })}
      </h2>
      {date.rebooked ? (
        <p>
          {t('sessions.seriesResult.rebooked', {
            time: formatTime(date.rebooked.startsAt, locale),
          })}{' '}
          <Link to={`/sessions/${date.rebooked.id}`} className={linkClass}>
            {t('sessions.seriesResult.openSession')}
          </Link>
        </p>
      ) : (
        <>
          {date.clashesWith.length > 0 ? (
            <div>
              <p>{t('sessions.seriesResult.clashesWith')}</p>
              <ul className="list-disc pl-5">
                {date.clashesWith.map((other) => {
                  const times = {
                    start: formatTime(other.startsAt, locale),
                    end: formatTime(other.endsAt, locale),
                  };
                  return (
                    <li key={other.startsAt.toISOString()}>
                      {other.contractCode === null
                        ? t('sessions.seriesResult.clashingElsewhere', times)
                        : t('sessions.seriesResult.clashingSession', {
                            ...times,
                            code: other.contractCode,
                          })}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : (
            <p>{t('sessions.seriesResult.nowFree')}</p>
          )}
          <Form method="post" className="flex flex-col gap-3" noValidate>
            <h3 className="font-medium">{t('sessions.seriesResult.otherTime')}</h3>
            <FormErrors failure={failure} labels={{ [`time-${date.date}`]: t('sessions.time') }} />
            <input type="hidden" name="date" value={date.date} />
            <TimeField
              id={timeId}
              name="time"
              label={t('sessions.time')}
              hint={t('sessions.timeHint')}
              failure={problem?.failure}
              defaultValue={date.time}
            />
            <PastConfirmation problem={problem} />
            <ExtraConfirmation problem={problem} />
            <SubmitButton>{t('sessions.seriesResult.bookOn', { date: day })}</SubmitButton>
          </Form>
          <div className="flex flex-col gap-1">
            <p>{t('sessions.seriesResult.leaveOut')}</p>
            <Onward result={result} />
          </div>
        </>
      )}
    </section>
  );
}
