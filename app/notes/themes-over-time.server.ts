import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';

import { contracts, sessionNotes, supervisionSessions } from '#db/schema';
import { supervisedContracts } from '~/contracts/access.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import type { Theme } from './themes';

export interface TimelinePoint {
  sessionId: string;
  startsAt: Date;
  status: 'scheduled' | 'held' | 'cancelled' | 'no_show';
  themes: Theme[];
}

/** Part of a contract's timeline: its points, the number of the first, and how many in all. */
export interface TimelineWindow {
  points: TimelinePoint[];
  firstNumber: number;
  total: number;
}

/**
 * The themes each session of a contract addressed, in order. Themes come from the notes,
 * so only the contract's supervisor — the notes' author — sees them; to anyone else the
 * contract has no timeline (not_found).
 */
export async function themesOverTime(
  ctx: DomainContext,
  actor: MemberActor,
  contractId: string,
): Promise<TimelinePoint[]> {
  return (await timelineWindow(ctx, actor, contractId, null)).points;
}

/**
 * The latest `past` sessions that have started and the next `upcoming` ones (all of them when
 * `size` is null): a busy contract has hundreds, more than a chart can show or a page should
 * send. Same access as above.
 */
export function themesOverTimeWindow(
  ctx: DomainContext,
  actor: MemberActor,
  contractId: string,
  size: { past: number; upcoming: number } | null,
): Promise<TimelineWindow> {
  return timelineWindow(ctx, actor, contractId, size);
}

/**
 * One query: the contract (only when the actor supervises it) left-joined to its sessions
 * that were not cancelled, numbered in order, and the actor's notes of those in the window.
 * A contract without sessions is one row of nulls; no row at all means the actor may not
 * see it.
 */
async function timelineWindow(
  { db, now }: DomainContext,
  actor: MemberActor,
  contractId: string,
  size: { past: number; upcoming: number } | null,
): Promise<TimelineWindow> {
  const numbered = db
    .select({
      // Named apart from session_notes.session_id, which the outer query joins: Drizzle
      // writes a subquery's columns bare.
      sessionId: sql<string | null>`${supervisionSessions.id}`.as('point_id'),
      startsAt: sql<Date | null>`${supervisionSessions.startsAt}`.as('starts_at'),
      status: sql<TimelinePoint['status'] | null>`${supervisionSessions.status}`.as('status'),
      number: sql<number>`row_number() over (order by ${supervisionSessions.startsAt})`.as(
        'number',
      ),
      started: sql<number>`count(${supervisionSessions.id}) filter (where ${lte(
        supervisionSessions.startsAt,
        now,
      )}) over ()`.as('started'),
      total: sql<number>`count(${supervisionSessions.id}) over ()`.as('total'),
    })
    .from(contracts)
    .leftJoin(
      supervisionSessions,
      and(
        eq(supervisionSessions.contractId, contracts.id),
        eq(supervisionSessions.practiceId, contracts.practiceId),
        ne(supervisionSessions.status, 'cancelled'),
      ),
    )
    .where(and(eq(contracts.id, contractId), supervisedContracts(actor)))
    .as('numbered');
  const rows = await db
    .select({
      sessionId: numbered.sessionId,
      startsAt: numbered.startsAt,
      status: numbered.status,
      themes: sessionNotes.themes,
      number: sql<number>`${numbered.number}`.mapWith(Number),
      total: sql<number>`${numbered.total}`.mapWith(Number),
    })
    .from(numbered)
    // The notes of the sessions shown only, not of the whole history.
    .leftJoin(
      sessionNotes,
      and(eq(sessionNotes.sessionId, numbered.sessionId), eq(sessionNotes.authorId, actor.userId)),
    )
    .where(
      size
        ? sql`${numbered.number} > ${numbered.started} - ${size.past}
            and ${numbered.number} <= ${numbered.started} + ${size.upcoming}`
        : undefined,
    )
    .orderBy(asc(numbered.number));
  if (rows.length === 0) throw new AppError('not_found');
  const points: TimelinePoint[] = [];
  for (const row of rows) {
    if (row.sessionId === null || row.startsAt === null || row.status === null) continue;
    points.push({
      sessionId: row.sessionId,
      startsAt: new Date(row.startsAt),
      status: row.status,
      themes: row.themes ?? [],
    });
  }
  return { points, firstNumber: rows[0]?.number ?? 1, total: rows[0]?.total ?? 0 };
}
