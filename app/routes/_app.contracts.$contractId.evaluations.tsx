import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { evaluationKinds } from '#db/schema/values';
import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { listEvaluations, recordEvaluation } from '~/evaluations/evaluations.server';
import { parseEvaluationForm } from '~/evaluations/schemas';
import { badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'evaluations.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const contractId = idParam(params.contractId);
  return listEvaluations(context.db, actor, contractId, context.keyring).catch(throwAsResponse);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const contractId = idParam(params.contractId);
  const { subject } = await listEvaluations(context.db, actor, contractId, context.keyring).catch(
    throwAsResponse,
  );
  const form = await request.formData();
  const parsed = parseEvaluationForm(
    form,
    subject.goals.map((g) => g.id),
  );
  if (!parsed.ok) {
    return badRequest({
      errors: parsed.errors,
      values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])),
    });
  }
  await recordEvaluation(context.db, actor, contractId, parsed.input, context.keyring).catch(
    throwAsResponse,
  );
  return redirect(`/contracts/${contractId}/evaluations?saved=1`);
}

export default function Evaluations() {
  const t = useT();
  const locale = useLocale();
  const { subject, evaluations } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const value = (name: string, fallback = '') => failed?.values[name] ?? fallback;
  return (
    <>
      <p className="mb-2">
        <Link to={`/contracts/${subject.id}`}>← {subject.code}</Link>
      </p>
      <PageHeader title={t('evaluations.title')} lead={subject.code} />
      {searchParams.get('saved') ? <Notice>{t('evaluations.saved')}</Notice> : null}

      <section aria-labelledby="list-heading" className="my-6">
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">
          {t('evaluations.title')}
        </h2>
        {evaluations.length === 0 ? (
          <p>{t('evaluations.none')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {evaluations.map((e) => (
              <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold">
                  {t(`evaluations.kind.${e.kind}`)} ·{' '}
                  {e.respondentName
                    ? t('evaluations.respondentSupervisee', { name: e.respondentName })
                    : t('evaluations.respondentSupervisor')}
                  {e.submittedAt ? ` · ${formatDate(new Date(e.submittedAt), locale)}` : ''}
                </h3>
                <ul className="mt-2 text-sm">
                  {subject.goals.map((goal) =>
                    e.scores[goal.id] ? (
                      <li key={goal.id}>
                        {goal.text}: {t('evaluations.score', { score: e.scores[goal.id] ?? 0 })}
                      </li>
                    ) : null,
                  )}
                </ul>
                {e.comment ? <p className="mt-2 whitespace-pre-line">{e.comment}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="new-heading"
        className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 id="new-heading" className="mb-3 text-lg font-semibold">
          {t('evaluations.new')}
        </h2>
        <Form method="post" className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="kind" className="font-medium">
                {t('evaluations.kind')}
              </label>
              <select
                id="kind"
                name="kind"
                defaultValue={value('kind', searchParams.get('kind') ?? 'start')}
                className="rounded-md border border-slate-400 px-3 py-2"
              >
                {evaluationKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`evaluations.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="respondent" className="font-medium">
                {t('evaluations.respondent')}
              </label>
              <select
                id="respondent"
                name="respondent"
                defaultValue={value('respondent', 'supervisor')}
                className="rounded-md border border-slate-400 px-3 py-2"
              >
                <option value="supervisor">{t('evaluations.respondentSupervisor')}</option>
                {subject.participants.map((p) => (
                  <option key={p.id} value={p.id}>
                    {t('evaluations.respondentSupervisee', { name: p.name })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {subject.goals.length === 0 ? <p>{t('evaluations.noGoals')}</p> : null}
          {subject.goals.map((goal) => {
            const error = failed?.errors[`score_${goal.id}`];
            return (
              <fieldset
                key={goal.id}
                aria-describedby={error ? `score-${goal.id}-error` : undefined}
                className="rounded-md border border-slate-300 p-3"
              >
                <legend className="px-1 font-medium">{goal.text}</legend>
                <p className="mb-2 text-sm text-slate-600">{t('evaluations.scoresLegend')}</p>
                <div className="flex flex-wrap gap-4">
                  {['', '1', '2', '3', '4', '5'].map((score) => (
                    <label key={score} className="flex items-center gap-1">
                      <input
                        type="radio"
                        name={`score_${goal.id}`}
                        value={score}
                        defaultChecked={value(`score_${goal.id}`) === score}
                        className="h-4 w-4 accent-teal-800"
                      />
                      {score || t('evaluations.scoreNone')}
                    </label>
                  ))}
                </div>
                {error ? (
                  <p id={`score-${goal.id}-error`} className="text-sm text-red-800">
                    {t(error)}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <div className="flex flex-col gap-1">
            <label htmlFor="comment" className="font-medium">
              {t('evaluations.comment')}
            </label>
            <p id="comment-hint" className="text-sm text-slate-600">
              {t('evaluations.commentHint')}
            </p>
            <textarea
              id="comment"
              name="comment"
              rows={5}
              aria-describedby="comment-hint"
              defaultValue={value('comment')}
              className="rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <SubmitButton>{t('evaluations.save')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
