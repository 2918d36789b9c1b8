/**
 * The key pages of issue 10 and the ids they show, chosen from the generated data. The
 * supervisor with the most sessions sees their busiest week, busiest contract, the client
 * with the most sessions with them and a held session with notes: as the person whose
 * work it is, they see every part of these pages (the owner sees less of a colleague's
 * contract). The owner sees the practice's lists and its invoices; the supervisee with the
 * most published summaries (and live portal access) sees their summaries in the portal.
 */
import postgres from 'postgres';

export type Role = 'owner' | 'supervisor' | 'supervisee';

export interface Page {
  key: string;
  label: string;
  path: string;
  as: Role;
}

export interface SkippedPage {
  key: string;
  label: string;
  reason: string;
}

export interface PagePlan {
  supervisorEmail: string;
  /** Null when the database has no portal accounts (the portal page is then skipped). */
  superviseeEmail: string | null;
  pages: Page[];
  skipped: SkippedPage[];
}

/**
 * A tagged-template query, as postgres.js's `sql` is: the rows of one statement whose
 * interpolated values are sent as parameters. The Lighthouse bench passes one over PGlite.
 */
export type Query = <Rows extends readonly object[]>(
  strings: TemplateStringsArray,
  ...values: string[]
) => PromiseLike<Rows>;

async function one<T>(query: PromiseLike<readonly T[]>, what: string): Promise<T> {
  const [row] = await query;
  if (!row) throw new Error(`the generated practice has no ${what}`);
  return row;
}

export async function planPages(url: string): Promise<PagePlan> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await planPagesWith((strings, ...values) => client(strings, ...values) as never);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The same choice through any query function (the database being PostgreSQL or PGlite). */
export async function planPagesWith(sql: Query): Promise<PagePlan> {
  const supervisor = await one(
    sql<{ id: string; email: string }[]>`
      select u.id, u.email from memberships m
      join users u on u.id = m.user_id
      join supervision_sessions s on s.supervisor_id = u.id
      where m.role = 'supervisor'
      group by u.id, u.email order by count(*) desc, u.email limit 1`,
    'supervisor with sessions',
  );
  const week = await one(
    sql<{ week: string }[]>`
      select to_char(starts_at at time zone 'Europe/Helsinki', 'IYYY-"W"IW') as week
      from supervision_sessions where supervisor_id = ${supervisor.id}
      group by 1 order by count(*) desc, 1 desc limit 1`,
    'week with sessions',
  );
  const contract = await one(
    sql<{ id: string }[]>`
      select contract_id as id from supervision_sessions where supervisor_id = ${supervisor.id}
      group by contract_id order by count(*) desc, contract_id limit 1`,
    'contract with sessions',
  );
  const client = await one(
    sql<{ id: string; surname: string }[]>`
      select cp.client_id as id,
        (select split_part(c.name, ' ', 2) from clients c where c.id = cp.client_id) as surname
      from contract_participants cp
      join supervision_sessions s on s.contract_id = cp.contract_id
      where s.supervisor_id = ${supervisor.id}
      group by cp.client_id order by count(*) desc, cp.client_id limit 1`,
    'client with sessions',
  );
  const session = await one(
    sql<{ id: string }[]>`
      select s.id from supervision_sessions s
      join session_notes n on n.session_id = s.id and n.author_id = s.supervisor_id
      where s.supervisor_id = ${supervisor.id} and s.status = 'held'
        and n.private_encrypted is not null
      order by exists (select 1 from summary_publications p where p.session_id = s.id) desc,
        s.starts_at desc
      limit 1`,
    'held session with notes',
  );
  const [supervisee] = await sql<{ email: string }[]>`
      select u.email from portal_access a
      join users u on u.id = a.user_id
      join contract_participants cp on cp.client_id = a.client_id
      join contracts c on c.id = cp.contract_id and c.status <> 'draft'
      join supervision_sessions s on s.contract_id = c.id
      where a.revoked_at is null
        and exists (select 1 from summary_publications p where p.session_id = s.id)
      group by u.email order by count(distinct s.id) desc, u.email limit 1`;
  const [invoice] = await sql<{ id: string }[]>`select id from invoices limit 1`;

  const pages: Page[] = [
    {
      key: 'calendar',
      label: 'calendar week',
      path: `/calendar?week=${week.week}`,
      as: 'supervisor',
    },
    { key: 'client', label: 'client page', path: `/clients/${client.id}`, as: 'supervisor' },
    { key: 'session', label: 'session page', path: `/sessions/${session.id}`, as: 'supervisor' },
    {
      key: 'notes',
      label: 'session notes',
      path: `/sessions/${session.id}/notes`,
      as: 'supervisor',
    },
    {
      key: 'contract',
      label: 'contract page',
      path: `/contracts/${contract.id}`,
      as: 'supervisor',
    },
    // The supervisor's day: Today aggregates their sessions and what waits (issue 11).
    { key: 'today', label: 'today', path: '/today', as: 'supervisor' },
    // The header search for the surname of their busiest supervisee: its clients, contracts
    // and the sessions of those contracts.
    {
      key: 'search',
      label: 'search by surname',
      path: `/search?q=${encodeURIComponent(client.surname)}`,
      as: 'supervisor',
    },
    { key: 'clients', label: "owner's client list", path: '/clients', as: 'owner' },
    { key: 'contracts', label: "owner's contract list", path: '/contracts', as: 'owner' },
  ];
  const skipped: SkippedPage[] = [];
  // A bench database generated before the generator wrote invoices and portal accounts.
  const regenerate = 'no data in this database (npm run bench -- --fresh)';
  if (invoice) {
    pages.push({
      key: 'invoices',
      label: "owner's invoice list",
      path: '/billing/invoices',
      as: 'owner',
    });
  } else {
    skipped.push({ key: 'invoices', label: "owner's invoice list", reason: regenerate });
  }
  if (supervisee) {
    pages.push({
      key: 'portal-summaries',
      label: 'portal summaries',
      path: '/portal/summaries',
      as: 'supervisee',
    });
  } else {
    skipped.push({ key: 'portal-summaries', label: 'portal summaries', reason: regenerate });
  }
  return {
    supervisorEmail: supervisor.email,
    superviseeEmail: supervisee?.email ?? null,
    pages,
    skipped,
  };
}
