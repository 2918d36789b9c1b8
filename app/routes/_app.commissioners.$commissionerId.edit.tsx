import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { CommissionerForm } from '~/commissioners/commissioner-form';
import { getCommissioner, updateCommissioner } from '~/commissioners/commissioners.server';
import { commissionerSchema } from '~/commissioners/schemas';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'commissioners.edit', data?.commissioner.name);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const commissioner = await getCommissioner(
    domainContext(context),
    actor,
    idParam(params.commissionerId),
  ).catch(throwAsResponse);
  return { commissioner };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.commissionerId);
  const parsed = parseForm(commissionerSchema, await request.formData());
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  await updateCommissioner(domainContext(context), actor, id, parsed.data).catch(throwAsResponse);
  return redirect(`/commissioners/${id}`);
}

export default function EditCommissioner() {
  const t = useT();
  const { commissioner } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('commissioners.edit')} lead={commissioner.name} />
      <CommissionerForm
        commissioner={commissioner}
        failure={useActionData<typeof action>()}
        submitLabel={t('form.save')}
      />
    </>
  );
}
