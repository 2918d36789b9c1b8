/**
 * The themes timeline for the supervisee. The supervisor's timeline reads the themes of their
 * own notes, which private parts also set; the supervisee's is made from the published
 * summaries alone, so it shows nothing the supervisor has not released.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';

import { contracts, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { TimelinePoint } from '~/notes/themes-over-time.server';
import type { SuperviseeActor } from '~/practices/actor';

import { agreedContracts, participatedSessions } from './access.server';
import { publishedThemesBySession } from './published-summaries.server';

export interface ContractTimeline {
  contractId: string;
  contractCode: string;
  points: TimelinePoint[];
}

/**
 * One timeline per contract of the supervisee (or only `contractId`'s): every session that
 * was not cancelled, in order, with the themes of its latest published summary. Four
 * queries, however many contracts and sessions.
 */
export async function portalThemesOverTime(
  ctx: DomainContext,
  actor: SuperviseeActor,
  contractId?: string,
): Promise<ContractTimeline[]> {
  const { db } = ctx;
  const rows = await db
    .select({ id: contracts.id, code: contracts.code, status: contracts.status })
    .from(contracts)
    .where(and(agreedContracts(actor), contractId ? eq(contracts.id, contractId) : undefined))
    .orderBy(desc(contracts.startsOn));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sessions, themesBySession] = await Promise.all([
    db
      .select({
        sessionId: supervisionSessions.id,
        contractId: supervisionSessions.contractId,
        startsAt: supervisionSessions.startsAt,
        status: supervisionSessions.status,
      })
      .from(supervisionSessions)
      .where(
        and(
          participatedSessions(actor),
          inArray(supervisionSessions.contractId, ids),
          ne(supervisionSessions.status, 'cancelled'),
        ),
      )
      .orderBy(asc(supervisionSessions.startsAt)),
    publishedThemesBySession(ctx, actor, ids),
  ]);
  // A stable sort: active contracts before ended ones, each still newest first.
  const ordered = [...rows].sort(
    (a, b) => Number(b.status === 'active') - Number(a.status === 'active'),
  );
  return ordered.map((contract) => ({
    contractId: contract.id,
    contractCode: contract.code,
    points: sessions
      .filter((s) => s.contractId === contract.id)
      .map((s) => ({
        sessionId: s.sessionId,
        startsAt: s.startsAt,
        status: s.status,
        themes: themesBySession.get(s.sessionId) ?? [],
      })),
  }));
}
