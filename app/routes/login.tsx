import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { requireAnonymous } from '~/auth/guards.server';
import { logIn } from '~/auth/log-in.server';
import { logInSchema } from '~/auth/schemas';
import { completeSignIn } from '~/auth/sign-in-flow.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title');

export function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return { demo: context.config.seedDemo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(logInSchema, form);
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  try {
    const { userId } = await logIn(domainContext(context), {
      ...parsed.data,
      ip: context.clientIp,
    });
    return await completeSignIn(context, userId, form.get('redirectTo'));
  } catch (error) {
    if (!isAppError(error)) throw error;
    // 401 for a wrong password, 429 when throttled; the form keeps the address either way.
    return refused(error, formFailure(form, {}, error.messageKey));
  }
}

export default function LogIn() {
  const t = useT();
  const failure = useActionData<typeof action>();
  const { demo } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get('redirectTo');
  const codeQuery = redirectTo ? `?${new URLSearchParams({ redirectTo }).toString()}` : '';
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('login.title')}</h1>
      {demo ? <p className="text-slate-700">{t('login.demoHint')}</p> : null}
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormErrors
          failure={failure}
          labels={{ email: t('auth.email'), password: t('auth.password') }}
        />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="email"
          failure={failure}
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          failure={failure}
        />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to={`/login/code${codeQuery}`}>{t('login.withCode')}</Link>
      </p>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('signup.title')}</Link>
      </p>
    </PublicLayout>
  );
}
