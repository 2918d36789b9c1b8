import { and, asc, eq, ne } from 'drizzle-orm';

import { sessionNotes, supervisionSessions } from '#db/schema';
import { loadSupervisedContract } from '~/contracts/access.server';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import type { Theme } from './themes';

export interface TimelinePoint {
  sessionId: string;
  startsAt: Date;
  status: 'scheduled' | 'held' | 'cancelled' | 'no_show';
  themes: Theme[];
}

/**
 * The themes each session of a contract addressed, in order. Themes come from the notes,
 * so only the contract's supervisor — the notes' author — sees them; to anyone else the
 * contract has no timeline (not_found).
 */
export async function themesOverTime(
  { db }: DomainContext,
  actor: MemberActor,
  contractId: string,
): Promise<TimelinePoint[]> {
  await loadSupervisedContract(db, actor, contractId);
  const rows = await db
    .select({
      sessionId: supervisionSessions.id,
      startsAt: supervisionSessions.startsAt,
      status: supervisionSessions.status,
      themes: sessionNotes.themes,
    })
    .from(supervisionSessions)
    .leftJoin(
      sessionNotes,
      and(
        eq(sessionNotes.sessionId, supervisionSessions.id),
        eq(sessionNotes.authorId, actor.userId),
      ),
    )
    .where(
      and(
        eq(supervisionSessions.contractId, contractId),
        eq(supervisionSessions.practiceId, actor.practiceId),
        ne(supervisionSessions.status, 'cancelled'),
      ),
    )
    .orderBy(asc(supervisionSessions.startsAt));
  return rows.map((row) => ({ ...row, themes: row.themes ?? [] }));
}
