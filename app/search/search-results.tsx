import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

import { formatDay, StatusBadge } from '~/contracts/display';
import { formatDate, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { statusLabel } from '~/sessions/labels';
import { formatIsoWeek, isoWeekOf } from '~/time/iso-week';
import { Panel } from '~/ui/panel';

import type { SearchResults } from './search.server';

const listClass = 'flex flex-col divide-y divide-slate-200';
const moreClass = 'text-sm font-medium';

/** The three groups of a search; or, when nothing matched, what to try instead. */
export function SearchResultGroups({ query, results }: { query: string; results: SearchResults }) {
  const t = useT();
  const { clients, contracts, sessions, date } = results;
  // A date names a day of the calendar even when it has no sessions: the groups (and the
  // link to that week) are shown instead of "nothing found".
  if (clients.total + contracts.total + sessions.total === 0 && !date) {
    return (
      <div className="flex max-w-prose flex-col gap-3">
        <p className="font-medium">{t('search.noResults', { query })}</p>
        <p className="text-slate-700">{t('search.noResultsHelp')}</p>
        <p className="text-slate-700">{t('search.private')}</p>
      </div>
    );
  }
  const q = encodeURIComponent(query);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Group
        id="search-clients"
        title={t('search.clients')}
        total={clients.total}
        shown={clients.rows.length}
      >
        <ul className={listClass}>
          {clients.rows.map((client) => (
            <li key={client.id} className="flex flex-col py-2">
              <Link to={`/clients/${client.id}`} className="font-medium">
                {client.name}
              </Link>
              <span className="text-sm text-slate-700 [overflow-wrap:anywhere]">
                {[client.organisation, client.email].filter(Boolean).join(' · ')}
                {client.archived ? ` (${t('search.archived')})` : null}
              </span>
            </li>
          ))}
        </ul>
        {clients.total > clients.rows.length ? (
          <p className="flex flex-col gap-1">
            {clients.total > clients.archived ? (
              <Link to={`/clients?q=${q}`} className={moreClass}>
                {t('search.showAllClients')}
              </Link>
            ) : null}
            {clients.archived > 0 ? (
              <Link to={`/clients?status=archived&q=${q}`} className={moreClass}>
                {t('search.showArchivedClients')}
              </Link>
            ) : null}
          </p>
        ) : null}
      </Group>
      <Group
        id="search-contracts"
        title={t('search.contracts')}
        total={contracts.total}
        shown={contracts.rows.length}
      >
        <ul className={listClass}>
          {contracts.rows.map((contract) => (
            <li key={contract.id} className="flex flex-col gap-0.5 py-2">
              <span className="flex flex-wrap items-center gap-2">
                <Link to={`/contracts/${contract.id}`} className="font-medium">
                  {contract.code}
                </Link>
                <StatusBadge status={contract.status} />
              </span>
              <span className="text-sm text-slate-700">
                {[contract.participantNames, contract.commissionerName].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
        {contracts.total > contracts.rows.length ? (
          <Link to={`/contracts?q=${q}`} className={moreClass}>
            {t('search.showAllContracts')}
          </Link>
        ) : null}
      </Group>
      <Group
        id="search-sessions"
        title={t('search.sessions')}
        total={sessions.total}
        shown={sessions.rows.length}
        ownEmptyState
      >
        <SessionHits sessions={sessions.rows} date={date} />
      </Group>
    </div>
  );
}

function Group({
  id,
  title,
  total,
  shown,
  ownEmptyState = false,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  /** The children say themselves that nothing was found (and what else there is). */
  ownEmptyState?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Panel id={id} title={title}>
      <p className="-mt-3 text-sm text-slate-700">
        {t('search.hits', { count: total })}
        {total > shown ? `, ${t('search.firstShown', { shown })}` : null}
      </p>
      {total === 0 && !ownEmptyState ? <GroupEmpty /> : children}
    </Panel>
  );
}

function GroupEmpty() {
  const t = useT();
  return <p className="text-slate-700">{t('search.groupEmpty')}</p>;
}

function SessionHits({
  sessions,
  date,
}: {
  sessions: SearchResults['sessions']['rows'];
  date: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="text-sm text-slate-700">
        {date
          ? t('search.sessionsOnDay', { date: formatDay(date, locale) })
          : t('search.sessionsOwn')}
      </p>
      {sessions.length > 0 ? (
        <ul className={listClass}>
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-col gap-0.5 py-2">
              <Link to={`/sessions/${session.id}`} className="font-medium">
                {t('search.when', {
                  date: formatDate(session.startsAt, locale),
                  start: formatTime(session.startsAt, locale),
                  end: formatTime(session.endsAt, locale),
                })}
              </Link>
              <span className="text-sm text-slate-700">
                {[session.contractCode, session.participantNames].filter(Boolean).join(' · ')}
                {' · '}
                {t(statusLabel[session.status])}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <GroupEmpty />
      )}
      {date ? (
        <Link to={`/calendar?week=${formatIsoWeek(isoWeekOf(date))}`} className={moreClass}>
          {t('search.dayInCalendar')}
        </Link>
      ) : null}
    </>
  );
}
