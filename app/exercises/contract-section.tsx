import { Form } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { formatDate } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { helsinkiInstant } from '~/time/helsinki';
import { Field, FormErrors, Notice, SelectField, SubmitButton } from '~/ui/form';

interface SectionData {
  toolkit: { id: string; titleFi: string; titleEn: string }[];
  assignments: {
    id: string;
    titleFi: string;
    titleEn: string;
    participantName: string;
    dueOn: string | null;
    sharedAnswer: string | null;
    sharedAt: string | Date | null;
  }[];
}

/**
 * Exercises between sessions on the staff contract page: the form that gives one to a
 * participant, and the exercises given, with the answers the supervisees chose to share.
 */
export function ExerciseSection({
  data,
  participants,
  failure,
  assigned,
  open,
}: {
  data: SectionData;
  participants: readonly { id: string; name: string }[];
  failure: FormFailure | undefined;
  assigned: boolean;
  /** Whether new exercises can be given (the contract has not ended). */
  open: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const title = (e: { titleFi: string; titleEn: string }) =>
    locale === 'fi' ? e.titleFi : e.titleEn;
  return (
    <section id="exercises" aria-labelledby="exercises-heading" className="mt-8 max-w-3xl">
      <h2 id="exercises-heading" className="mb-1 text-lg font-semibold">
        {t('exercises.contractHeading')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t('exercises.contractLead')}</p>
      {assigned ? <Notice>{t('exercises.assigned')}</Notice> : null}
      {open ? (
        <Form
          method="post"
          className="my-3 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <FormErrors
            failure={failure}
            labels={{
              exerciseId: t('exercises.exercise'),
              clientId: t('exercises.participant'),
              dueOn: t('exercises.dueOn'),
            }}
          />
          <input type="hidden" name="intent" value="assignExercise" />
          <SelectField
            name="exerciseId"
            label={t('exercises.exercise')}
            failure={failure}
            options={data.toolkit.map((e) => ({ value: e.id, label: title(e) }))}
          />
          <SelectField
            name="clientId"
            label={t('exercises.participant')}
            failure={failure}
            options={participants.map((p) => ({ value: p.id, label: p.name }))}
          />
          <Field
            name="dueOn"
            type="date"
            label={t('exercises.dueOn')}
            required={false}
            failure={failure}
          />
          <SubmitButton>{t('exercises.assign')}</SubmitButton>
        </Form>
      ) : null}
      {data.assignments.length === 0 ? (
        <p>{t('exercises.noAssignments')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {data.assignments.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{title(a)}</h3>
              <p className="text-sm text-slate-700">
                {a.participantName} ·{' '}
                {a.dueOn
                  ? t('exercises.due', { date: formatDate(helsinkiInstant(a.dueOn), locale) })
                  : t('exercises.noDue')}
              </p>
              {a.sharedAnswer !== null && a.sharedAt ? (
                <div className="mt-2">
                  <h4 className="text-sm font-medium">
                    {t('exercises.sharedAnswer', {
                      date: formatDate(new Date(a.sharedAt), locale),
                    })}
                  </h4>
                  <p className="whitespace-pre-line">{a.sharedAnswer}</p>
                </div>
              ) : (
                <p className="mt-2 text-sm text-slate-600">{t('exercises.notShared')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
