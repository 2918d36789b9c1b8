import { evaluationKinds } from '#db/schema/values';

import type { EvaluationInput } from './evaluations.server';

/**
 * The evaluation form: `kind`, `respondent` ('supervisor' or a client id), `score_<goalId>`
 * 1–5 (a goal may be left unscored), `comment`. Returns the field errors as catalogue keys.
 */
export function parseEvaluationForm(form: FormData, goalIds: readonly string[]) {
  const kind = form.get('kind');
  const respondent = form.get('respondent');
  const comment = String(form.get('comment') ?? '').trim();
  const errors: Record<string, 'form.required' | 'form.tooLong' | 'evaluations.scoreRange'> = {};
  if (typeof kind !== 'string' || !(evaluationKinds as readonly string[]).includes(kind)) {
    errors.kind = 'form.required';
  }
  if (typeof respondent !== 'string' || respondent === '') errors.respondent = 'form.required';
  if (comment.length > 5000) errors.comment = 'form.tooLong';
  const scores: Record<string, number> = {};
  for (const goalId of goalIds) {
    const value = form.get(`score_${goalId}`);
    if (value === null || value === '') continue;
    const score = Number(value);
    if (!Number.isInteger(score) || score < 1 || score > 5)
      errors[`score_${goalId}`] = 'evaluations.scoreRange';
    else scores[goalId] = score;
  }
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  const input: EvaluationInput = {
    kind: kind as EvaluationInput['kind'],
    respondentClientId: respondent === 'supervisor' ? null : String(respondent),
    scores,
    comment: comment || null,
  };
  return { ok: true as const, input };
}

/**
 * The supervisee's own evaluation in the portal: `kind`, `score_<goalId>` 1–5 (optional per
 * goal), `comment`. The contract comes from the form's `contractId`, checked by the use case.
 */
export function parseOwnEvaluationForm(form: FormData, goalIds: readonly string[]) {
  const kind = form.get('kind');
  const comment = String(form.get('comment') ?? '').trim();
  const errors: Record<string, 'form.required' | 'form.tooLong' | 'evaluations.scoreRange'> = {};
  if (typeof kind !== 'string' || !(evaluationKinds as readonly string[]).includes(kind)) {
    errors.kind = 'form.required';
  }
  if (comment.length > 5000) errors.comment = 'form.tooLong';
  const scores: Record<string, number> = {};
  for (const goalId of goalIds) {
    const value = form.get(`score_${goalId}`);
    if (value === null || value === '') continue;
    const score = Number(value);
    if (!Number.isInteger(score) || score < 1 || score > 5)
      errors[`score_${goalId}`] = 'evaluations.scoreRange';
    else scores[goalId] = score;
  }
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  return {
    ok: true as const,
    input: { kind: kind as EvaluationInput['kind'], scores, comment: comment || null },
  };
}
