/**
 * Forms about a session's outcome beyond the first click: who cancelled and why, marking a
 * past session cancelled, correcting a recorded outcome and waiving a charge.
 */
import { Form } from '@remix-run/react';

import { cancellers } from '#db/schema/values';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

import { cancellerLabel, statusLabel } from './labels';

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

const outcomes = ['held', 'no_show', 'cancelled'] as const;

/**
 * Replaces a recorded outcome by another, after an explicit confirmation. A team or group
 * says who came in case the right outcome is "held"; `pastAllowance` warns that an outcome
 * that counts makes the session extra.
 */
export function CorrectionForm({
  current,
  failure,
  attendance,
  pastAllowance,
}: {
  current: (typeof outcomes)[number];
  failure: FormFailure | undefined;
  attendance: {
    participants: { id: string; name: string; attended: boolean | null }[];
    sent: readonly string[] | undefined;
  } | null;
  pastAllowance: { agreed: number; counted: number } | null;
}) {
  const t = useT();
  const labels = useCancellationLabels();
  // A cancelled session stays a choice of its own, to correct who cancelled or when.
  const choices = outcomes.filter((status) => status !== current || status === 'cancelled');
  const suggested = choices.find((status) => status !== current);
  return (
    <Panel id="correct-heading" title={t('sessions.correct')}>
      <p className="text-slate-700">{t('sessions.correctLead')}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="correct" />
        <FormErrors
          failure={failure}
          labels={{
            ...labels,
            status: t('sessions.correctTo'),
            confirmCorrection: t('sessions.confirmCorrection'),
          }}
        />
        <SelectField
          name="status"
          label={t('sessions.correctTo')}
          failure={failure}
          defaultValue={suggested}
          options={choices.map((status) => ({ value: status, label: t(statusLabel[status]) }))}
        />
        {attendance && choices.includes('held') ? (
          <AttendanceFields
            legend={t('sessions.correctAttendance')}
            participants={attendance.participants}
            sent={attendance.sent}
            failure={failure}
          />
        ) : null}
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t('sessions.outcomeCancelledLegend')}</legend>
          <p className="text-sm text-slate-600">{t('sessions.correctCancelHint')}</p>
          <CancellationFields failure={failure} past />
        </fieldset>
        {pastAllowance ? (
          <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
            {t('sessions.correctPastAllowance', pastAllowance)}
          </p>
        ) : null}
        <CheckboxField
          name="confirmCorrection"
          label={t('sessions.confirmCorrection')}
          failure={failure}
        />
        <SubmitButton>{t('sessions.correctSubmit')}</SubmitButton>
      </Form>
    </Panel>
  );
}

/** Lets a chargeable late cancellation or no-show go uninvoiced, with a reason. */
export function WaiveForm({ failure }: { failure: FormFailure | undefined }) {
  const t = useT();
  return (
    <Panel id="waive-heading" title={t('sessions.waive')}>
      <p className="text-slate-700">{t('sessions.waiveLead')}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="waive" />
        <FormErrors failure={failure} labels={{ waiveReason: t('sessions.waiveReason') }} />
        <Field name="waiveReason" label={t('sessions.waiveReason')} failure={failure} />
        <SubmitButton>{t('sessions.waiveSubmit')}</SubmitButton>
      </Form>
    </Panel>
  );
}
