import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';

import type { EvaluationKind } from '#db/schema/values';
import { throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { answerEvaluation, listMyEvaluations } from '~/evaluations/portal-evaluations.server';
import { parseOwnEvaluationForm } from '~/evaluations/schemas';
import { badRequest, refused } from '~/forms/respond.server';
import type { MessageKey } from '~/i18n';
import { formatDate } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { requireSupervisee } from '~/portal/guards.server';
import { PageHeader } from '~/ui/app-shell';
import { Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'portalEvaluations.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  return { contracts: await listMyEvaluations(domainContext(context), actor) };
}

interface Failure {
  contractId: string;
  kind: string;
  errors: Partial<Record<string, MessageKey>>;
  formError?: MessageKey;
  values: Record<string, string>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireSupervisee(request, context);
  const ctx = domainContext(context);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const contractId = z.uuid().safeParse(form.get('contractId'));
  if (!contractId.success) {
    return badRequest<Failure>({ contractId: '', kind: '', errors: {}, values });
  }
  const contract = (await listMyEvaluations(ctx, actor)).find((c) => c.id === contractId.data);
  if (!contract) throw new Response(null, { status: 404 });
  const kind = values.kind ?? '';
  const parsed = parseOwnEvaluationForm(
    form,
    contract.goals.map((g) => g.id),
  );
  if (!parsed.ok) {
    return badRequest<Failure>({ contractId: contract.id, kind, errors: parsed.errors, values });
  }
  try {
    await answerEvaluation(ctx, actor, contract.id, parsed.input);
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') {
      return refused<Failure>(error, {
        contractId: contract.id,
        kind,
        errors: {},
        formError: error.messageKey,
        values,
      });
    }
    return throwAsResponse(error);
  }
  return redirect(
    `/portal/evaluations?saved=${contract.id}-${parsed.input.kind}#${contract.id}-${parsed.input.kind}`,
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ContractView = Loaded['contracts'][number];
type PointView = ContractView['points'][number];

export default function PortalEvaluations() {
  const t = useT();
  const { contracts } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('portalEvaluations.title')} lead={t('portalEvaluations.lead')} />
      {contracts.length === 0 ? <p>{t('portalEvaluations.empty')}</p> : null}
      {contracts.map((contract) => (
        <section
          key={contract.id}
          aria-labelledby={`contract-${contract.id}`}
          className="mb-8 flex max-w-3xl flex-col gap-4"
        >
          <h2 id={`contract-${contract.id}`} className="text-lg font-semibold">
            {t('portalEvaluations.contract', { code: contract.code })}
          </h2>
          {contract.points.map((point) => (
            <EvaluationPointCard key={point.kind} contract={contract} point={point} />
          ))}
        </section>
      ))}
    </>
  );
}

function EvaluationPointCard({ contract, point }: { contract: ContractView; point: PointView }) {
  const t = useT();
  const locale = useLocale();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const key = `${contract.id}-${point.kind}`;
  const failure =
    failed && failed.contractId === contract.id && failed.kind === point.kind ? failed : undefined;
  const answer = point.answer;
  const answeredOn = answer?.submittedAt ? formatDate(new Date(answer.submittedAt), locale) : '';
  let status: string;
  if (answer && !answer.byMe) status = t('portalEvaluations.recordedForYou', { date: answeredOn });
  else if (answer) status = t('portalEvaluations.answered', { date: answeredOn });
  else if (point.open) status = t('portalEvaluations.open');
  else if (point.opensAt)
    status = t('portalEvaluations.opensAt', { date: formatDate(new Date(point.opensAt), locale) });
  else if (point.afterSessions)
    status = t('portalEvaluations.opensAfter', { count: String(point.afterSessions) });
  else status = t('portalEvaluations.notYet');
  const value = (name: string, stored: string) => failure?.values[name] ?? stored;
  const editable = point.open && (!answer || answer.byMe);
  return (
    <article
      id={key}
      aria-labelledby={`${key}-heading`}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${key}-heading`} className="font-semibold">
        {t(`evaluations.kind.${point.kind as EvaluationKind}`)}
      </h3>
      <p className="mb-2 text-sm text-slate-700">{status}</p>
      {searchParams.get('saved') === key ? <Notice>{t('portalEvaluations.saved')}</Notice> : null}
      {failure?.formError ? (
        <p role="alert" className="text-red-800">
          {t(failure.formError)}
        </p>
      ) : null}
      {editable ? (
        <Form method="post" className="flex flex-col gap-4">
          <input type="hidden" name="contractId" value={contract.id} />
          <input type="hidden" name="kind" value={point.kind} />
          {contract.goals.length > 0 ? (
            <fieldset className="flex flex-col gap-3">
              <legend className="font-medium">{t('evaluations.scoresLegend')}</legend>
              {contract.goals.map((goal) => {
                const name = `score_${goal.id}`;
                const id = `${key}-${name}`;
                const error = failure?.errors[name];
                return (
                  <div key={goal.id} className="flex flex-col gap-1">
                    <label htmlFor={id}>{goal.text}</label>
                    <select
                      id={id}
                      name={name}
                      defaultValue={value(name, String(answer?.scores[goal.id] ?? ''))}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      className="max-w-xs rounded-md border border-slate-400 bg-white px-3 py-2"
                    >
                      <option value="">{t('evaluations.scoreNone')}</option>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                    {error ? (
                      <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
                        {t(error)}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ) : (
            <p className="text-sm text-slate-700">{t('evaluations.noGoals')}</p>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor={`${key}-comment`} className="font-medium">
              {t('evaluations.comment')}
            </label>
            <p id={`${key}-comment-hint`} className="text-sm text-slate-600">
              {t('portalEvaluations.commentHint')}
            </p>
            <textarea
              id={`${key}-comment`}
              name="comment"
              rows={5}
              defaultValue={value('comment', answer?.comment ?? '')}
              aria-invalid={failure?.errors.comment ? true : undefined}
              aria-describedby={`${key}-comment-hint${failure?.errors.comment ? ` ${key}-comment-error` : ''}`}
              className="rounded-md border border-slate-400 bg-white px-3 py-2"
            />
            {failure?.errors.comment ? (
              <p id={`${key}-comment-error`} role="alert" className="text-sm text-red-800">
                {t(failure.errors.comment)}
              </p>
            ) : null}
          </div>
          <SubmitButton>{t('portalEvaluations.save')}</SubmitButton>
        </Form>
      ) : answer ? (
        <AnswerView contract={contract} answer={answer} />
      ) : null}
    </article>
  );
}

function AnswerView({
  contract,
  answer,
}: {
  contract: ContractView;
  answer: NonNullable<PointView['answer']>;
}) {
  const t = useT();
  return (
    <dl className="flex flex-col gap-1">
      {contract.goals.map((goal) => (
        <div key={goal.id}>
          <dt className="font-medium">{goal.text}</dt>
          <dd>
            {answer.scores[goal.id]
              ? t('evaluations.score', { score: String(answer.scores[goal.id]) })
              : t('evaluations.scoreNone')}
          </dd>
        </div>
      ))}
      {answer.comment ? (
        <div>
          <dt className="font-medium">{t('evaluations.comment')}</dt>
          <dd className="whitespace-pre-line">{answer.comment}</dd>
        </div>
      ) : null}
    </dl>
  );
}
