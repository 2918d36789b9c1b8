import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { safeRedirectPath } from '~/auth/guards.server';
import { findSignInLink, signInWithLink } from '~/auth/sign-in-code.server';
import { completeSignIn } from '~/auth/sign-in-flow.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signInLink.title');

// Opening the link only shows the button: mail scanners fetch links, and must not spend it.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const link = await findSignInLink(domainContext(context), params.token ?? '');
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '');
  return { email: link?.email ?? null, redirectTo };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { userId } = await signInWithLink(domainContext(context), params.token ?? '');
    return await completeSignIn(context, userId, form.get('redirectTo'));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, { messageKey: error.messageKey });
  }
}

export default function SignInWithLink() {
  const t = useT();
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo }).toString()}` : '';
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('signInLink.title')}</h1>
      {email && !failure ? (
        <>
          <p className="text-slate-700">{t('signInLink.lead')}</p>
          <Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <SubmitButton>
              <span className="break-all">{t('signInLink.submit', { email })}</span>
            </SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
            {t(failure?.messageKey ?? 'signInLink.invalid')}
          </p>
          <p>
            <Link to={`/login/code${query}`}>{t('signInLink.requestNew')}</Link>
          </p>
        </>
      )}
    </PublicLayout>
  );
}
