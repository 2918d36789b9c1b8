import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';

import { requireAnonymous } from '~/auth/guards.server';
import { signUpSchema } from '~/auth/schemas';
import { signUp } from '~/auth/sign-up.server';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { Field, FormErrors, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signup.title');

export function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(signUpSchema, form);
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  // A new account and an address that already has one get the same answer: the mail tells
  // the address's owner which it was.
  await signUp(domainContext(context), {
    ...parsed.data,
    locale: resolveLocale(request, context),
    mail: { appOrigin: context.config.appOrigin, keyring: context.keyring },
  });
  return redirect('/check-email');
}

export default function SignUp() {
  const t = useT();
  const failure = useActionData<typeof action>();
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('signup.title')}</h1>
      <p className="text-slate-700">{t('signup.lead')}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormErrors
          failure={failure}
          labels={{
            practiceName: t('signup.practiceName'),
            name: t('auth.name'),
            email: t('auth.email'),
            password: t('auth.password'),
          }}
        />
        <Field
          name="practiceName"
          label={t('signup.practiceName')}
          hint={t('signup.practiceNameHint')}
          autoComplete="organization"
          failure={failure}
        />
        <Field name="name" label={t('auth.name')} autoComplete="name" failure={failure} />
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
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
          failure={failure}
        />
        <SubmitButton>{t('signup.submit')}</SubmitButton>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('login.submit')}</Link>
      </p>
    </PublicLayout>
  );
}
