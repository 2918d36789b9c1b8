/**
 * A respondent's answer form, reached by a round's shared link or an invitation link. No
 * account, no cookie of ours needed: the token opens its own round and nothing else. Opening
 * the page spends nothing; sending the form records one anonymous answer.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { answerRound, respondentPage } from '~/feedback/answer-round.server';
import { answerField } from '~/feedback/format';
import { formatClosingDay } from '~/feedback/format';
import { promptText } from '~/feedback/results-view';
import { formFailure } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { FormErrors, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback.respond.title');

export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await respondentPage(domainContext(context), params.token ?? '');
  // An unknown link is a 404 and a spent or closed one a 410, each with its own sentence.
  const status = page.state === 'unknown' ? 404 : page.state === 'open' ? 200 : 410;
  return data(page, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const result = await answerRound(domainContext(context), {
      token: params.token ?? '',
      ip: context.clientIp,
      form,
    });
    if (!result.ok)
      return badRequest({ done: false, failure: formFailure(form, result.fieldErrors) });
    return { done: true, failure: undefined };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return data(
      { done: false, failure: formFailure(form, {}, error.messageKey) },
      { status: error.status },
    );
  }
}

export default function AnswerFeedback() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer?.done) {
    return (
      <PublicLayout>
        <h1 className="text-2xl font-semibold">{t('feedback.respond.title')}</h1>
        <p role="status">{t('feedback.respond.thanks')}</p>
      </PublicLayout>
    );
  }
  if (page.state !== 'open') {
    const message = {
      unknown: 'feedback.respond.unknown',
      closed: 'feedback.respond.closed',
      used: 'feedback.respond.used',
    } as const;
    return (
      <PublicLayout>
        <h1 className="text-2xl font-semibold">{t('feedback.respond.title')}</h1>
        <p role="alert">{t(message[page.state])}</p>
      </PublicLayout>
    );
  }
  const failure = answer?.failure;
  const labels = Object.fromEntries(
    page.questions.map((q) => [answerField(q.id), promptText(t, q)]),
  );
  return (
    <PublicLayout wide>
      <h1 className="text-2xl font-semibold break-words">{page.title}</h1>
      <p>{t('feedback.respond.lead', { name: page.askerName })}</p>
      <p>{t('feedback.respond.closesOn', { date: formatClosingDay(page.closesOn, locale) })}</p>
      <Form method="post" className="flex flex-col gap-6" noValidate>
        <FormErrors failure={failure} labels={labels} />
        {page.questions.map((question) => {
          const field = answerField(question.id);
          const id = `field-${field}`;
          const errors = failure?.fieldErrors[field] ?? [];
          const errorId = errors.length ? `${id}-error` : undefined;
          const typed = failure?.values[field];
          return question.kind === 'scale' ? (
            <fieldset
              key={question.id}
              id={id}
              tabIndex={-1}
              aria-describedby={[`${id}-scale`, errorId].filter(Boolean).join(' ')}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <legend className="px-1 font-medium">{promptText(t, question)}</legend>
              <p id={`${id}-scale`} className="text-sm text-slate-600">
                {t('feedback.respond.scaleLow')} · {t('feedback.respond.scaleHigh')}
              </p>
              <div className="flex flex-wrap gap-2">
                {[1, 2, 3, 4, 5].map((value) => (
                  <label
                    key={value}
                    className="flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md border border-slate-400 px-3"
                  >
                    <input
                      type="radio"
                      name={field}
                      value={value}
                      defaultChecked={typed === String(value)}
                      className="h-5 w-5 accent-teal-800"
                    />
                    {value}
                  </label>
                ))}
              </div>
              {errors.length ? (
                <p id={errorId} className="text-sm text-red-800">
                  {errors.map((key) => t(key)).join(' ')}
                </p>
              ) : null}
            </fieldset>
          ) : (
            <div key={question.id} className="flex flex-col gap-1">
              <label htmlFor={id} className="font-medium">
                {promptText(t, question)}
              </label>
              <p id={`${id}-hint`} className="text-sm text-slate-600">
                {t('feedback.respond.optional')}
              </p>
              <textarea
                id={id}
                name={field}
                rows={4}
                maxLength={2000}
                defaultValue={typed}
                aria-invalid={errors.length ? true : undefined}
                aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
                className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
              />
              {errors.length ? (
                <p id={errorId} className="text-sm text-red-800">
                  {errors.map((key) => t(key)).join(' ')}
                </p>
              ) : null}
            </div>
          );
        })}
        <SubmitButton>{t('feedback.respond.submit')}</SubmitButton>
      </Form>
    </PublicLayout>
  );
}
