import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';

import { resendVerificationMail } from '~/auth/email-verification.server';
import { requireUser } from '~/auth/guards.server';
import { MEMBER_HOME_PATH } from '~/auth/home';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { refused } from '~/forms/respond.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Notice, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title');

export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  try {
    await resendVerificationMail(domainContext(context), user.id, {
      locale: resolveLocale(request, context),
      appOrigin: context.config.appOrigin,
      keyring: context.keyring,
    });
    return { sent: true as const };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, { sent: false as const, messageKey: error.messageKey });
  }
}

export default function ResendVerification() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('verify.title')}</h1>
      {result?.sent ? <Notice>{t('verify.resent')}</Notice> : null}
      {result && !result.sent ? (
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
          {t(result.messageKey)}
        </p>
      ) : null}
      <Form method="post">
        <SubmitButton>{t('verify.resend')}</SubmitButton>
      </Form>
      <p>
        <Link to={MEMBER_HOME_PATH}>{t('verify.continue')}</Link>
      </p>
    </PublicLayout>
  );
}
