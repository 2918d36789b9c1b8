/**
 * The contract list (/contracts): one page of the contracts the actor may see, filtered by
 * state and searched by code, supervisee or commissioner. Three queries whatever the size of
 * the practice: the count, the page with its participants' names, and the progress of the
 * contracts on the page.
 */
import { and, asc, count, desc, eq, exists, ilike, or, type SQL, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { containsPattern } from '#db/like';
import { type Page, pageWindow } from '#db/paging';
import { clients, commissioners, type Contract, contractParticipants, contracts } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { participantClient, visibleContracts } from './access.server';
import { contractProgress, type ContractProgressCounts } from './progress.server';
import type { ContractStatusFilter } from './schemas';

export interface ContractPageFilter {
  status: ContractStatusFilter;
  q?: string;
  /** 1-based; a page past the end reads as the first. */
  page?: number;
}

export interface ContractListRow {
  id: string;
  code: string;
  form: Contract['form'];
  status: Contract['status'];
  startsOn: string;
  commissionerName: string;
  participantNames: string[];
  progress: ContractProgressCounts;
}

/** Joins a contract to its commissioner, in the same practice only. */
export const commissionerOfContract = and(
  eq(commissioners.id, contracts.commissionerId),
  eq(commissioners.practiceId, contracts.practiceId),
);

/**
 * A contract whose code, commissioner or one of whose supervisees matches the search.
 * PostgreSQL reads the visible contracts and, once, the clients whose name matches (under a
 * millisecond for 300 contracts and 1,000 clients): no index serves a LIKE with a leading
 * wildcard, and none is needed at this size. The header search (app/search) uses the same
 * test, so its "show all" link lands on this list with the same contracts.
 */
export function matchesSearch(db: Db, q: string): SQL | undefined {
  const pattern = containsPattern(q);
  return or(
    ilike(contracts.code, pattern),
    ilike(commissioners.name, pattern),
    exists(
      db
        .select({ one: sql`1` })
        .from(contractParticipants)
        .innerJoin(clients, participantClient)
        .where(
          and(
            eq(contractParticipants.contractId, contracts.id),
            eq(contractParticipants.practiceId, contracts.practiceId),
            ilike(clients.name, pattern),
          ),
        ),
    ),
  );
}

export async function listContractPage(
  { db }: DomainContext,
  actor: MemberActor,
  filter: ContractPageFilter,
): Promise<Page<ContractListRow>> {
  const where = and(
    visibleContracts(actor),
    filter.status === 'all' ? undefined : eq(contracts.status, filter.status),
    filter.q ? matchesSearch(db, filter.q) : undefined,
  );
  const [counted] = await db
    .select({ total: count() })
    .from(contracts)
    .innerJoin(commissioners, commissionerOfContract)
    .where(where);
  const { offset, limit, ...window } = pageWindow(filter.page ?? 1, counted?.total ?? 0);
  const page = db
    .select({
      id: contracts.id,
      practiceId: contracts.practiceId,
      code: contracts.code,
      form: contracts.form,
      status: contracts.status,
      startsOn: contracts.startsOn,
      commissionerName: commissioners.name,
    })
    .from(contracts)
    .innerJoin(commissioners, commissionerOfContract)
    .where(where)
    // The code is unique in a practice; the id only makes the order total beyond doubt.
    .orderBy(desc(contracts.startsOn), asc(contracts.code), asc(contracts.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  // The supervisees' names are read for the page's rows only, each through the participants'
  // primary key: in the inner query they would be read for every row OFFSET skips, too.
  const names = db
    .select({
      names: sql<string[] | null>`array_agg(${clients.name} order by ${clients.name})`.as('names'),
    })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .where(
      and(
        eq(contractParticipants.contractId, page.id),
        eq(contractParticipants.practiceId, page.practiceId),
      ),
    )
    .as('names');
  const rows = await db
    .select({
      id: page.id,
      code: page.code,
      form: page.form,
      status: page.status,
      startsOn: page.startsOn,
      commissionerName: page.commissionerName,
      participantNames: names.names,
    })
    .from(page)
    .crossJoinLateral(names)
    .orderBy(desc(page.startsOn), asc(page.code), asc(page.id));
  const progress = await contractProgress(
    db,
    rows.map((row) => row.id),
  );
  return {
    ...window,
    rows: rows.map((row) => ({
      ...row,
      participantNames: row.participantNames ?? [],
      progress: progress.get(row.id) ?? { used: 0, agreed: 0, upcoming: 0 },
    })),
  };
}
