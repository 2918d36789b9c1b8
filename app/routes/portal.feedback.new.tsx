import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { themes } from '#db/schema/values';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { createRound } from '~/feedback/rounds.server';
import { parseNewRound } from '~/feedback/schemas';
import {
  CUSTOM_QUESTION_SLOTS,
  starterMessageKey,
  starterQuestions,
} from '~/feedback/starter-questions';
import { formFailure } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { addDays, helsinkiDate } from '~/time/helsinki';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, SelectField, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSupervisee(request, context);
  // Two weeks is long enough for a team to answer and short enough to bring to the next session.
  return { defaultClosesOn: addDays(helsinkiDate(new Date()), 14) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const form = await request.formData();
  const parsed = parseNewRound(form);
  if (!parsed.ok)
    return badRequest({
      ...formFailure(form, parsed.fieldErrors),
      starters: form.getAll('starter').map(String),
    });
  try {
    const roundId = await createRound(domainContext(context), actor, parsed.data);
    return redirect(`/portal/feedback/${roundId}`);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const failure = formFailure(form, { closesOn: [error.messageKey] });
    return refused(error, { ...failure, starters: form.getAll('starter').map(String) });
  }
}

export default function NewFeedbackRound() {
  const t = useT();
  const { defaultClosesOn } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const checked = new Set(failure?.starters ?? []);
  const questionErrors = failure?.fieldErrors.questions ?? [];
  const labels: Record<string, string> = {
    title: t('feedback.form.title'),
    closesOn: t('feedback.form.closesOn'),
    questions: t('feedback.form.questions'),
  };
  for (let n = 1; n <= CUSTOM_QUESTION_SLOTS; n++)
    labels[`custom${n}`] = t('feedback.form.custom', { n });
  return (
    <>
      <PageHeader title={t('feedback.new')} />
      <Form method="post" className="flex max-w-2xl flex-col gap-6" noValidate>
        <FormErrors failure={failure} labels={labels} />
        <Field
          name="title"
          label={t('feedback.form.title')}
          hint={t('feedback.form.titleHint')}
          failure={failure}
        />
        <Field
          name="closesOn"
          type="date"
          label={t('feedback.form.closesOn')}
          defaultValue={defaultClosesOn}
          failure={failure}
        />
        <fieldset
          id="field-questions"
          tabIndex={-1}
          aria-describedby={questionErrors.length ? 'field-questions-error' : 'questions-hint'}
          className="flex flex-col gap-4"
        >
          <legend className="text-lg font-semibold">{t('feedback.form.questions')}</legend>
          <p id="questions-hint" className="text-sm text-slate-600">
            {t('feedback.form.questionsHint')}
          </p>
          {questionErrors.length ? (
            <p id="field-questions-error" className="text-sm text-red-800">
              {questionErrors.map((key) => t(key)).join(' ')}
            </p>
          ) : null}
          {themes.map((theme) => (
            <fieldset
              key={theme}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <legend className="px-1 font-medium">
                {t('feedback.form.starterTheme', { theme: t(`theme.${theme}`) })}
              </legend>
              {starterQuestions
                .filter((q) => q.theme === theme)
                .map((q) => (
                  <div key={q.key} className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      id={`starter-${q.key}`}
                      name="starter"
                      value={q.key}
                      defaultChecked={checked.has(q.key)}
                      className="mt-1 h-5 w-5 shrink-0 accent-teal-800"
                    />
                    <label htmlFor={`starter-${q.key}`}>
                      {t(starterMessageKey(q.key))}{' '}
                      <span className="text-sm text-slate-600">
                        ({t(`feedback.kind.${q.kind}`)})
                      </span>
                    </label>
                  </div>
                ))}
            </fieldset>
          ))}
          {Array.from({ length: CUSTOM_QUESTION_SLOTS }, (_, i) => i + 1).map((n) => (
            <div
              key={n}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <Field
                name={`custom${n}`}
                label={t('feedback.form.custom', { n })}
                hint={t('feedback.form.customHint')}
                required={false}
                failure={failure}
              />
              <SelectField
                name={`custom${n}Kind`}
                label={t('feedback.form.customKind', { n })}
                options={[
                  { value: 'scale', label: t('feedback.kind.scale') },
                  { value: 'text', label: t('feedback.kind.text') },
                ]}
                failure={failure}
              />
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t('feedback.form.submit')}</SubmitButton>
      </Form>
    </>
  );
}
