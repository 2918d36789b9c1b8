import type { MetaFunction } from '@remix-run/node';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { requirePracticeRole } from '~/auth/guards.server';
import { listClients } from '~/clients/list-clients.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { PageHeader } from '~/ui/app-shell';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'clients.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  return { clients: await listClients(context.db, actor) };
}

export default function Clients() {
  const t = useT();
  const { clients } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t('clients.title')} lead={t('clients.lead')} />
      {clients.length === 0 ? (
        <p>{t('clients.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t('clients.count', { count: clients.length })}</caption>
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
                  <td className="px-3 py-2">{client.name}</td>
                  <td className="px-3 py-2">{client.title}</td>
                  <td className="px-3 py-2">{client.organisation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
