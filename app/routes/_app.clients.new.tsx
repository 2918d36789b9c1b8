import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { ClientForm } from '~/clients/client-form';
import { createClient } from '~/clients/clients.server';
import { clientSchema } from '~/clients/schemas';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'clients.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePracticeRole(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const parsed = parseForm(clientSchema, await request.formData());
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  const id = await createClient(domainContext(context), actor, parsed.data);
  return redirect(`/clients/${id}`);
}

export default function NewClient() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('clients.new')} />
      <ClientForm failure={useActionData<typeof action>()} submitLabel={t('form.create')} />
    </>
  );
}
