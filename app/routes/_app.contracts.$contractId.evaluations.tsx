import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { deleteEvaluation } from '~/evaluations/delete-evaluation.server';
import { EvaluationForm } from '~/evaluations/evaluation-form';
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
  return listEvaluations(domainContext(context), actor, contractId).catch(throwAsResponse);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const contractId = idParam(params.contractId);
  const form = await request.formData();
  const ctx = domainContext(context);
  if (form.get('intent') === 'delete') {
    const evaluationId = idParam(String(form.get('evaluationId') ?? ''));
    await deleteEvaluation(ctx, actor, contractId, evaluationId).catch(throwAsResponse);
    return redirect(`/contracts/${contractId}/evaluations?deleted=1`);
  }
  const { subject } = await listEvaluations(ctx, actor, contractId).catch(throwAsResponse);
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
  await recordEvaluation(ctx, actor, contractId, parsed.input).catch(throwAsResponse);
  return redirect(`/contracts/${contractId}/evaluations?saved=1`);
}

export default function Evaluations() {
  const t = useT();
  const locale = useLocale();
  const { subject, evaluations } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const describe = (e: (typeof evaluations)[number]) =>
    `${t(`evaluations.kind.${e.kind}`)} · ${
      e.respondentName
        ? t('evaluations.respondentSupervisee', { name: e.respondentName })
        : t('evaluations.respondentSupervisor')
    }`;
  const editing = evaluations.find((e) => e.editable && e.id === searchParams.get('edit'));
  const deleting = evaluations.find((e) => e.editable && e.id === searchParams.get('delete'));
  // What the form starts with: what was typed (after a refusal), the evaluation being edited,
  // or a new one (its point may come from the link that led here).
  const stored: Record<string, string> = editing
    ? {
        kind: editing.kind,
        respondent: editing.respondentClientId ?? 'supervisor',
        comment: editing.comment ?? '',
        ...Object.fromEntries(
          Object.entries(editing.scores).map(([goalId, score]) => [
            `score_${goalId}`,
            String(score),
          ]),
        ),
      }
    : { kind: searchParams.get('kind') ?? 'start' };
  const value = (name: string, fallback = '') => failed?.values[name] ?? stored[name] ?? fallback;
  return (
    <>
      <p className="mb-2">
        <Link to={`/contracts/${subject.id}`}>← {subject.code}</Link>
      </p>
      <PageHeader title={t('evaluations.title')} lead={subject.code} />
      {searchParams.get('saved') ? <Notice>{t('evaluations.saved')}</Notice> : null}
      {searchParams.get('deleted') ? <Notice>{t('evaluations.deleted')}</Notice> : null}

      {deleting ? (
        <section
          aria-labelledby="delete-heading"
          className="my-4 max-w-3xl rounded-lg border-2 border-red-700 bg-red-50 p-4"
        >
          <h2 id="delete-heading" className="mb-2 font-semibold">
            {t('evaluations.deleteConfirm', { what: describe(deleting) })}
          </h2>
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="evaluationId" value={deleting.id} />
            <SubmitButton>{t('evaluations.deleteYes')}</SubmitButton>
            <Link to=".">{t('evaluations.cancel')}</Link>
          </Form>
        </section>
      ) : null}

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
                  {describe(e)}
                  {e.submittedAt ? ` · ${formatDate(new Date(e.submittedAt), locale)}` : ''}
                  {e.recordedInPortal ? ` · ${t('evaluations.inPortal')}` : ''}
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
                {e.commentWithheld ? (
                  <p className="mt-2 text-sm text-slate-600">{t('evaluations.commentWithheld')}</p>
                ) : null}
                {e.editable ? (
                  <p className="mt-2 flex gap-4 text-sm">
                    <Link
                      to={`?edit=${e.id}#form-heading`}
                      aria-label={t('evaluations.editLabel', { what: describe(e) })}
                    >
                      {t('evaluations.edit')}
                    </Link>
                    <Link
                      to={`?delete=${e.id}`}
                      aria-label={t('evaluations.deleteLabel', { what: describe(e) })}
                    >
                      {t('evaluations.delete')}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* Only the contract's supervisor records; an earlier one keeps reading their own. */}
      {subject.supervises ? (
        <section
          aria-labelledby="form-heading"
          className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="form-heading" className="mb-3 text-lg font-semibold">
            {editing ? t('evaluations.editTitle') : t('evaluations.new')}
          </h2>
          <EvaluationForm
            key={editing?.id ?? 'new'}
            subject={subject}
            value={value}
            errors={failed?.errors}
            fixed={
              editing
                ? {
                    kindLabel: t(`evaluations.kind.${editing.kind}`),
                    respondentLabel: editing.respondentName
                      ? t('evaluations.respondentSupervisee', { name: editing.respondentName })
                      : t('evaluations.respondentSupervisor'),
                  }
                : null
            }
          />
        </section>
      ) : null}
    </>
  );
}
