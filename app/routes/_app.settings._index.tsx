import type { MetaFunction } from '@remix-run/node';
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { changePassword } from '~/auth/change-password.server';
import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { updateProfile } from '~/auth/profile.server';
import { changePasswordSchema, profileSchema } from '~/auth/schemas';
import { hasTwoFactor } from '~/auth/two-factor/authenticator.server';
import { twoFactorRequirementSchema } from '~/auth/two-factor/schemas';
import { domainContext } from '~/domain/context';
import { isAppError } from '~/errors';
import { type FormFailure, formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest, refused } from '~/forms/respond.server';
import { locales } from '~/i18n';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import {
  readTwoFactorRequirement,
  setTwoFactorRequirement,
} from '~/practices/two-factor-requirement.server';
import { getReminderHours, setReminderHours } from '~/session-mail/reminder-setting.server';
import { ReminderSettingSection } from '~/session-mail/reminder-setting-form';
import { reminderSettingSchema } from '~/session-mail/schemas';
import { PageHeader } from '~/ui/app-shell';
import { CheckboxField, Field, FormErrors, Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settings.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const { user } = actor.auth;
  const isOwner = actor.role === 'owner';
  return {
    name: user.name,
    email: user.email,
    locale: user.locale,
    isOwner,
    twoFactorOn: await hasTwoFactor(context.db, user.id),
    twoFactorRequirement: isOwner
      ? await readTwoFactorRequirement(domainContext(context), actor)
      : null,
    reminderHours: await getReminderHours(domainContext(context), actor),
  };
}

type Result = {
  intent: 'profile' | 'password' | 'two-factor-requirement' | 'reminders';
  done: boolean;
  failure?: FormFailure;
};

type Answer = Result | BadRequest<Result>;

export async function action({ request, context }: ActionFunctionArgs): Promise<Answer> {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const form = await request.formData();
  if (form.get('intent') === 'two-factor-requirement') {
    const parsed = parseForm(twoFactorRequirementSchema, form);
    if (!parsed.ok) {
      return badRequest({ intent: 'two-factor-requirement', done: false, failure: parsed });
    }
    await setTwoFactorRequirement(ctx, actor, {
      staff: parsed.data.requireStaff,
      supervisees: parsed.data.requireSupervisees,
    }).catch(throwAsResponse);
    return { intent: 'two-factor-requirement', done: true };
  }
  if (form.get('intent') === 'reminders') {
    const parsed = parseForm(reminderSettingSchema, form);
    if (!parsed.ok) return badRequest({ intent: 'reminders', done: false, failure: parsed });
    // Only the owner sees this form: anyone else posting it gets the forbidden page.
    await setReminderHours(ctx, actor, parsed.data.reminderHours).catch(throwAsResponse);
    return { intent: 'reminders', done: true };
  }
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
  const requirement = result?.intent === 'two-factor-requirement' ? result : undefined;
  const reminders = result?.intent === 'reminders' ? result : undefined;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div className="grid grid-cols-1 gap-8 md:grid-cols-2">
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
        <section
          aria-labelledby="two-factor-heading"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="two-factor-heading" className="text-lg font-semibold">
            {t('settings.twoFactor')}
          </h2>
          <p>{data.twoFactorOn ? t('settings.twoFactorOn') : t('settings.twoFactorOff')}</p>
          <p>
            <Link to="/account/two-factor">{t('settings.twoFactorLink')}</Link>
          </p>
          {data.twoFactorRequirement ? (
            <>
              <h3 className="font-semibold">{t('settings.twoFactorPolicy')}</h3>
              <p className="text-slate-700">{t('settings.twoFactorPolicyLead')}</p>
              {requirement?.done ? <Notice>{t('form.saved')}</Notice> : null}
              <Form method="post" className="flex flex-col gap-4" noValidate>
                <input type="hidden" name="intent" value="two-factor-requirement" />
                <FormErrors failure={requirement?.failure} />
                <CheckboxField
                  name="requireStaff"
                  label={t('settings.requireStaff')}
                  defaultChecked={data.twoFactorRequirement.staff}
                  failure={requirement?.failure}
                />
                <CheckboxField
                  name="requireSupervisees"
                  label={t('settings.requireSupervisees')}
                  defaultChecked={data.twoFactorRequirement.supervisees}
                  failure={requirement?.failure}
                />
                <SubmitButton>{t('settings.savePolicy')}</SubmitButton>
              </Form>
            </>
          ) : null}
        </section>
        <ReminderSettingSection
          hours={data.reminderHours}
          isOwner={data.isOwner}
          result={reminders}
        />
      </div>
      <ul className="mt-8 flex flex-col gap-2">
        <li>
          <Link to="/settings/calendar">{t('feeds.settingsLink')}</Link>
        </li>
        <li>
          <Link to="/settings/exercises">{t('exercises.toolkitLink')}</Link>
        </li>
        {data.isOwner ? (
          <>
            <li>
              <Link to="/settings/practice">{t('practice.profile.link')}</Link>
            </li>
            <li>
              <Link to="/settings/members">{t('settings.membersLink')}</Link>
            </li>
            <li>
              <Link to="/settings/prompts">{t('notes.promptBankLink')}</Link>
            </li>
            <li>
              <Link to="/settings/feedback">{t('feedback.settings.link')}</Link>
            </li>
            <li>
              <Link to="/settings/invoicing">{t('billing.details.settingsLink')}</Link>
            </li>
          </>
        ) : null}
      </ul>
    </>
  );
}
