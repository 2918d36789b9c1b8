/**
 * The search in the header of every member page (issue 11): supervisees, contracts and
 * sessions whose names, codes or date match what was typed — each only where the actor could
 * open it, by the rules of its own area. Three queries whatever the size of the practice,
 * one per group, each with its own total (a window count) and at most `groupLimit` rows.
 *
 * Only names, codes, e-mail addresses and organisations are searched. Notes, summaries,
 * backgrounds and every other confidential or sealed text are never read here.
 */
import { and, asc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { containsPattern } from '#db/like';
import {
  clients,
  commissioners,
  type Contract,
  contractParticipants,
  contracts,
  type SessionStatus,
  supervisionSessions,
} from '#db/schema';
import { participantClient, visibleContracts } from '~/contracts/access.server';
import { commissionerOfContract, matchesSearch } from '~/contracts/contract-list-page.server';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { sessionsContract, supervisedSessions } from '~/sessions/access.server';
import { addDays, helsinkiInstant, type LocalDate } from '~/time/helsinki';
import { parseTypedDate } from '~/time/typed-date';

/** The most rows a group shows; the rest are behind its "show all" link. */
export const groupLimit = 10;

export interface ClientHit {
  id: string;
  name: string;
  organisation: string | null;
  email: string | null;
  archived: boolean;
}

export interface ContractHit {
  id: string;
  code: string;
  status: Contract['status'];
  commissionerName: string;
  participantNames: string;
}

export interface SessionHit {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  contractCode: string;
  participantNames: string;
}

export interface Group<Row> {
  total: number;
  rows: Row[];
}

export interface SearchResults {
  /** The Helsinki day the query names, when it is a date: the sessions are that day's. */
  date: LocalDate | null;
  clients: Group<ClientHit> & { archived: number };
  contracts: Group<ContractHit>;
  sessions: Group<SessionHit>;
}

/** `query` is trimmed and checked (./schemas); an empty one finds nothing without asking. */
export async function search(
  { db, now }: DomainContext,
  actor: MemberActor,
  query: string,
): Promise<SearchResults> {
  const date = parseTypedDate(query, now);
  if (!query) {
    const none = { total: 0, rows: [] };
    return { date, clients: { ...none, archived: 0 }, contracts: none, sessions: none };
  }
  const [clientRows, contractRows, sessionRows] = await Promise.all([
    matchingClients(db, actor, query),
    matchingContracts(db, actor, query),
    date ? sessionsOnDay(db, actor, date) : sessionsOfMatchingContracts(db, actor, query, now),
  ]);
  return {
    date,
    clients: { ...grouped(clientRows), archived: clientRows[0]?.archivedTotal ?? 0 },
    contracts: grouped(contractRows),
    sessions: grouped(sessionRows),
  };
}

function grouped<Hit>(rows: { hit: Hit; total: number }[]): Group<Hit> {
  return { total: rows[0]?.total ?? 0, rows: rows.map((row) => row.hit) };
}

/** The window count of the rows the query matched, before its LIMIT. */
const totalCount = sql<number>`(count(*) over ())::int`;

/**
 * Supervisees by name, e-mail or organisation: every member sees the practice's (their
 * contact details are the practice's, app/clients/access.server.ts). Archived ones too,
 * after the others, since a name searched for may be an old one.
 */
function matchingClients(db: Db, actor: MemberActor, query: string) {
  const pattern = containsPattern(query);
  return db
    .select({
      hit: {
        id: clients.id,
        name: clients.name,
        organisation: clients.organisation,
        email: clients.email,
        archived: sql<boolean>`${clients.archivedAt} is not null`,
      },
      total: totalCount,
      archivedTotal: sql<number>`(count(*) filter (where ${clients.archivedAt} is not null) over ())::int`,
    })
    .from(clients)
    .where(
      and(
        eq(clients.practiceId, actor.practiceId),
        or(
          ilike(clients.name, pattern),
          ilike(clients.email, pattern),
          ilike(clients.organisation, pattern),
        ),
      ),
    )
    .orderBy(sql`${clients.archivedAt} is not null`, asc(clients.name), asc(clients.id))
    .limit(groupLimit);
}

/**
 * The names of a contract's supervisees, "A, B", in the contract's practice only. Built
 * with the query builder so that its columns stay qualified inside the outer query.
 */
function participantNames(db: Db, contract: { id: typeof contracts.id }) {
  const names = db
    .select({ names: sql<string>`string_agg(${clients.name}, ', ' order by ${clients.name})` })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .where(
      and(
        eq(contractParticipants.contractId, contract.id),
        eq(contractParticipants.practiceId, contracts.practiceId),
      ),
    );
  return sql<string>`coalesce((${names}), '')`;
}

/**
 * Contracts by code, commissioner or a supervisee's name — the contract list's own search —
 * among those the actor may see: the owner all of the practice's, a supervisor their own.
 */
function matchingContracts(db: Db, actor: MemberActor, query: string) {
  return (
    db
      .select({
        hit: {
          id: contracts.id,
          code: contracts.code,
          status: contracts.status,
          commissionerName: commissioners.name,
          participantNames: participantNames(db, contracts),
        },
        total: totalCount,
      })
      .from(contracts)
      .innerJoin(commissioners, commissionerOfContract)
      .where(and(visibleContracts(actor), matchesSearch(db, query)))
      // Running contracts first, then drafts, then ended ones; newest first within each.
      .orderBy(
        sql`case ${contracts.status} when 'active' then 0 when 'draft' then 1 else 2 end`,
        sql`${contracts.startsOn} desc`,
        asc(contracts.code),
      )
      .limit(groupLimit)
  );
}

const sessionColumns = (db: Db) => ({
  hit: {
    id: supervisionSessions.id,
    startsAt: supervisionSessions.startsAt,
    endsAt: supervisionSessions.endsAt,
    status: supervisionSessions.status,
    contractCode: contracts.code,
    participantNames: participantNames(db, contracts),
  },
  total: totalCount,
});

/** Nearest to now first: the coming sessions in time order, then the past ones newest first. */
function nearestFirst(now: Date) {
  const s = supervisionSessions.startsAt;
  // The comparisons are built by lt/gte, which hand `now` to the driver as the column's
  // type: postgres.js takes no Date in a raw fragment.
  return [
    lt(s, now),
    sql`case when ${gte(s, now)} then ${s} end asc`,
    sql`${s} desc`,
    asc(supervisionSessions.id),
  ];
}

/**
 * The sessions of the contracts the search matches, among those the actor may open — the
 * session's supervisor (app/sessions/access.server.ts); the owner reaches others' sessions
 * only through their contracts. The matching contracts are found first (a handful), then
 * their sessions through the (contract, starts_at) index, so a name search reads a few
 * contracts' sessions, not the practice's.
 */
function sessionsOfMatchingContracts(db: Db, actor: MemberActor, query: string, now: Date) {
  const matching = db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(commissioners, commissionerOfContract)
    .where(and(eq(contracts.practiceId, actor.practiceId), matchesSearch(db, query)));
  return (
    db
      .select(sessionColumns(db))
      .from(supervisionSessions)
      .innerJoin(contracts, sessionsContract)
      // = any(array(…)) makes the matching contracts an init plan, read once before the
      // sessions: their ids then go into the (contract, starts_at) index as its condition,
      // whatever the planner's statistics say.
      .where(
        and(
          supervisedSessions(actor),
          sql`${supervisionSessions.contractId} = any(array(${matching}))`,
        ),
      )
      .orderBy(...nearestFirst(now))
      .limit(groupLimit)
  );
}

/** The actor's own sessions that start on the Helsinki day, in time order. */
function sessionsOnDay(db: Db, actor: MemberActor, date: LocalDate) {
  return db
    .select(sessionColumns(db))
    .from(supervisionSessions)
    .innerJoin(contracts, sessionsContract)
    .where(
      and(
        supervisedSessions(actor),
        gte(supervisionSessions.startsAt, helsinkiInstant(date)),
        lt(supervisionSessions.startsAt, helsinkiInstant(addDays(date, 1))),
      ),
    )
    .orderBy(asc(supervisionSessions.startsAt), asc(supervisionSessions.id))
    .limit(groupLimit);
}
