import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { getMyAssignment, saveAnswer } from '~/exercises/answers.server';
import { answerSchema } from '~/exercises/schemas';
import { parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { helsinkiInstant } from '~/time/helsinki';
import { PageHeader } from '~/ui/app-shell';
import { CheckboxField, Field, FormErrors, Notice } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portalExercises.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const id = idParam(params.assignmentId);
  const assignment = await getMyAssignment(domainContext(context), actor, id).catch(
    throwAsResponse,
  );
  return { assignment };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const id = idParam(params.assignmentId);
  const ctx = domainContext(context);
  // Someone else's assignment is not found before their form is even looked at.
  await getMyAssignment(ctx, actor, id).catch(throwAsResponse);
  const parsed = parseForm(answerSchema, await request.formData());
  if (!parsed.ok) return badRequest(parsed);
  const { answer, intent, share } = parsed.data;
  const state = await saveAnswer(ctx, actor, id, {
    answer,
    submit: intent === 'submit',
    share,
  }).catch(throwAsResponse);
  const saved = state !== 'submitted' ? 'draft' : share ? 'shared' : 'submitted';
  return redirect(`/portal/exercises/${id}?saved=${saved}`);
}

const savedMessage = {
  draft: 'portalExercises.savedDraft',
  submitted: 'portalExercises.savedSubmitted',
  shared: 'portalExercises.savedShared',
} as const;

export default function PortalExercise() {
  const t = useT();
  const locale = useLocale();
  const { assignment } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get('saved');
  const title = locale === 'fi' ? assignment.titleFi : assignment.titleEn;
  return (
    <>
      <p className="mb-2">
        <Link to="/portal/exercises">{t('portalExercises.back')}</Link>
      </p>
      <PageHeader
        title={title}
        lead={[
          t('portalExercises.contract', { code: assignment.contractCode }),
          assignment.theme ? t(`theme.${assignment.theme}`) : null,
          assignment.dueOn
            ? t('exercises.due', { date: formatDate(helsinkiInstant(assignment.dueOn), locale) })
            : t('exercises.noDue'),
          t(`portalExercises.state.${assignment.state}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        {saved === 'draft' || saved === 'submitted' || saved === 'shared' ? (
          <Notice>{t(savedMessage[saved])}</Notice>
        ) : null}
        <section aria-labelledby="instructions-heading">
          <h2 id="instructions-heading" className="mb-2 text-lg font-semibold">
            {t('portalExercises.instructions')}
          </h2>
          <p className="whitespace-pre-line">
            {locale === 'fi' ? assignment.instructionsFi : assignment.instructionsEn}
          </p>
        </section>
        <Form method="post" className="flex flex-col gap-4">
          <FormErrors failure={failure} labels={{ answer: t('portalExercises.answer') }} />
          <Field
            name="answer"
            label={t('portalExercises.answer')}
            hint={t('portalExercises.answerHint')}
            rows={12}
            required={false}
            failure={failure}
            defaultValue={assignment.answer}
          />
          <div className="flex flex-col gap-1">
            <CheckboxField
              name="share"
              label={t('portalExercises.share')}
              failure={failure}
              defaultChecked={assignment.shared}
            />
            <p className="text-sm text-slate-600">{t('portalExercises.shareHint')}</p>
          </div>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="intent"
              value="draft"
              className="rounded-md border border-slate-500 px-4 py-2 hover:bg-slate-100"
            >
              {t('portalExercises.saveDraft')}
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
            >
              {t('portalExercises.submit')}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}
