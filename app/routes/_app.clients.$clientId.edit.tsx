import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { ClientForm } from '~/clients/client-form';
import { getClient, updateClient } from '~/clients/clients.server';
import { clientSchema } from '~/clients/schemas';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'clients.edit', data?.client.name);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.clientId);
  const client = await getClient(domainContext(context), actor, id).catch(throwAsResponse);
  return { client };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.clientId);
  const parsed = parseForm(clientSchema, await request.formData());
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  await updateClient(domainContext(context), actor, id, parsed.data).catch(throwAsResponse);
  return redirect(`/clients/${id}`);
}

export default function EditClient() {
  const t = useT();
  const { client } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('clients.edit')} lead={client.name} />
      <ClientForm
        client={client}
        failure={useActionData<typeof action>()}
        submitLabel={t('form.save')}
      />
    </>
  );
}
