import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { CommissionerForm } from '~/commissioners/commissioner-form';
import { createCommissioner } from '~/commissioners/commissioners.server';
import { commissionerSchema } from '~/commissioners/schemas';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'commissioners.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePracticeRole(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const parsed = parseForm(commissionerSchema, await request.formData());
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  const id = await createCommissioner(domainContext(context), actor, parsed.data);
  return redirect(`/commissioners/${id}`);
}

export default function NewCommissioner() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('commissioners.new')} />
      <CommissionerForm failure={useActionData<typeof action>()} submitLabel={t('form.create')} />
    </>
  );
}
