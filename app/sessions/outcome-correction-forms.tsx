/**
 * Correcting a recorded outcome and waiving a charge: forms shown only on a session whose
 * outcome is recorded and not yet invoiced. The session page loads this module's code after
 * the page (see app/ui/deferred-part.tsx); the server renders the forms in full.
 */
import { Form } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

import { statusLabel } from './labels';
import {
  AttendanceFields,
  CancellationFields,
  correctableOutcomes as outcomes,
  useCancellationLabels,
} from './outcome-corrections';

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
