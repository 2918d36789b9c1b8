import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { listClients } from '~/clients/clients.server';
import { domainContext } from '~/domain/context';
import { listPage, listStatus } from '~/forms/fields';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';
import { ClientsTabs } from '~/ui/clients-tabs';
import { EmptyState } from '~/ui/empty-state';
import { ListFilter } from '~/ui/list-filter';
import { Pagination } from '~/ui/pagination';
import { ScrollBox } from '~/ui/scroll-box';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'clients.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const status = listStatus.parse(url.searchParams.get('status') ?? undefined);
  const page = listPage.parse(url.searchParams.get('page') ?? undefined);
  return {
    q,
    status,
    clients: await listClients(domainContext(context), actor, { q, status, page }),
  };
}

export default function Clients() {
  const t = useT();
  const { q, status, clients: page } = useLoaderData<typeof loader>();
  const { rows: clients, ...position } = page;
  return (
    <>
      <ClientsTabs />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t('clients.title')} lead={t('clients.lead')} />
        <Link
          to="/clients/new"
          className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900 hover:text-white"
        >
          {t('clients.new')}
        </Link>
      </div>
      <ListFilter q={q} status={status} searchLabel={t('clients.search')} />
      {clients.length === 0 ? (
        <EmptyState
          message={q ? t('list.noMatches') : t('clients.empty')}
          action={
            q
              ? { to: '/clients', label: t('list.clearSearch') }
              : { to: '/clients/new', label: t('clients.new') }
          }
        />
      ) : (
        <>
          <ScrollBox label={t('clients.title')}>
            <table className="w-full text-left">
              <caption className="sr-only">{t('clients.count', { count: position.total })}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('clients.name')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('clients.titleColumn')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('clients.organisation')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {clients.map((client) => (
                  <tr key={client.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">
                      <Link to={`/clients/${client.id}`}>{client.name}</Link>
                    </td>
                    <td className="px-3 py-2">{client.title}</td>
                    <td className="px-3 py-2">{client.organisation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <Pagination {...position} />
        </>
      )}
    </>
  );
}
