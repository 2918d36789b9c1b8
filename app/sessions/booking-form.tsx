import { Form } from '@remix-run/react';

import { useT } from '~/i18n/react';
import { CheckboxField, Field, SelectField, SubmitButton } from '~/ui/form';

import {
  BookingErrors,
  type BookingProblem,
  ExtraConfirmation,
  PastConfirmation,
  WhenFields,
} from './form-parts';
import { evaluationLabel } from './labels';
import { seriesLimits } from './limits';

export interface BookableContract {
  id: string;
  code: string;
  sessionMinutes: number;
  /** Weeks between sessions; an empty "every N weeks" books a series at this rhythm. */
  rhythmWeeks: number | null;
  participantNames: string;
}

const evaluationOptions = ['none', 'start', 'middle', 'end'] as const;

/** Booking one session or a series on one of the supervisor's active contracts. */
export function BookingForm({
  contracts,
  selectedContract,
  when,
  problem,
}: {
  contracts: BookableContract[];
  selectedContract: BookableContract | undefined;
  /** A date and time to start from, e.g. the calendar slot that was chosen. */
  when?: { date?: string | undefined; time?: string | undefined };
  problem: BookingProblem | undefined;
}) {
  const t = useT();
  const failure = problem?.failure;
  return (
    <Form method="post" className="flex max-w-3xl flex-col gap-5" noValidate>
      <BookingErrors problem={problem} />
      <SelectField
        name="contractId"
        label={t('sessions.contract')}
        defaultValue={selectedContract?.id ?? ''}
        failure={failure}
        options={[
          { value: '', label: t('sessions.chooseContractOption') },
          ...contracts.map((contract) => ({
            value: contract.id,
            label: contract.participantNames
              ? `${contract.code} – ${contract.participantNames}`
              : contract.code,
          })),
        ]}
      />
      <WhenFields
        failure={failure}
        defaults={{ ...when, minutes: selectedContract?.sessionMinutes }}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          name="evaluationKind"
          label={t('sessions.evaluation')}
          defaultValue="none"
          failure={failure}
          options={evaluationOptions.map((kind) => ({
            value: kind,
            label: t(evaluationLabel[kind]),
          }))}
        />
        <Field
          name="location"
          label={t('sessions.location')}
          hint={t('sessions.locationHint')}
          required={false}
          failure={failure}
        />
      </div>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-medium">{t('sessions.series')}</legend>
        <CheckboxField name="repeat" label={t('sessions.repeat')} failure={failure} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            name="everyWeeks"
            type="number"
            label={t('sessions.everyWeeks')}
            hint={
              selectedContract?.rhythmWeeks
                ? t('sessions.everyWeeksHintRhythm', {
                    rhythm: t('contracts.everyWeeks', { n: selectedContract.rhythmWeeks }),
                  })
                : t('sessions.everyWeeksHint')
            }
            required={false}
            min={1}
            max={seriesLimits.maxEveryWeeks}
            failure={failure}
          />
          <Field
            name="count"
            type="number"
            label={t('sessions.count')}
            hint={t('sessions.countHint')}
            required={false}
            min={1}
            max={seriesLimits.maxCount}
            failure={failure}
          />
        </div>
      </fieldset>
      <PastConfirmation problem={problem} />
      <ExtraConfirmation problem={problem} />
      <SubmitButton>{t('sessions.book')}</SubmitButton>
    </Form>
  );
}
