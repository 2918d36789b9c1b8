import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { listCommissioners } from '~/commissioners/commissioners.server';
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'commissioners.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const status = listStatus.parse(url.searchParams.get('status') ?? undefined);
  const page = listPage.parse(url.searchParams.get('page') ?? undefined);
  return {
    q,
    status,
    commissioners: await listCommissioners(domainContext(context), actor, { q, status, page }),
  };
}

export default function Commissioners() {
  const t = useT();
  const { q, status, commissioners: page } = useLoaderData<typeof loader>();
  const { rows: commissioners, ...position } = page;
  return (
    <>
      <ClientsTabs />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t('commissioners.title')} lead={t('commissioners.lead')} />
        <Link
          to="/commissioners/new"
          className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900 hover:text-white"
        >
          {t('commissioners.new')}
        </Link>
      </div>
      <ListFilter q={q} status={status} searchLabel={t('commissioners.search')} />
      {commissioners.length === 0 ? (
        <EmptyState
          message={q ? t('list.noMatches') : t('commissioners.empty')}
          action={
            q
              ? { to: '/commissioners', label: t('list.clearSearch') }
              : { to: '/commissioners/new', label: t('commissioners.new') }
          }
        />
      ) : (
        <>
          <ScrollBox label={t('commissioners.title')}>
            <table className="w-full text-left">
              <caption className="sr-only">
                {t('commissioners.count', { count: position.total })}
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('commissioners.name')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commissioners.businessId')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commissioners.city')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {commissioners.map((c) => (
                  <tr key={c.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">
                      <Link to={`/commissioners/${c.id}`}>{c.name}</Link>
                    </td>
                    <td className="px-3 py-2 tabular-nums">{c.businessId}</td>
                    <td className="px-3 py-2">{c.city}</td>
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
