/**
 * Forms about a session's outcome beyond the first click: who cancelled and why, marking a
 * past session cancelled, correcting a recorded outcome and waiving a charge.
 */
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';

import { cancellers } from '#db/schema/values';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton } from '~/ui/form';

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

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const outcomes = ['held', 'no_show', 'cancelled'] as const;

/** Replaces a recorded outcome by another, after an explicit confirmation. */
export function CorrectionForm({
  current,
  failure,
}: {
  current: (typeof outcomes)[number];
  failure: FormFailure | undefined;
}) {
  const t = useT();
  const choices = outcomes.filter((status) => status !== current);
  return (
    <Panel id="correct-heading" title={t('sessions.correct')}>
      <p className="text-slate-700">{t('sessions.correctLead')}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="correct" />
        <FormErrors failure={failure} />
        <SelectField
          name="status"
          label={t('sessions.correctTo')}
          failure={failure}
          defaultValue={choices[0]}
          options={choices.map((status) => ({ value: status, label: t(statusLabel[status]) }))}
        />
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t('sessions.outcomeCancelledLegend')}</legend>
          <p className="text-sm text-slate-600">{t('sessions.correctCancelHint')}</p>
          <CancellationFields failure={failure} past />
        </fieldset>
        <CheckboxField
          name="confirmCorrection"
          label={t('sessions.confirmCorrection')}
          failure={failure}
        />
        {failure?.fieldErrors.confirmCorrection ? (
          <p className="text-sm text-red-800">{t('sessions.confirmCorrectionRequired')}</p>
        ) : null}
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
        <FormErrors failure={failure} />
        <Field name="waiveReason" label={t('sessions.waiveReason')} failure={failure} />
        <SubmitButton>{t('sessions.waiveSubmit')}</SubmitButton>
      </Form>
    </Panel>
  );
}
