/**
 * The sessions on a member's Today page: what is coming (today and the next week) and what is
 * waiting for them — a past session without an outcome, a held session without notes, a
 * note whose summary is not yet published. One query over the actor's own sessions in a window of
 * time, so it costs the same whatever the size of the practice.
 */
import { and, asc, eq, gte, lt, or, sql } from 'drizzle-orm';

import {
  agreedActionMarks,
  agreedActions,
  contracts,
  sessionNotes,
  sessionReflections,
  summaryPublications,
  supervisionSessions,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { sessionsContract, supervisedSessions } from '~/sessions/access.server';
import { participantNamesOf } from '~/sessions/queries.server';
import { addDays, helsinkiDate, helsinkiInstant } from '~/time/helsinki';

/** How far back the page looks for unfinished work, and how far ahead for coming sessions. */
export const lookBackDays = 90;
export const lookAheadDays = 7;
/** A supervisee's reflection or action mark this recent is news on the page. */
export const updatesWithinDays = 14;
/** A bound on the rows one page reads; far above a working supervisor's fortnight. */
const rowLimit = 200;

export type WaitingKind = 'outcome' | 'notes' | 'publish';

export interface TodaySession {
  id: string;
  contractId: string;
  contractCode: string;
  startsAt: Date;
  endsAt: Date;
  /** The supervisee, or the team's or group's members, "A, B". */
  who: string;
  /** The session's own place, else the contract's place or remote link. */
  where: string | null;
}

export interface TodaySessions {
  /** Scheduled sessions not yet over, from now to the end of the week ahead. */
  coming: TodaySession[];
  /** Sessions whose next step is the actor's, oldest first. */
  waiting: (TodaySession & { waiting: WaitingKind })[];
  /**
   * Sessions on which a supervisee has written a reflection or marked an agreed action
   * lately, newest first; only when, never what (the text is read on the session page).
   */
  updated: (TodaySession & { updatedAt: Date })[];
}

export async function todaySessions(
  { db, now }: DomainContext,
  actor: MemberActor,
): Promise<TodaySessions> {
  const s = supervisionSessions;
  const today = helsinkiDate(now);
  const from = helsinkiInstant(addDays(today, -lookBackDays));
  const until = helsinkiInstant(addDays(today, lookAheadDays + 1));
  // A scalar subquery, looked up per row in summary_publications_session_idx: as EXISTS the
  // planner hashed every publication of the database (EXPLAIN on a generated practice).
  const published = sql<boolean>`(select true from ${summaryPublications} where ${and(
    eq(summaryPublications.sessionId, s.id),
    eq(summaryPublications.practiceId, s.practiceId),
  )} limit 1) is not null`;
  // The supervisee's work on the session, for its supervisor only (between-sessions access):
  // the rows are the actor's own sessions. Looked up per row by the session's indexes.
  const reflected = sql<
    string | null
  >`(select max(${sessionReflections.updatedAt}) from ${sessionReflections} where ${and(
    eq(sessionReflections.sessionId, s.id),
    eq(sessionReflections.practiceId, s.practiceId),
  )})`;
  const marked = sql<
    string | null
  >`(select max(${agreedActionMarks.updatedAt}) from ${agreedActions} join ${agreedActionMarks} on ${and(
    eq(agreedActionMarks.actionId, agreedActions.id),
    eq(agreedActionMarks.practiceId, agreedActions.practiceId),
  )} where ${and(eq(agreedActions.sessionId, s.id), eq(agreedActions.practiceId, s.practiceId))})`;
  const rows = await db
    .select({
      id: s.id,
      contractId: s.contractId,
      contractCode: contracts.code,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      who: participantNamesOf(db, contracts.id),
      where: sql<
        string | null
      >`coalesce(${s.location}, ${contracts.location}, ${contracts.remoteLink})`,
      noteAuthorId: sessionNotes.authorId,
      published,
      superviseeUpdatedAt: sql<string | null>`greatest(${reflected}, ${marked})`,
    })
    .from(s)
    .innerJoin(contracts, sessionsContract)
    .leftJoin(
      sessionNotes,
      and(eq(sessionNotes.sessionId, s.id), eq(sessionNotes.practiceId, s.practiceId)),
    )
    .where(
      and(
        supervisedSessions(actor),
        gte(s.startsAt, from),
        lt(s.startsAt, until),
        or(eq(s.status, 'scheduled'), eq(s.status, 'held')),
      ),
    )
    .orderBy(asc(s.startsAt), asc(s.id))
    .limit(rowLimit);

  const result: TodaySessions = { coming: [], waiting: [], updated: [] };
  const updatesSince = now.getTime() - updatesWithinDays * 24 * 3_600_000;
  for (const {
    status,
    noteAuthorId,
    published: isPublished,
    superviseeUpdatedAt,
    ...row
  } of rows) {
    const updatedAt = superviseeUpdatedAt ? new Date(superviseeUpdatedAt) : null;
    if (updatedAt && updatedAt.getTime() >= updatesSince)
      result.updated.push({ ...row, updatedAt });
    if (status === 'scheduled') {
      if (row.endsAt > now) result.coming.push(row);
      else result.waiting.push({ ...row, waiting: 'outcome' });
    } else if (noteAuthorId === null) {
      result.waiting.push({ ...row, waiting: 'notes' });
    } else if (noteAuthorId === actor.userId && !isPublished) {
      // Whether the draft holds anything would mean opening sealed text; a note never
      // published is reason enough to look. Notes belong to their author: someone else's
      // note on a reassigned session is not this actor's work, and nothing of it is shown.
      result.waiting.push({ ...row, waiting: 'publish' });
    }
  }
  result.updated.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  return result;
}
