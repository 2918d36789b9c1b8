import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useParams } from '@remix-run/react';

import { MEMBER_HOME_PATH } from '~/auth/home';
import { acceptInvitationSchema } from '~/auth/schemas';
import { setSessionPractice } from '~/auth/session.server';
import { completeSignIn } from '~/auth/sign-in-flow.server';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest, refused } from '~/forms/respond.server';
import { resolveLocale } from '~/i18n/locale.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { acceptInvitation, findInvitation } from '~/practices/invitations.server';
import { Field, FormErrors, SubmitButton } from '~/ui/form';
import { PublicLayout } from '~/ui/public-layout';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invite.pageTitle');

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findInvitation(domainContext(context), params.token ?? '');
  return {
    invitation: invitation ?? null,
    signedInEmail: context.auth?.user.email ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const form = await request.formData();
  try {
    if (context.auth) {
      const { practiceId } = await acceptInvitation(domainContext(context), token, {
        kind: 'signed-in',
        userId: context.auth.user.id,
        email: context.auth.user.email,
      });
      await setSessionPractice(context.db, context.auth.session.id, practiceId);
      return redirect(MEMBER_HOME_PATH);
    }
    const parsed = parseForm(acceptInvitationSchema, form);
    if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
    const { userId } = await acceptInvitation(domainContext(context), token, {
      kind: 'new-account',
      ...parsed.data,
      locale: resolveLocale(request, context),
    });
    return await completeSignIn(context, userId);
  } catch (error) {
    if (isAppError(error)) return refused(error, formFailure(form, {}, error.messageKey));
    throw error;
  }
}

export default function AcceptInvitation() {
  const t = useT();
  const { invitation, signedInEmail } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { token = '' } = useParams();
  if (!invitation) {
    return (
      <PublicLayout>
        <h1 className="text-2xl font-semibold">{t('error.title')}</h1>
        <p role="alert">{t('invite.invalid')}</p>
      </PublicLayout>
    );
  }
  const practice = invitation.practiceName;
  return (
    <PublicLayout>
      <h1 className="text-2xl font-semibold">{t('invite.title', { practice })}</h1>
      <p>{t('invite.lead', { practice, role: t(`role.${invitation.role}`) })}</p>
      <FormErrors
        failure={failure}
        labels={{ name: t('auth.name'), password: t('auth.password') }}
      />
      {signedInEmail && signedInEmail !== invitation.email ? (
        <p role="alert">{t('invite.wrongUser', { email: invitation.email })}</p>
      ) : signedInEmail ? (
        <Form method="post">
          <SubmitButton>{t('invite.acceptAsUser')}</SubmitButton>
        </Form>
      ) : invitation.hasAccount ? (
        <p>
          {t('invite.existingAccount', { email: invitation.email })}{' '}
          <Link to={`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`}>
            {t('login.submit')}
          </Link>
        </p>
      ) : (
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <p>
            {t('auth.email')}: <strong>{invitation.email}</strong>
          </p>
          <Field name="name" label={t('auth.name')} autoComplete="name" failure={failure} />
          <Field
            name="password"
            type="password"
            label={t('auth.password')}
            hint={t('auth.passwordHint')}
            autoComplete="new-password"
            failure={failure}
          />
          <SubmitButton>{t('invite.submit')}</SubmitButton>
        </Form>
      )}
    </PublicLayout>
  );
}
