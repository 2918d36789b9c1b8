import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { getCommissioner, setCommissionerArchived } from '~/commissioners/commissioners.server';
import { ContractTable } from '~/contracts/contract-table';
import { listContracts } from '~/contracts/list-contracts.server';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { ClientsTabs } from '~/ui/clients-tabs';
import { DetailList } from '~/ui/detail-list';
import { RecordActions } from '~/ui/record-actions';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'commissioners.title', data?.commissioner.name);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const commissioner = await getCommissioner(ctx, actor, idParam(params.commissionerId)).catch(
    throwAsResponse,
  );
  const contracts = await listContracts(ctx, actor, {
    status: 'all',
    commissionerId: commissioner.id,
  });
  return { commissioner, contracts };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.commissionerId);
  const archive = (await request.formData()).get('intent') === 'archive';
  await setCommissionerArchived(domainContext(context), actor, id, archive).catch(throwAsResponse);
  return redirect(`/commissioners/${id}`);
}

export default function CommissionerDetail() {
  const t = useT();
  const { commissioner: c, contracts } = useLoaderData<typeof loader>();
  const address = [c.addressLine, [c.postalCode, c.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <ClientsTabs />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={c.name} lead={c.archivedAt ? t('list.archivedNotice') : undefined} />
        <RecordActions archived={Boolean(c.archivedAt)} />
      </div>
      <DetailList
        items={[
          [t('commissioners.businessId'), c.businessId],
          [t('commissioners.billingContact'), c.billingContact],
          [t('commissioners.billingEmail'), c.billingEmail],
          [t('commissioners.address'), address || null],
          [t('commissioners.eInvoiceAddress'), c.eInvoiceAddress],
          [t('commissioners.eInvoiceOperator'), c.eInvoiceOperator],
        ]}
      />
      <section aria-labelledby="contracts-heading" className="mt-8">
        <h2 id="contracts-heading" className="mb-3 text-lg font-semibold">
          {t('contracts.title')}
        </h2>
        {contracts.length === 0 ? (
          <p>{t('clients.noContracts')}</p>
        ) : (
          <ContractTable contracts={contracts} />
        )}
      </section>
    </>
  );
}
