import { Form } from '@remix-run/react';

import type { ActionMarkState } from '#db/schema/values';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { FormErrors, Notice, SubmitButton } from '~/ui/form';

const states: readonly ActionMarkState[] = ['done', 'not_done'];

const inputClass =
  'rounded-md border border-slate-400 bg-white px-3 py-2 text-base focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700';

/**
 * One agreed action with the supervisee's own mark: done or not done, and a comment. Every
 * action has its own small form, so ids carry the action's id.
 */
export function ActionMarkForm({
  action,
  failure,
  saved,
}: {
  action: { id: string; text: string; state: ActionMarkState | null; comment: string };
  failure: FormFailure | undefined;
  saved: boolean;
}) {
  const t = useT();
  const prefix = `action-${action.id}`;
  const chosen = failure?.values.state ?? action.state;
  const stateErrors = failure?.fieldErrors.state ?? [];
  const commentErrors = failure?.fieldErrors.comment ?? [];
  return (
    <li id={prefix} className="rounded-lg border border-slate-200 bg-white p-4">
      <Form method="post" className="flex flex-col gap-3">
        <input type="hidden" name="actionId" value={action.id} />
        <FormErrors
          failure={failure}
          labels={{ state: t('between.actions.state'), comment: t('between.actions.comment') }}
        />
        {saved ? <Notice>{t('between.actions.saved')}</Notice> : null}
        <fieldset
          className="flex flex-col gap-2"
          aria-describedby={stateErrors.length ? `${prefix}-state-error` : undefined}
        >
          <legend className="mb-1 font-medium break-words">{action.text}</legend>
          <p className="text-sm text-slate-600">
            {t('between.actions.state')}:{' '}
            {t(
              action.state ? `between.actions.state.${action.state}` : 'between.actions.state.none',
            )}
          </p>
          <div className="flex flex-wrap gap-4">
            {states.map((state) => (
              <label key={state} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="state"
                  value={state}
                  defaultChecked={chosen === state}
                  className="h-5 w-5 accent-teal-800"
                />
                {t(`between.actions.state.${state}`)}
              </label>
            ))}
          </div>
          {stateErrors.length ? (
            <ul id={`${prefix}-state-error`} className="text-sm text-red-800">
              {stateErrors.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${prefix}-comment`} className="font-medium text-slate-800">
            {t('between.actions.comment')}
          </label>
          <textarea
            id={`${prefix}-comment`}
            name="comment"
            rows={3}
            defaultValue={failure?.values.comment ?? action.comment}
            aria-invalid={commentErrors.length ? true : undefined}
            aria-describedby={commentErrors.length ? `${prefix}-comment-error` : undefined}
            className={inputClass}
          />
          {commentErrors.length ? (
            <ul id={`${prefix}-comment-error`} className="text-sm text-red-800">
              {commentErrors.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <SubmitButton>{t('between.actions.save')}</SubmitButton>
      </Form>
    </li>
  );
}
