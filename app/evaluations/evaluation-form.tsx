import { Form } from '@remix-run/react';

import { evaluationKinds } from '#db/schema/values';
import type { MessageKey } from '~/i18n';
import { useT } from '~/i18n/react';
import { SubmitButton } from '~/ui/form';

interface Subject {
  goals: { id: string; text: string }[];
  participants: { id: string; name: string }[];
}

/**
 * The form that records or edits an evaluation. When editing, the point and the respondent
 * are fixed (sent as hidden fields): changing them would be a different evaluation.
 */
export function EvaluationForm({
  subject,
  value,
  errors,
  fixed,
}: {
  subject: Subject;
  value: (name: string, fallback?: string) => string;
  errors: Partial<Record<string, MessageKey>> | undefined;
  fixed: { kindLabel: string; respondentLabel: string } | null;
}) {
  const t = useT();
  return (
    <Form method="post" className="flex flex-col gap-4">
      <input type="hidden" name="intent" value="save" />
      {fixed ? (
        <>
          <input type="hidden" name="kind" value={value('kind')} />
          <input type="hidden" name="respondent" value={value('respondent')} />
          <p className="font-medium">
            {fixed.kindLabel} · {fixed.respondentLabel}
          </p>
        </>
      ) : (
        <>
          <p id="one-per-point" className="text-sm text-slate-600">
            {t('evaluations.onePerPoint')}
          </p>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="kind" className="font-medium">
                {t('evaluations.kind')}
              </label>
              <select
                id="kind"
                name="kind"
                aria-describedby="one-per-point"
                defaultValue={value('kind', 'start')}
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
                aria-describedby="one-per-point"
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
        </>
      )}
      {subject.goals.length === 0 ? <p>{t('evaluations.noGoals')}</p> : null}
      {subject.goals.map((goal) => {
        const error = errors?.[`score_${goal.id}`];
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
          aria-describedby={errors?.comment ? 'comment-hint comment-error' : 'comment-hint'}
          aria-invalid={errors?.comment ? true : undefined}
          defaultValue={value('comment')}
          className="rounded-md border border-slate-400 px-3 py-2"
        />
        {errors?.comment ? (
          <p id="comment-error" className="text-sm text-red-800">
            {t(errors.comment)}
          </p>
        ) : null}
      </div>
      <SubmitButton>{t('evaluations.save')}</SubmitButton>
    </Form>
  );
}
