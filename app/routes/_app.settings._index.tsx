import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { changePassword } from '~/auth/change-password.server';
import { requirePracticeRole } from '~/auth/guards.server';
import { updateProfile } from '~/auth/profile.server';
import { changePasswordSchema, profileSchema } from '~/auth/schemas';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { type FormFailure, formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest, refused } from '~/forms/respond.server';
import { locales } from '~/i18n';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settings.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const { user } = actor.auth;
  return {
    name: user.name,
    email: user.email,
    locale: user.locale,
    isOwner: actor.role === 'owner',
  };
}

type Result = { intent: 'profile' | 'password'; done: boolean; failure?: FormFailure };

type Answer = Result | BadRequest<Result>;

export async function action({ request, context }: ActionFunctionArgs): Promise<Answer> {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const form = await request.formData();
  if (form.get('intent') === 'password') {
    const parsed = parseForm(changePasswordSchema, form);
    if (!parsed.ok) return badRequest({ intent: 'password', done: false, failure: parsed });
    try {
      await changePassword(
        ctx,
        { userId: actor.userId, sessionId: actor.auth.session.id },
        parsed.data,
      );
      return { intent: 'password', done: true };
    } catch (error) {
      if (!isAppError(error)) throw error;
      const failure = formFailure(form, { currentPassword: [error.messageKey] });
      return refused<Result>(error, { intent: 'password', done: false, failure });
    }
  }
  const parsed = parseForm(profileSchema, form);
  if (!parsed.ok) return badRequest({ intent: 'profile', done: false, failure: parsed });
  const { name, locale } = parsed.data;
  await updateProfile(ctx, actor.userId, { name, locale: locale || null });
  return { intent: 'profile', done: true };
}

export default function Settings() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const profile = result?.intent === 'profile' ? result : undefined;
  const password = result?.intent === 'password' ? result : undefined;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div className="grid gap-8 md:grid-cols-2">
        <section
          aria-labelledby="profile-heading"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="profile-heading" className="text-lg font-semibold">
            {t('settings.profile')}
          </h2>
          {profile?.done ? <Notice>{t('form.saved')}</Notice> : null}
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <input type="hidden" name="intent" value="profile" />
            <FormErrors failure={profile?.failure} labels={{ name: t('auth.name') }} />
            <p>
              {t('auth.email')}: <strong>{data.email}</strong>
            </p>
            <Field
              name="name"
              label={t('auth.name')}
              autoComplete="name"
              defaultValue={data.name}
              failure={profile?.failure}
            />
            <div className="flex flex-col gap-1">
              <label htmlFor="field-locale" className="font-medium">
                {t('settings.language')}
              </label>
              <select
                id="field-locale"
                name="locale"
                defaultValue={data.locale ?? ''}
                className="rounded-md border border-slate-400 px-3 py-2"
              >
                <option value="">{t('settings.languageBrowser')}</option>
                {locales.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {t(`language.${locale}`)}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton>{t('settings.saveProfile')}</SubmitButton>
          </Form>
        </section>
        <section
          aria-labelledby="password-heading"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="password-heading" className="text-lg font-semibold">
            {t('settings.password')}
          </h2>
          {password?.done ? <Notice>{t('settings.passwordChanged')}</Notice> : null}
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <input type="hidden" name="intent" value="password" />
            <FormErrors
              failure={password?.failure}
              labels={{
                currentPassword: t('auth.currentPassword'),
                password: t('auth.newPassword'),
              }}
            />
            <Field
              name="currentPassword"
              type="password"
              label={t('auth.currentPassword')}
              autoComplete="current-password"
              failure={password?.failure}
            />
            <Field
              name="password"
              type="password"
              label={t('auth.newPassword')}
              hint={t('auth.passwordHint')}
              autoComplete="new-password"
              failure={password?.failure}
            />
            <SubmitButton>{t('settings.passwordSubmit')}</SubmitButton>
          </Form>
        </section>
      </div>
      <ul className="mt-8 flex flex-col gap-2">
        <li>
          <Link to="/settings/calendar">{t('feeds.settingsLink')}</Link>
        </li>
        {data.isOwner ? (
          <li>
            <Link to="/settings/members">{t('settings.membersLink')}</Link>
          </li>
        ) : null}
        {data.isOwner ? (
          <li>
            <Link to="/settings/prompts">{t('notes.promptBankLink')}</Link>
          </li>
        ) : null}
        {data.isOwner ? (
          <li>
            <Link to="/settings/feedback">{t('feedback.settings.link')}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
