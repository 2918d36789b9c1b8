import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { getClient, setClientArchived } from '~/clients/clients.server';
import { ContractTable } from '~/contracts/contract-table';
import { listContracts } from '~/contracts/list-contracts.server';
import { domainContext } from '~/domain/context';
import { idParam } from '~/http/params.server';
import { formatDate, formatTime } from '~/i18n/format';
import { pageTitle } from '~/i18n/meta';
import { useLocale, useT } from '~/i18n/react';
import { statusLabel } from '~/sessions/labels';
import { listClientSessions } from '~/sessions/queries.server';
import { PageHeader } from '~/ui/app-shell';
import { ClientsTabs } from '~/ui/clients-tabs';
import { DetailList } from '~/ui/detail-list';
import { RecordActions } from '~/ui/record-actions';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'clients.title');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const ctx = domainContext(context);
  const id = idParam(params.clientId);
  const client = await getClient(ctx, actor, id).catch(throwAsResponse);
  const [contracts, sessions] = await Promise.all([
    listContracts(ctx, actor, { status: 'all', clientId: id }),
    listClientSessions(ctx, actor, id),
  ]);
  return { client, contracts, sessions };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.clientId);
  const archive = (await request.formData()).get('intent') === 'archive';
  await setClientArchived(domainContext(context), actor, id, archive).catch(throwAsResponse);
  return redirect(`/clients/${id}`);
}

export default function ClientDetail() {
  const t = useT();
  const locale = useLocale();
  const { client, contracts, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <ClientsTabs />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader
          title={client.name}
          lead={client.archivedAt ? t('list.archivedNotice') : undefined}
        />
        <RecordActions archived={Boolean(client.archivedAt)} />
      </div>
      <DetailList
        items={[
          [t('clients.email'), client.email],
          [t('clients.phone'), client.phone],
          [t('clients.titleColumn'), client.title],
          [t('clients.organisation'), client.organisation],
          [
            t('clients.background'),
            client.backgroundAccess ? (
              client.background ? (
                <p className="whitespace-pre-line">{client.background}</p>
              ) : null
            ) : (
              <p className="text-sm text-slate-600">{t('clients.backgroundWithheld')}</p>
            ),
          ],
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
      <section aria-labelledby="sessions-heading" className="mt-8">
        <h2 id="sessions-heading" className="mb-3 text-lg font-semibold">
          {t('clients.sessions')}
        </h2>
        {sessions.length === 0 ? (
          <p>{t('clients.noSessions')}</p>
        ) : (
          <ul className="flex max-w-3xl flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {sessions.map((session) => {
              const when = `${formatDate(new Date(session.startsAt), locale)} ${formatTime(new Date(session.startsAt), locale)}`;
              return (
                <li key={session.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                  <span>
                    {session.ownSession ? <Link to={`/sessions/${session.id}`}>{when}</Link> : when}{' '}
                    · {session.contractCode}
                  </span>
                  <span
                    className={session.status === 'cancelled' ? 'text-slate-600 line-through' : ''}
                  >
                    {t(statusLabel[session.status])}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
