import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { contractFormRefusal } from '~/contracts/action-results.server';
import { ContractForm } from '~/contracts/contract-form';
import { contractValues } from '~/contracts/form-values';
import { getContract } from '~/contracts/get-contract.server';
import { contractFormOptions } from '~/contracts/references.server';
import { contractSchema } from '~/contracts/schemas';
import { updateContract } from '~/contracts/update-contract.server';
import { domainContext } from '~/domain/context';
import { formFailure, parseForm } from '~/forms/parse';
import { badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { Notice } from '~/ui/form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'contracts.edit', data?.code);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const id = idParam(params.contractId);
  const contract = await getContract(ctx, actor, id).catch(throwAsResponse);
  const choices = await contractFormOptions(ctx, actor, id);
  return {
    id,
    code: contract.code,
    ended: contract.status === 'ended',
    choices,
    values: contractValues(contract),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.contractId);
  const form = await request.formData();
  const parsed = parseForm(contractSchema, form);
  if (!parsed.ok) return badRequest(formFailure(parsed.values, parsed.fieldErrors));
  try {
    await updateContract(domainContext(context), actor, id, parsed.data);
    return redirect(`/contracts/${id}`);
  } catch (error) {
    return contractFormRefusal(form, error);
  }
}

export default function EditContract() {
  const t = useT();
  const { id, code, ended, choices, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t('contracts.edit')} lead={code} />
      {ended ? (
        <div className="flex flex-col gap-4">
          <Notice>{t('contracts.readOnly')}</Notice>
          <p>
            <Link to={`/contracts/${id}`}>{code}</Link>
          </p>
        </div>
      ) : (
        <ContractForm
          values={values}
          choices={choices}
          failure={failure}
          submitLabel={t('form.save')}
          cancelTo={`/contracts/${id}`}
        />
      )}
    </>
  );
}
