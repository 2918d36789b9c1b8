import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { contractFormRefusal } from '~/contracts/action-results.server';
import { ContractForm } from '~/contracts/contract-form';
import { createContract } from '~/contracts/create-contract.server';
import { newContractValues } from '~/contracts/form-values';
import { contractFormOptions } from '~/contracts/references.server';
import { contractSchema } from '~/contracts/schemas';
import { suggestContractCode } from '~/contracts/suggest-contract-code.server';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'contracts.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const [choices, code] = await Promise.all([
    contractFormOptions(ctx, actor),
    suggestContractCode(ctx, actor),
  ]);
  return { choices, values: newContractValues(code, actor.userId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const form = await request.formData();
  const parsed = parseForm(contractSchema, form);
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  try {
    const id = await createContract(domainContext(context), actor, parsed.data);
    return redirect(`/contracts/${id}`);
  } catch (error) {
    return contractFormRefusal(form, error);
  }
}

export default function NewContract() {
  const t = useT();
  const { choices, values } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('contracts.new')} />
      <ContractForm
        values={values}
        choices={choices}
        failure={useActionData<typeof action>()}
        submitLabel={t('form.create')}
        cancelTo="/contracts"
      />
    </>
  );
}
