/** Pieces the booking and rescheduling forms share. */
import { useEffect, useRef } from 'react';

import type { FormFailure } from '~/forms/parse';
import { formatDate, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { CheckboxField, Field, FormErrors } from '~/ui/form';

import { maxSessionMinutes, minSessionMinutes } from './limits';

/** What a booking or rescheduling action returns when the form must be shown again. */
export interface BookingProblem {
  failure: FormFailure;
  /** The time was in the past and the "already held" box was not ticked. */
  needsPastConfirmation?: boolean;
  /** Start times of a series that collide with existing sessions. */
  collisions?: Date[];
  /** The booking goes past the contract's allowance and was not confirmed as extra. */
  allowance?: { agreed: number; counted: number; extra: number };
}

/**
 * The shared Field has no type=time, so the time input is wired here the same way: label,
 * hint and errors tied to the input for screen readers. `id` tells apart several forms with
 * a time on one page.
 */
export function TimeField({
  name,
  label,
  hint,
  failure,
  defaultValue,
  id = `field-${name}`,
}: {
  name: string;
  label: string;
  hint: string;
  failure: FormFailure | undefined;
  defaultValue: string | undefined;
  id?: string;
}) {
  const t = useT();
  const errors = failure?.fieldErrors[name] ?? [];
  const describedBy = [`${id}-hint`, errors.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <input
        id={id}
        name={name}
        type="time"
        required
        step={300}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 aria-[invalid]:border-red-700"
      />
      {errors.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-800">
          {errors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Date, start time and length, in Finnish time. */
export function WhenFields({
  failure,
  defaults,
}: {
  failure: FormFailure | undefined;
  defaults: { date?: string; time?: string; minutes?: number | null };
}) {
  const t = useT();
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
      <Field
        name="date"
        type="date"
        label={t('sessions.date')}
        defaultValue={defaults.date}
        failure={failure}
      />
      <TimeField
        name="time"
        label={t('sessions.time')}
        hint={t('sessions.timeHint')}
        defaultValue={defaults.time}
        failure={failure}
      />
      <Field
        name="minutes"
        type="number"
        label={t('sessions.minutes')}
        hint={t('sessions.minutesHint')}
        required={false}
        min={minSessionMinutes}
        max={maxSessionMinutes}
        step={5}
        defaultValue={defaults.minutes}
        failure={failure}
      />
    </div>
  );
}

/** Shown once a past time was sent: the box that says it is on purpose. */
export function PastConfirmation({ problem }: { problem: BookingProblem | undefined }) {
  const t = useT();
  if (!problem) return null;
  // Stays once ticked, so another error on the same submission does not lose the answer.
  if (!problem.needsPastConfirmation && problem.failure.values.confirmPast !== 'on') return null;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
      <p>{t('sessions.pastWarning')}</p>
      <CheckboxField
        name="confirmPast"
        label={t('sessions.confirmPastLabel')}
        failure={problem.failure}
      />
    </div>
  );
}

/** Shown when a booking goes past the allowance: the box that books the rest as extra. */
export function ExtraConfirmation({ problem }: { problem: BookingProblem | undefined }) {
  const t = useT();
  if (!problem) return null;
  const { allowance } = problem;
  // Stays once ticked, so another error on the same submission does not lose the answer.
  if (!allowance && problem.failure.values.bookAsExtra !== 'on') return null;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
      {allowance ? <p>{t('sessions.allowanceWarning', allowance)}</p> : null}
      <CheckboxField
        name="bookAsExtra"
        label={t('sessions.bookAsExtraLabel')}
        failure={problem.failure}
      />
    </div>
  );
}

/**
 * The error summary; for a colliding series it also lists the dates that collide, focused
 * the same way so a screen reader starts there.
 */
export function BookingErrors({ problem }: { problem: BookingProblem | undefined }) {
  const t = useT();
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const collisions = problem?.collisions ?? [];
  useEffect(() => {
    if (collisions.length > 0) ref.current?.focus();
  }, [problem, collisions.length]);
  if (collisions.length === 0) {
    return (
      <FormErrors
        failure={problem?.failure}
        labels={{
          contractId: t('sessions.contract'),
          evaluationKind: t('sessions.evaluation'),
          location: t('sessions.location'),
          everyWeeks: t('sessions.everyWeeks'),
          count: t('sessions.count'),
          date: t('sessions.date'),
          time: t('sessions.time'),
          minutes: t('sessions.minutes'),
          confirmPast: t('sessions.confirmPastLabel'),
        }}
      />
    );
  }
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="flex flex-col gap-1 rounded-md border border-red-700 bg-red-50 p-3 text-red-900"
    >
      <p>{t('sessions.seriesCollides')}</p>
      <ul className="list-disc pl-5">
        {collisions.map((start) => (
          <li key={start.toISOString()}>
            {formatDate(start, locale)} {formatTime(start, locale)}
          </li>
        ))}
      </ul>
    </div>
  );
}
