/**
 * Forms about a session's outcome beyond the first click: who cancelled and why, marking a
 * past session cancelled, correcting a recorded outcome and waiving a charge.
 */

import { cancellers } from '#db/schema/values';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { Field, SelectField } from '~/ui/form';

import { cancellerLabel } from './labels';

/** Who cancelled and why; `past` adds when, since a past session's cancellation came earlier. */
export function CancellationFields({
  failure,
  past,
}: {
  failure: FormFailure | undefined;
  past: boolean;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        name="cancelledBy"
        label={t('sessions.cancelledBy')}
        hint={t('sessions.cancelledByHint')}
        failure={failure}
        defaultValue=""
        options={[
          { value: '', label: t('sessions.chooseCanceller') },
          ...cancellers.map((by) => ({ value: by, label: t(cancellerLabel[by]) })),
        ]}
      />
      <Field
        name="cancellationReason"
        label={t('sessions.cancellationReason')}
        hint={t('sessions.cancellationReasonHint')}
        required={false}
        failure={failure}
      />
      {past ? (
        <Field
          name="cancelledAt"
          type="datetime-local"
          label={t('sessions.cancelledAt')}
          hint={t('sessions.cancelledAtHint')}
          required={false}
          failure={failure}
        />
      ) : null}
    </>
  );
}

/**
 * Who of a team or group came. Every box starts ticked, or as last recorded; after a refused
 * submission, as it was sent.
 */
export function AttendanceFields({
  legend,
  participants,
  sent,
  failure,
}: {
  legend: string;
  participants: { id: string; name: string; attended?: boolean | null }[];
  sent: readonly string[] | undefined;
  failure: FormFailure | undefined;
}) {
  const t = useT();
  const errors = failure?.fieldErrors.attended ?? [];
  return (
    <fieldset
      id="field-attended"
      className="flex flex-col gap-2"
      aria-describedby={errors.length ? 'field-attended-error' : undefined}
    >
      <legend className="mb-1 font-medium">{legend}</legend>
      {errors.length ? (
        <ul id="field-attended-error" className="text-sm text-red-800">
          {errors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
      {/* Tells the action that the list was shown, so no ticks means nobody came. */}
      <input type="hidden" name="attendance" value="recorded" />
      {participants.map((participant) => (
        <div key={participant.id} className="flex items-center gap-2">
          <input
            id={`attended-${participant.id}`}
            type="checkbox"
            name="attended"
            value={participant.id}
            defaultChecked={sent ? sent.includes(participant.id) : participant.attended !== false}
            className="h-5 w-5 accent-teal-800"
          />
          <label htmlFor={`attended-${participant.id}`}>{participant.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function useCancellationLabels() {
  const t = useT();
  return {
    cancelledBy: t('sessions.cancelledBy'),
    cancellationReason: t('sessions.cancellationReason'),
    cancelledAt: t('sessions.cancelledAt'),
    attended: t('sessions.attendance'),
  };
}

/** The outcomes a recorded one can be corrected to. */
export const correctableOutcomes = ['held', 'no_show', 'cancelled'] as const;
