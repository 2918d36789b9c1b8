import { Form, Link } from '@remix-run/react';

import { supervisionForms } from '#db/schema/values';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SelectField, SubmitButton } from '~/ui/form';

import {
  CancellationSection,
  ConfidentialitySection,
  ContentSection,
  MoneySection,
} from './contract-form-sections';
import { GroupErrors, isChecked, Section, type SectionProps, shownValue } from './form-parts';
import { type ContractFormValues, participantField } from './form-values';

export interface ContractFormChoices {
  supervisors: { id: string; name: string }[];
  commissioners: { id: string; name: string }[];
  clients: { id: string; name: string; organisation: string | null }[];
}

/** The contract form, in the order of the profession's contract checklist. */
export function ContractForm({
  values,
  choices,
  failure,
  submitLabel,
  cancelTo,
}: {
  values: ContractFormValues;
  choices: ContractFormChoices;
  failure: FormFailure | undefined;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const section = { values, failure };
  return (
    <Form method="post" className="flex max-w-3xl flex-col gap-6" noValidate>
      <FormErrors
        failure={failure}
        labels={{
          supervisorId: t('contracts.supervisor'),
          commissionerId: t('contracts.commissioner'),
          form: t('contracts.form'),
          code: t('contracts.code'),
          participants: t('contracts.participants'),
          sessionsAgreed: t('contracts.sessionsAgreed'),
          sessionMinutes: t('contracts.sessionMinutes'),
          rhythmWeeks: t('contracts.rhythmWeeks'),
          startsOn: t('contracts.startsOn'),
          plannedEndOn: t('contracts.plannedEndOn'),
          location: t('contracts.location'),
          remoteLink: t('contracts.remoteLink'),
          guidingQuestion: t('contracts.guidingQuestion'),
          goals: t('contracts.goals'),
          methods: t('contracts.methods'),
          price: t('contracts.price'),
          vat: t('contracts.vat'),
          payer: t('contracts.payer'),
          vatExemptReason: t('contracts.vatExemptReason'),
          cancellationNoticeHours: t('contracts.cancellationNoticeHours'),
          commissionerDisclosure: t('contracts.commissionerDisclosure'),
          retentionMonths: t('contracts.retentionMonths'),
        }}
      />
      <PartiesSection {...section} choices={choices} />
      <PracticalitiesSection {...section} />
      <ContentSection {...section} />
      <MoneySection {...section} />
      <CancellationSection {...section} />
      <ConfidentialitySection {...section} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelTo}>{t('form.cancel')}</Link>
      </div>
    </Form>
  );
}

function PartiesSection(props: SectionProps & { choices: ContractFormChoices }) {
  const t = useT();
  const { choices, failure } = props;
  const participantErrors = failure?.fieldErrors.participants?.length ? true : undefined;
  return (
    <Section title={t('contracts.parties')}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          name="supervisorId"
          label={t('contracts.supervisor')}
          options={choices.supervisors.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={shownValue(props, 'supervisorId')}
          failure={failure}
        />
        <SelectField
          name="commissionerId"
          label={t('contracts.commissioner')}
          hint={choices.commissioners.length === 0 ? t('contracts.noCommissioners') : undefined}
          options={[
            { value: '', label: t('contracts.chooseCommissioner') },
            ...choices.commissioners.map((c) => ({ value: c.id, label: c.name })),
          ]}
          defaultValue={shownValue(props, 'commissionerId')}
          failure={failure}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          name="form"
          label={t('contracts.form')}
          options={supervisionForms.map((form) => ({
            value: form,
            label: t(`contracts.form.${form}`),
          }))}
          defaultValue={shownValue(props, 'form')}
          failure={failure}
        />
        <Field
          name="code"
          label={t('contracts.code')}
          hint={t('contracts.codeHint')}
          autoComplete="off"
          defaultValue={shownValue(props, 'code')}
          failure={failure}
        />
      </div>
      <fieldset
        id="field-participants"
        tabIndex={-1}
        aria-invalid={participantErrors}
        aria-describedby={`participants-hint${participantErrors ? ' participants-error' : ''}`}
        className="flex flex-col gap-2"
      >
        <legend className="font-medium text-slate-800">{t('contracts.participants')}</legend>
        <p id="participants-hint" className="text-sm text-slate-600">
          {choices.clients.length === 0
            ? t('contracts.noClients')
            : t('contracts.participantsHint')}
        </p>
        <GroupErrors id="participants-error" failure={failure} name="participants" />
        <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {choices.clients.map((client) => {
            const name = participantField(client.id);
            return (
              <li key={client.id} className="flex items-center gap-2">
                <input
                  id={`field-${name}`}
                  name={name}
                  type="checkbox"
                  defaultChecked={isChecked(props, name)}
                  className="h-5 w-5 accent-teal-800"
                />
                <label htmlFor={`field-${name}`}>
                  {client.name}
                  {client.organisation ? (
                    <span className="text-slate-600"> ({client.organisation})</span>
                  ) : null}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </Section>
  );
}

function PracticalitiesSection(props: SectionProps) {
  const t = useT();
  const { failure } = props;
  return (
    <Section title={t('contracts.practicalities')}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field
          name="sessionsAgreed"
          type="number"
          min={1}
          max={200}
          label={t('contracts.sessionsAgreed')}
          defaultValue={shownValue(props, 'sessionsAgreed')}
          failure={failure}
        />
        <Field
          name="sessionMinutes"
          type="number"
          min={15}
          max={240}
          label={t('contracts.sessionMinutes')}
          defaultValue={shownValue(props, 'sessionMinutes')}
          failure={failure}
        />
        <Field
          name="rhythmWeeks"
          type="number"
          min={1}
          max={26}
          required={false}
          label={t('contracts.rhythmWeeks')}
          hint={t('contracts.rhythmWeeksHint')}
          defaultValue={shownValue(props, 'rhythmWeeks')}
          failure={failure}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          name="startsOn"
          type="date"
          label={t('contracts.startsOn')}
          defaultValue={shownValue(props, 'startsOn')}
          failure={failure}
        />
        <Field
          name="plannedEndOn"
          type="date"
          required={false}
          label={t('contracts.plannedEndOn')}
          defaultValue={shownValue(props, 'plannedEndOn')}
          failure={failure}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          name="location"
          required={false}
          label={t('contracts.location')}
          defaultValue={shownValue(props, 'location')}
          failure={failure}
        />
        <Field
          name="remoteLink"
          type="url"
          required={false}
          label={t('contracts.remoteLink')}
          defaultValue={shownValue(props, 'remoteLink')}
          failure={failure}
        />
      </div>
    </Section>
  );
}
