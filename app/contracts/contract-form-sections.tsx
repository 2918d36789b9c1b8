import { disclosureLevels, payers } from '#db/schema/values';
import { themes } from '#db/schema/values';
import { useT } from '~/i18n/react';
import { Field, SelectField } from '~/ui/form';

import { GroupErrors, isChecked, Section, type SectionProps, shownValue } from './form-parts';
import { goalIdField, goalTextField, goalThemeField, maxGoals, vatChoices } from './form-values';

/** A checkbox that shows what was sent after a failed submit, else the stored value. */
function Checkbox(props: SectionProps & { name: string; label: string }) {
  const id = `field-${props.name}`;
  return (
    <div className="flex items-center gap-2">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        defaultChecked={isChecked(props, props.name)}
        className="h-5 w-5 accent-teal-800"
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function ContentSection(props: SectionProps) {
  const t = useT();
  const { failure } = props;
  const goalErrors = failure?.fieldErrors.goals?.length ? true : undefined;
  return (
    <Section title={t('contracts.content')}>
      <Field
        name="guidingQuestion"
        rows={3}
        required={false}
        label={t('contracts.guidingQuestion')}
        hint={t('contracts.guidingQuestionHint')}
        defaultValue={shownValue(props, 'guidingQuestion')}
        failure={failure}
      />
      <fieldset
        id="field-goals"
        tabIndex={-1}
        aria-invalid={goalErrors}
        aria-describedby={`goals-hint${goalErrors ? ' goals-error' : ''}`}
        className="flex flex-col gap-3"
      >
        <legend className="font-medium text-slate-800">{t('contracts.goals')}</legend>
        <p id="goals-hint" className="text-sm text-slate-600">
          {t('contracts.goalsHint')}
        </p>
        <GroupErrors id="goals-error" failure={failure} name="goals" />
        {Array.from({ length: maxGoals }, (_, index) => {
          const n = index + 1;
          return (
            <div key={n} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_14rem]">
              <input
                type="hidden"
                name={goalIdField(n)}
                value={shownValue(props, goalIdField(n)) ?? ''}
              />
              <Field
                name={goalTextField(n)}
                required={false}
                label={t('contracts.goalText', { n })}
                defaultValue={shownValue(props, goalTextField(n))}
                failure={failure}
              />
              <SelectField
                name={goalThemeField(n)}
                label={t('contracts.goalTheme', { n })}
                options={[
                  { value: '', label: t('contracts.noTheme') },
                  ...themes.map((theme) => ({
                    value: theme,
                    label: t(`theme.${theme}`),
                  })),
                ]}
                defaultValue={shownValue(props, goalThemeField(n))}
                failure={failure}
              />
            </div>
          );
        })}
      </fieldset>
      <Field
        name="methods"
        rows={3}
        required={false}
        label={t('contracts.methods')}
        defaultValue={shownValue(props, 'methods')}
        failure={failure}
      />
    </Section>
  );
}

export function MoneySection(props: SectionProps) {
  const t = useT();
  const { failure } = props;
  return (
    <Section title={t('contracts.money')}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field
          name="price"
          label={t('contracts.price')}
          hint={t('contracts.priceHint')}
          autoComplete="off"
          defaultValue={shownValue(props, 'price')}
          failure={failure}
        />
        <SelectField
          name="vat"
          label={t('contracts.vat')}
          options={vatChoices.map((choice) => ({
            value: choice,
            label: t(`contracts.vat.${choice}`),
          }))}
          defaultValue={shownValue(props, 'vat')}
          failure={failure}
        />
        <SelectField
          name="payer"
          label={t('contracts.payer')}
          options={payers.map((payer) => ({ value: payer, label: t(`contracts.payer.${payer}`) }))}
          defaultValue={shownValue(props, 'payer')}
          failure={failure}
        />
      </div>
      <Field
        name="vatExemptReason"
        required={false}
        label={t('contracts.vatExemptReason')}
        hint={t('contracts.vatExemptReasonHint')}
        defaultValue={shownValue(props, 'vatExemptReason')}
        failure={failure}
      />
    </Section>
  );
}

export function CancellationSection(props: SectionProps) {
  const t = useT();
  return (
    <Section title={t('contracts.cancellation')}>
      <Field
        name="cancellationNoticeHours"
        type="number"
        min={0}
        max={336}
        label={t('contracts.cancellationNoticeHours')}
        defaultValue={shownValue(props, 'cancellationNoticeHours')}
        failure={props.failure}
        className="max-w-xs"
      />
      <Checkbox
        {...props}
        name="chargeLateCancellation"
        label={t('contracts.chargeLateCancellation')}
      />
      <Checkbox {...props} name="chargeNoShow" label={t('contracts.chargeNoShow')} />
    </Section>
  );
}

export function ConfidentialitySection(props: SectionProps) {
  const t = useT();
  const { failure } = props;
  return (
    <Section title={t('contracts.confidentiality')}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          name="commissionerDisclosure"
          label={t('contracts.commissionerDisclosure')}
          hint={t('contracts.commissionerDisclosureHint')}
          options={disclosureLevels.map((level) => ({
            value: level,
            label: t(`contracts.disclosure.${level}`),
          }))}
          defaultValue={shownValue(props, 'commissionerDisclosure')}
          failure={failure}
        />
        <Field
          name="retentionMonths"
          type="number"
          min={1}
          max={120}
          label={t('contracts.retentionMonths')}
          defaultValue={shownValue(props, 'retentionMonths')}
          failure={failure}
        />
      </div>
    </Section>
  );
}
