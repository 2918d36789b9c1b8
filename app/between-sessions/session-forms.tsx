import { Form } from '@remix-run/react';

import type { ReflectionMoment } from '#db/schema/values';
import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { Field, FormErrors, Notice, SelectField, SubmitButton } from '~/ui/form';

import type { PortalSessionView } from './portal-session.server';

const inputClass =
  'rounded-md border border-slate-400 bg-white px-3 py-2 text-base focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 aria-[invalid]:border-red-700';

/** The supervisee's two reflections on a session, each its own small form. */
export function ReflectionForms({
  view,
  result,
}: {
  view: PortalSessionView;
  result: { moment?: ReflectionMoment; saved?: boolean; failure?: FormFailure } | undefined;
}) {
  const t = useT();
  const moments: readonly ReflectionMoment[] = ['before', 'after'];
  return (
    <section aria-labelledby="reflections-heading" className="flex flex-col gap-4">
      <h2 id="reflections-heading" className="text-lg font-semibold">
        {t('between.reflection.heading')}
      </h2>
      <p className="text-slate-700">{t('between.reflection.lead')}</p>
      {moments.map((moment) => {
        const id = `reflection-${moment}`;
        const mine = result?.moment === moment ? result : undefined;
        const errors = mine?.failure?.fieldErrors.text ?? [];
        const label = t(`between.reflection.${moment}`);
        if (!view.mayWrite[moment]) {
          return (
            <div key={moment} className="flex flex-col gap-1">
              <h3 className="font-medium">{label}</h3>
              {view.reflections[moment] ? (
                <p className="whitespace-pre-line">{view.reflections[moment]}</p>
              ) : (
                <p className="text-slate-600">{t('between.reflection.afterLater')}</p>
              )}
            </div>
          );
        }
        return (
          <Form key={moment} method="post" className="flex flex-col gap-2">
            <input type="hidden" name="intent" value="reflection" />
            <input type="hidden" name="moment" value={moment} />
            <FormErrors failure={mine?.failure} labels={{ text: label }} />
            {mine?.saved ? <Notice>{t('between.reflection.saved')}</Notice> : null}
            <label htmlFor={id} className="font-medium text-slate-800">
              {label}
            </label>
            <textarea
              id={id}
              name="text"
              rows={5}
              defaultValue={mine?.failure?.values.text ?? view.reflections[moment]}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={errors.length ? `${id}-error` : undefined}
              className={inputClass}
            />
            {errors.length ? (
              <ul id={`${id}-error`} className="text-sm text-red-800">
                {errors.map((key) => (
                  <li key={key}>{t(key)}</li>
                ))}
              </ul>
            ) : null}
            <SubmitButton>{t('between.reflection.save')}</SubmitButton>
          </Form>
        );
      })}
    </section>
  );
}

/** Asking the supervisor for a new time, or saying one cannot come: a message, no booking. */
export function RequestForm({
  view,
  failure,
}: {
  view: PortalSessionView;
  failure: FormFailure | undefined;
}) {
  const t = useT();
  if (!view.coming) return null;
  const labels = { kind: t('between.request.kind'), message: t('between.request.message') };
  return (
    <section aria-labelledby="request-heading" className="flex flex-col gap-3">
      <h2 id="request-heading" className="text-lg font-semibold">
        {t('between.request.heading')}
      </h2>
      <p className="text-slate-700">{t('between.request.lead')}</p>
      <Form method="post" className="flex flex-col gap-3">
        <input type="hidden" name="intent" value="request" />
        <FormErrors failure={failure} labels={labels} />
        <SelectField
          name="kind"
          label={labels.kind}
          failure={failure}
          defaultValue={view.contract.form === 'individual' ? 'new_time' : 'cannot_attend'}
          options={[
            { value: 'new_time', label: t('between.request.kind.new_time') },
            { value: 'cannot_attend', label: t('between.request.kind.cannot_attend') },
          ]}
        />
        <Field name="message" label={labels.message} rows={4} failure={failure} />
        <SubmitButton>{t('between.request.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
