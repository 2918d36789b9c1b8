import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { minAnswersSchema } from '~/feedback/schemas';
import { minAnswersFor, setMinAnswers } from '~/feedback/threshold.server';
import { parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback.settings.title');

/** The practice's feedback threshold: the owner's setting, never below three answers. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  return { minAnswers: await minAnswersFor(context.db, actor.practiceId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const parsed = parseForm(minAnswersSchema, await request.formData());
  if (!parsed.ok) return badRequest({ done: false, failure: parsed });
  await setMinAnswers(domainContext(context), actor, parsed.data.minAnswers);
  return { done: true, failure: undefined };
}

export default function FeedbackSettings() {
  const t = useT();
  const { minAnswers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('feedback.settings.title')} lead={t('feedback.settings.lead')} />
      <Form method="post" className="flex max-w-md flex-col gap-4" noValidate>
        {result?.done ? <Notice>{t('form.saved')}</Notice> : null}
        <FormErrors
          failure={result?.failure}
          labels={{ minAnswers: t('feedback.settings.minAnswers') }}
        />
        <Field
          name="minAnswers"
          type="number"
          min={3}
          max={20}
          step={1}
          label={t('feedback.settings.minAnswers')}
          defaultValue={minAnswers}
          failure={result?.failure}
        />
        <SubmitButton>{t('feedback.settings.submit')}</SubmitButton>
      </Form>
    </>
  );
}
