import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { listContractPage } from '~/contracts/contract-list-page.server';
import { ContractTable } from '~/contracts/contract-table';
import { contractStatusFilter } from '~/contracts/schemas';
import { domainContext } from '~/domain/context';
import { listPage } from '~/forms/fields';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { EmptyState } from '~/ui/empty-state';
import { Pagination } from '~/ui/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'contracts.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const status = contractStatusFilter.parse(url.searchParams.get('status') ?? undefined);
  const page = listPage.parse(url.searchParams.get('page') ?? undefined);
  return {
    q,
    status,
    contracts: await listContractPage(domainContext(context), actor, { q, status, page }),
  };
}

const filterOptions = ['all', 'draft', 'active', 'ended'] as const;

export default function Contracts() {
  const t = useT();
  const { q, status, contracts: page } = useLoaderData<typeof loader>();
  const { rows: contracts, ...position } = page;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t('contracts.title')} lead={t('contracts.lead')} />
        <Link
          to="/contracts/new"
          className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900 hover:text-white"
        >
          {t('contracts.new')}
        </Link>
      </div>
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-q" className="font-medium">
            {t('contracts.search')}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={q}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="font-medium">
            {t('contracts.filterStatus')}
          </label>
          <select
            id="filter-status"
            name="status"
            defaultValue={status}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            {filterOptions.map((option) => (
              <option key={option} value={option}>
                {option === 'all' ? t('contracts.filterAll') : t(`contracts.status.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md border border-teal-800 px-4 py-2 font-medium text-teal-900 hover:bg-teal-50"
        >
          {t('contracts.filterApply')}
        </button>
      </Form>
      {contracts.length === 0 ? (
        <EmptyState
          message={q ? t('list.noMatches') : t('contracts.empty')}
          action={
            q
              ? { to: '/contracts', label: t('list.clearSearch') }
              : { to: '/contracts/new', label: t('contracts.new') }
          }
        />
      ) : (
        <>
          <ContractTable contracts={contracts} total={position.total} />
          <Pagination {...position} />
        </>
      )}
    </>
  );
}
