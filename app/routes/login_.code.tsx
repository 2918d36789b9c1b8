import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';

import { requireAnonymous, safeRedirectPath } from '~/auth/guards.server';
import { requestSignInCodeSchema, signInCodeSchema } from '~/auth/schemas';
import { requestSignInCode, signInWithCode } from '~/auth/sign-in-code.server';
import { completeSignIn } from '~/auth/sign-in-flow.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { type FormFailure, formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signInCode.title');

export function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return null;
}

/**
 * The page is in one of two steps: asking for a code, or typing the code sent to `email`.
 * `redirectTo` is where to go after signing in, already checked to be a path of our own.
 */
type Step = FormFailure & { redirectTo: string } & (
    { step: 'email' } | { step: 'code'; email: string; sent: boolean }
  );

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  // Only a path of our own goes back into the form and the mailed link.
  const redirectTo = safeRedirectPath(form.get('redirectTo'), '');
  const ctx = domainContext(context);

  if (form.get('intent') === 'verify') {
    const parsed = parseForm(signInCodeSchema, form);
    if (!parsed.ok) {
      const email = requestSignInCodeSchema.safeParse({ email: form.get('email') });
      if (!email.success) {
        return badRequest<Step>({
          step: 'email',
          redirectTo,
          ...formFailure(parsed.values, parsed.fieldErrors),
        });
      }
      return badRequest<Step>({
        step: 'code',
        email: email.data.email,
        sent: false,
        redirectTo,
        ...formFailure(parsed.values, parsed.fieldErrors),
      });
    }
    try {
      const { userId } = await signInWithCode(ctx, { ...parsed.data, ip: context.clientIp });
      return await completeSignIn(context, userId, redirectTo || null);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return refused<Step>(error, {
        step: 'code',
        email: parsed.data.email,
        sent: false,
        redirectTo,
        ...formFailure(form, {}, error.messageKey),
      });
    }
  }

  const parsed = parseForm(requestSignInCodeSchema, form);
  if (!parsed.ok) {
    return badRequest<Step>({
      step: 'email',
      redirectTo,
      ...formFailure(parsed.values, parsed.fieldErrors),
    });
  }
  try {
    await requestSignInCode(ctx, {
      email: parsed.data.email,
      locale: resolveLocale(request, context),
      ip: context.clientIp,
      redirectTo,
      mail: { appOrigin: context.config.appOrigin, keyring: context.keyring },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused<Step>(error, {
      step: 'email',
      redirectTo,
      ...formFailure(form, {}, error.messageKey),
    });
  }
  // The same answer whether or not the address has an account.
  return {
    step: 'code',
    email: parsed.data.email,
    sent: true,
    redirectTo,
    fieldErrors: {},
    values: {},
  } satisfies Step;
}

export default function SignInWithCode() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = result?.redirectTo ?? searchParams.get('redirectTo') ?? '';
  const redirectField = <input type="hidden" name="redirectTo" value={redirectTo} />;
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo }).toString()}` : '';
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('signInCode.title')}</h1>
      {result?.step === 'code' ? (
        <>
          {result.sent ? <Notice>{t('signInCode.sent', { email: result.email })}</Notice> : null}
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <FormErrors failure={result} labels={{ code: t('signInCode.code') }} />
            <input type="hidden" name="intent" value="verify" />
            <input type="hidden" name="email" value={result.email} />
            {redirectField}
            <Field
              name="code"
              label={t('signInCode.code')}
              hint={t('signInCode.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              failure={result}
            />
            <SubmitButton>{t('signInCode.submit')}</SubmitButton>
          </Form>
          <Form method="post" className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <input type="hidden" name="email" value={result.email} />
            {redirectField}
            <span>{t('signInCode.noMail')}</span>
            <button
              type="submit"
              className="text-teal-800 underline hover:text-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
            >
              {t('signInCode.resend')}
            </button>
          </Form>
          <p>
            <Link to={`/login/code${query}`}>{t('signInCode.otherAddress')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="text-slate-700">{t('signInCode.lead')}</p>
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <FormErrors failure={result} labels={{ email: t('auth.email') }} />
            {redirectField}
            <Field
              name="email"
              type="email"
              label={t('auth.email')}
              autoComplete="email"
              failure={result}
            />
            <SubmitButton>{t('signInCode.send')}</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to={`/login${query}`}>{t('signInCode.withPassword')}</Link>
      </p>
    </PublicLayout>
  );
}
