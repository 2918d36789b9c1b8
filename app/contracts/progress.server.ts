/**
 * How far a contract has come: "session 4 of 10". A session uses up one of the agreed
 * sessions when it was held, when nobody came, or when it was cancelled so late that it is
 * charged; a session cancelled in time is given back.
 *
 * These functions take contract ids that the caller has already loaded within the actor's
 * practice (and, for a supervisor, their own contracts); they only count, and return nothing
 * but numbers.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contracts, type SessionStatus, supervisionSessions } from '#db/schema';

export interface ContractProgressCounts {
  used: number;
  agreed: number;
  upcoming: number;
}

/** The rule in one place, for code that already holds sessions in memory. */
export function usesUpSession(session: { status: SessionStatus; chargeable: boolean }): boolean {
  return (
    session.status === 'held' ||
    session.status === 'no_show' ||
    (session.status === 'cancelled' && session.chargeable)
  );
}

// The same rule in SQL, for counting and numbering in the database.
const usesUp = or(
  inArray(supervisionSessions.status, ['held', 'no_show']),
  and(eq(supervisionSessions.status, 'cancelled'), eq(supervisionSessions.chargeable, true)),
);

/**
 * Progress of any number of contracts, in one query. Unknown ids are left out of the map.
 * Each contract's sessions are counted on their own (a lateral subquery) from
 * `supervision_sessions_contract_progress_idx` alone, so a page of contracts costs what its
 * own sessions cost, not a scan of every session of the practice (which a plain join and
 * GROUP BY got from the planner).
 */
export async function contractProgress(
  db: Db,
  contractIds: readonly string[],
): Promise<Map<string, ContractProgressCounts>> {
  const result = new Map<string, ContractProgressCounts>();
  if (contractIds.length === 0) return result;
  const counts = db
    .select({
      used: sql<string>`count(*) filter (where ${usesUp})`.as('used'),
      upcoming:
        sql<string>`count(*) filter (where ${eq(supervisionSessions.status, 'scheduled')})`.as(
          'upcoming',
        ),
    })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.contractId, contracts.id),
        eq(supervisionSessions.practiceId, contracts.practiceId),
      ),
    )
    .as('counts');
  const rows = await db
    .select({
      contractId: contracts.id,
      agreed: contracts.sessionsAgreed,
      used: counts.used,
      upcoming: counts.upcoming,
    })
    .from(contracts)
    .crossJoinLateral(counts)
    .where(inArray(contracts.id, [...contractIds]));
  // count() is a bigint, which the drivers return as text.
  for (const { contractId, agreed, used, upcoming } of rows) {
    result.set(contractId, { agreed, used: Number(used), upcoming: Number(upcoming) });
  }
  return result;
}
