import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';

import { requestPasswordReset } from '~/auth/password-reset.server';
import { forgotPasswordSchema } from '~/auth/schemas';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forgot.title');

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(forgotPasswordSchema, form);
  if (!parsed.ok) {
    return badRequest({ sent: false, ...formFailure(parsed.values, parsed.fieldErrors) });
  }
  try {
    await requestPasswordReset(domainContext(context), {
      email: parsed.data.email,
      locale: resolveLocale(request, context),
      ip: context.clientIp,
      mail: { appOrigin: context.config.appOrigin, keyring: context.keyring },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, { sent: false, ...formFailure(form, {}, error.messageKey) });
  }
  return { sent: true, fieldErrors: {}, values: {} };
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('forgot.title')}</h1>
      {result?.sent ? (
        <Notice>{t('forgot.sent')}</Notice>
      ) : (
        <>
          <p className="text-slate-700">{t('forgot.lead')}</p>
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <FormErrors failure={result} labels={{ email: t('auth.email') }} />
            <Field
              name="email"
              type="email"
              label={t('auth.email')}
              autoComplete="email"
              failure={result}
            />
            <SubmitButton>{t('forgot.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </PublicLayout>
  );
}
