import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { isResetTokenUsable, resetPassword } from '~/auth/password-reset.server';
import { resetPasswordSchema } from '~/auth/schemas';
import { completeSignIn } from '~/auth/sign-in-flow.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reset.title');

export async function loader({ params, context }: LoaderFunctionArgs) {
  return { usable: await isResetTokenUsable(domainContext(context), params.token ?? '') };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(resetPasswordSchema, await request.formData());
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  try {
    const { userId } = await resetPassword(domainContext(context), {
      token: params.token ?? '',
      password: parsed.data.password,
    });
    return await completeSignIn(context, userId);
  } catch (error) {
    if (isAppError(error)) return refused(error, formFailure({}, {}, error.messageKey));
    throw error;
  }
}

export default function ResetPassword() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('reset.title')}</h1>
      {usable ? (
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <FormErrors failure={failure} labels={{ password: t('auth.newPassword') }} />
          <Field
            name="password"
            type="password"
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint')}
            autoComplete="new-password"
            failure={failure}
          />
          <SubmitButton>{t('reset.submit')}</SubmitButton>
        </Form>
      ) : (
        <>
          <p role="alert">{t('reset.invalidLink')}</p>
          <p>
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        </>
      )}
    </PublicLayout>
  );
}
