import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { verifyEmail } from '~/auth/email-verification.server';
import { MEMBER_HOME_PATH } from '~/auth/home';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Notice, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title');

export function loader({ context }: LoaderFunctionArgs) {
  return { signedIn: context.auth !== null };
}

// Confirming takes a POST: mail scanners that open every link must not spend it.
export async function action({ params, context }: ActionFunctionArgs) {
  try {
    await verifyEmail(domainContext(context), params.token ?? '');
    return { verified: true as const };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, { verified: false as const, messageKey: error.messageKey });
  }
}

export default function VerifyEmail() {
  const t = useT();
  const { signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('verify.title')}</h1>
      {result?.verified ? (
        <>
          <Notice>{t('verify.done')}</Notice>
          <p>
            <Link to={signedIn ? MEMBER_HOME_PATH : '/login'}>
              {signedIn ? t('verify.continue') : t('login.submit')}
            </Link>
          </p>
        </>
      ) : (
        <>
          {result ? (
            <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
              {t(result.messageKey)}
            </p>
          ) : null}
          <p className="text-slate-700">{t('verify.lead')}</p>
          <Form method="post">
            <SubmitButton>{t('verify.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </PublicLayout>
  );
}
