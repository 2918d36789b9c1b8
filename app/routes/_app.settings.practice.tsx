import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { domainContext } from '~/domain/context';
import { parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import {
  practiceProfileSchema,
  readPracticeProfile,
  updatePracticeProfile,
} from '~/practices/profile.server';
import { PageHeader } from '~/ui/app-shell';
import { Field, FormErrors, Notice, SubmitButton } from '~/ui/form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'practice.profile.title');

/** The practice's name and contact details: the owner's page; any other member gets 403. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  return { profile: await readPracticeProfile(domainContext(context), actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context, 'owner');
  const parsed = parseForm(practiceProfileSchema, await request.formData());
  if (!parsed.ok) return badRequest({ done: false, failure: parsed });
  await updatePracticeProfile(domainContext(context), actor, parsed.data).catch(throwAsResponse);
  return { done: true, failure: undefined };
}

export default function PracticeProfileSettings() {
  const t = useT();
  const { profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result?.failure;
  return (
    <>
      <PageHeader title={t('practice.profile.title')} lead={t('practice.profile.lead')} />
      {result?.done ? (
        <div className="mb-4 max-w-2xl">
          <Notice>{t('practice.profile.saved')}</Notice>
        </div>
      ) : null}
      <Form method="post" className="flex max-w-2xl flex-col gap-4" noValidate>
        <FormErrors
          failure={failure}
          labels={{
            name: t('practice.profile.name'),
            contactEmail: t('practice.profile.contactEmail'),
            contactPhone: t('practice.profile.contactPhone'),
          }}
        />
        <Field
          name="name"
          label={t('practice.profile.name')}
          hint={t('practice.profile.nameHint')}
          autoComplete="organization"
          defaultValue={profile.name}
          failure={failure}
        />
        <Field
          name="contactEmail"
          type="email"
          label={t('practice.profile.contactEmail')}
          hint={t('practice.profile.contactHint')}
          autoComplete="email"
          required={false}
          defaultValue={profile.contactEmail}
          failure={failure}
        />
        <Field
          name="contactPhone"
          type="tel"
          label={t('practice.profile.contactPhone')}
          autoComplete="tel"
          required={false}
          defaultValue={profile.contactPhone}
          failure={failure}
        />
        <SubmitButton>{t('practice.profile.save')}</SubmitButton>
      </Form>
      <p className="mt-8">
        <Link to="/settings/invoicing">{t('practice.profile.invoicingLink')}</Link>
      </p>
    </>
  );
}
