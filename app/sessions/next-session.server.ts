/**
 * What follows a session on its page: the step that waits (outcome → notes → summary → the
 * next session), where it takes place, and the next session at the contract's interval,
 * booked in one click through the ordinary booking rules.
 */
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';

import { jsonObject, subqueryValue } from '#db/json';
import { contracts, sessionNotes, summaryPublications, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError, isAppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { loadOwnSession } from './access.server';
import { bookSession, seriesStarts } from './booking.server';

export type FollowUpStep = 'outcome' | 'notes' | 'publish' | 'bookNext' | null;

export interface SessionFollowUp {
  /** The session's own place, else the contract's place or remote link. */
  place: string | null;
  step: FollowUpStep;
  /**
   * The contract's next session after this one, if one is booked by the time the rhythm
   * proposes (a session booked only later leaves a gap, which the proposal fills).
   */
  nextBooked: { id: string; startsAt: Date } | null;
  /** One rhythm after this session, when the contract has a rhythm and that is still ahead. */
  proposal: { startsAt: Date; endsAt: Date } | null;
  contractId: string;
  rhythmWeeks: number | null;
}

interface SessionFacts {
  id: string;
  contractId: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'held' | 'cancelled' | 'no_show';
  location: string | null;
}

/** The next start at the contract's rhythm, the same Helsinki wall-clock time. */
export function nextAtRhythm(startsAt: Date, rhythmWeeks: number): Date {
  const [, next] = seriesStarts(startsAt, rhythmWeeks, 2);
  if (!next) throw new Error('a series of two has a second start');
  return next;
}

/**
 * One query beside the session page's own read of the session (which checked the access
 * rule): the contract's rhythm and place, the actor's note and whether it was published, and
 * the next session booked on the contract.
 */
export async function sessionFollowUp(
  { db, now }: DomainContext,
  actor: MemberActor,
  session: SessionFacts,
): Promise<SessionFollowUp> {
  const s = supervisionSessions;
  const next = db
    .select({ next: jsonObject({ id: s.id, startsAt: s.startsAt }) })
    .from(s)
    .where(
      and(
        eq(s.contractId, session.contractId),
        eq(s.practiceId, actor.practiceId),
        ne(s.status, 'cancelled'),
        gt(s.startsAt, session.startsAt),
      ),
    )
    .orderBy(asc(s.startsAt))
    .limit(1);
  const [row] = await db
    .select({
      rhythmWeeks: contracts.rhythmWeeks,
      status: contracts.status,
      place: sql<string | null>`coalesce(${contracts.location}, ${contracts.remoteLink})`,
      noteAuthorId: sql<
        string | null
      >`(select ${sessionNotes.authorId} from ${sessionNotes} where ${and(
        eq(sessionNotes.sessionId, session.id),
        eq(sessionNotes.practiceId, actor.practiceId),
      )})`,
      published: sql<boolean>`exists (select 1 from ${summaryPublications} where ${and(
        eq(summaryPublications.sessionId, session.id),
        eq(summaryPublications.practiceId, actor.practiceId),
      )})`,
      next: subqueryValue<{ id: string; startsAt: string } | null>(next),
    })
    .from(contracts)
    .where(and(eq(contracts.id, session.contractId), eq(contracts.practiceId, actor.practiceId)));
  if (!row) throw new AppError('not_found');
  const minutes = session.endsAt.getTime() - session.startsAt.getTime();
  const proposedStart = row.rhythmWeeks ? nextAtRhythm(session.startsAt, row.rhythmWeeks) : null;
  const later = row.next ? { id: row.next.id, startsAt: new Date(row.next.startsAt) } : null;
  const nextBooked = later && (!proposedStart || later.startsAt <= proposedStart) ? later : null;
  const proposal =
    proposedStart && proposedStart > now && row.status === 'active' && !nextBooked
      ? { startsAt: proposedStart, endsAt: new Date(proposedStart.getTime() + minutes) }
      : null;
  return {
    place: session.location ?? row.place,
    step: stepOf(session, now, actor, row),
    nextBooked,
    proposal,
    contractId: session.contractId,
    rhythmWeeks: row.rhythmWeeks,
  };
}

function stepOf(
  session: SessionFacts,
  now: Date,
  actor: MemberActor,
  facts: { noteAuthorId: string | null; published: boolean; status: string },
): FollowUpStep {
  if (session.status === 'scheduled') return session.startsAt <= now ? 'outcome' : null;
  if (session.status !== 'held') return null;
  if (facts.noteAuthorId === null) return 'notes';
  if (facts.noteAuthorId === actor.userId && !facts.published) return 'publish';
  return facts.status === 'active' ? 'bookNext' : null;
}

/**
 * Books the contract's next session one rhythm after this one, as long and in the same place,
 * through bookSession (the access rule, the allowance, the double-booking guard, whose
 * refusal tells the supervisor to choose another time).
 */
export async function bookNextSession(
  ctx: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<string> {
  const { session, contract } = await loadOwnSession(ctx.db, actor, sessionId);
  if (session.status !== 'held' && session.status !== 'scheduled') {
    throw new AppError('conflict', 'sessions.notScheduled');
  }
  const [terms] = await ctx.db
    .select({ rhythmWeeks: contracts.rhythmWeeks })
    .from(contracts)
    .where(and(eq(contracts.id, contract.id), eq(contracts.practiceId, actor.practiceId)));
  if (!terms?.rhythmWeeks) throw new AppError('conflict', 'sessions.next.bookNoRhythm');
  const startsAt = nextAtRhythm(session.startsAt, terms.rhythmWeeks);
  try {
    return await bookSession(ctx, actor, {
      contractId: contract.id,
      startsAt,
      minutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
      location: session.location,
      confirmPast: false,
    });
  } catch (error) {
    // The page offered a time still ahead; if it has passed since, the page is stale.
    if (isAppError(error) && error.messageKey === 'sessions.confirmPast') {
      throw new AppError('conflict', 'sessions.notScheduled');
    }
    throw error;
  }
}
