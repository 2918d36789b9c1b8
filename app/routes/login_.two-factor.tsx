import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';

import { completeSecondFactor } from '~/auth/sign-in-flow.server';
import { passSecondFactor } from '~/auth/two-factor/pass-second-factor.server';
import {
  clearedPendingSignInCookie,
  findPendingSignIn,
  pendingSignInToken,
} from '~/auth/two-factor/pending-sign-in.server';
import { secondFactorSchema } from '~/auth/two-factor/schemas';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'twoFactor.signInTitle');

/** Without a live pending sign-in (none, expired, or already used) there is nothing to finish. */
function backToLogin(secure: boolean): Response {
  return redirect('/login', { headers: { 'Set-Cookie': clearedPendingSignInCookie(secure) } });
}

// No requireAnonymous: whoever holds a pending sign-in is signing in (perhaps as someone else).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = pendingSignInToken(request);
  const pending = token ? await findPendingSignIn(context.db, token, new Date()) : null;
  if (!pending) throw backToLogin(context.config.cookieSecure);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = pendingSignInToken(request);
  if (!token) return backToLogin(context.config.cookieSecure);
  const form = await request.formData();
  const parsed = parseForm(secondFactorSchema, form);
  if (!parsed.ok) return badRequest(formFailure({}, parsed.fieldErrors));
  try {
    const { userId, redirectTo } = await passSecondFactor(domainContext(context), {
      token,
      code: parsed.data.code,
      ip: context.clientIp,
      locale: resolveLocale(request, context),
    });
    return await completeSecondFactor(context, userId, redirectTo);
  } catch (error) {
    if (!isAppError(error)) throw error;
    // 401 for a wrong code, 429 when throttled; a code is not kept in the form.
    return refused(error, formFailure({}, {}, error.messageKey));
  }
}

export default function SecondFactor() {
  const t = useT();
  const failure = useActionData<typeof action>();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('twoFactor.signInTitle')}</h1>
      <p className="text-slate-700">{t('twoFactor.signInLead')}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormErrors failure={failure} labels={{ code: t('twoFactor.anyCode') }} />
        <Field
          name="code"
          label={t('twoFactor.anyCode')}
          hint={t('twoFactor.signInHint')}
          autoComplete="one-time-code"
          failure={failure}
        />
        <SubmitButton>{t('twoFactor.signInSubmit')}</SubmitButton>
      </Form>
      <p>
        <Link to="/login">{t('twoFactor.startOver')}</Link>
      </p>
    </PublicLayout>
  );
}
