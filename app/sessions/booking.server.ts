/**
 * Booking supervision sessions: one at a time, as a series, and moving them. What happens to
 * a booked session afterwards (cancelled, held, no-show) is in outcomes.server.ts.
 */
import { and, eq, sql } from 'drizzle-orm';

import { type EvaluationKind, sessionChanges, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { mailSessionChange } from '~/session-mail/session-mail.server';

import {
  collidingRanges,
  endOf,
  loadOwnSession,
  lockSupervisorCalendar,
  requirePastConfirmation,
} from './access.server';
import { extraFlags } from './allowance.server';
import {
  bookedChange,
  checkMinutes,
  loadBookableContract,
  requireSeriesDateFree,
} from './booking-steps.server';

export {
  cancelSession,
  hasStarted,
  isLateCancellation,
  markHeld,
  markNoShow,
} from './outcomes.server';
export { getSession, listBookableContracts, type SessionView } from './queries.server';
export {
  type BookedSeries,
  bookSeries,
  type BookSeriesInput,
  SeriesCollisionError,
  seriesStarts,
} from './series.server';

export interface BookSessionInput {
  contractId: string;
  startsAt: Date;
  /** Defaults to the contract's session length. */
  minutes?: number | null;
  evaluationKind?: EvaluationKind | null;
  location?: string | null;
  confirmPast: boolean;
  /** Going past the contract's allowance was confirmed: the sessions past it are extra. */
  bookAsExtra?: boolean;
  /** Joins this series of the same contract, e.g. a series' date booked at another time. */
  seriesId?: string | null;
}

export interface RescheduleInput {
  startsAt: Date;
  /** Defaults to the session's current length. */
  minutes?: number | null;
  confirmPast: boolean;
}

export async function bookSession(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: BookSessionInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const contract = await loadBookableContract(tx, actor, input.contractId);
    const seriesId = input.seriesId ?? null;
    const minutes = input.minutes ?? contract.sessionMinutes;
    checkMinutes(minutes);
    requirePastConfirmation(input.startsAt, input.confirmPast, now);
    const range = { start: input.startsAt, end: endOf(input.startsAt, minutes) };

    await lockSupervisorCalendar(tx, contract.supervisorId);
    if (seriesId) await requireSeriesDateFree(tx, actor, contract.id, seriesId, range.start);
    if ((await collidingRanges(tx, contract.supervisorId, [range])).length > 0) {
      throw new AppError('conflict', 'sessions.doubleBooked');
    }
    const [extra = false] = await extraFlags(tx, actor, contract, 1, input.bookAsExtra ?? false);
    const [session] = await tx
      .insert(supervisionSessions)
      .values({
        practiceId: actor.practiceId,
        contractId: contract.id,
        supervisorId: contract.supervisorId,
        startsAt: range.start,
        endsAt: range.end,
        evaluationKind: input.evaluationKind ?? null,
        location: input.location ?? null,
        seriesId,
        extra,
      })
      .returning({ id: supervisionSessions.id });
    if (!session) throw new Error('insert returned no row');
    await tx.insert(sessionChanges).values(bookedChange(actor, session.id, range));
    await mailSessionChange(tx, {
      practiceId: actor.practiceId,
      sessionIds: [session.id],
      kind: 'booked',
      now,
    });
    return session.id;
  });
}

/** Moves a scheduled session; subscribed calendars see the change through the new sequence. */
export async function rescheduleSession(
  { db, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  input: RescheduleInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract } = await loadOwnSession(tx, actor, sessionId);
    if (session.status !== 'scheduled') throw new AppError('conflict', 'sessions.notScheduled');
    const currentMinutes = (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
    const minutes = input.minutes ?? currentMinutes;
    checkMinutes(minutes);
    requirePastConfirmation(input.startsAt, input.confirmPast, now);
    const range = { start: input.startsAt, end: endOf(input.startsAt, minutes) };

    await lockSupervisorCalendar(tx, contract.supervisorId);
    if ((await collidingRanges(tx, contract.supervisorId, [range], session.id)).length > 0) {
      throw new AppError('conflict', 'sessions.doubleBooked');
    }
    const moved = await tx
      .update(supervisionSessions)
      .set({
        startsAt: range.start,
        endsAt: range.end,
        icalSequence: sql`${supervisionSessions.icalSequence} + 1`,
      })
      .where(
        and(
          eq(supervisionSessions.id, session.id),
          eq(supervisionSessions.practiceId, actor.practiceId),
          // Someone may have cancelled it since it was read.
          eq(supervisionSessions.status, 'scheduled'),
        ),
      )
      .returning({ id: supervisionSessions.id });
    if (moved.length === 0) throw new AppError('conflict', 'sessions.notScheduled');
    await tx.insert(sessionChanges).values({
      sessionId: session.id,
      practiceId: actor.practiceId,
      changedBy: actor.userId,
      kind: 'rescheduled',
      previousStartsAt: session.startsAt,
      previousEndsAt: session.endsAt,
      newStartsAt: range.start,
      newEndsAt: range.end,
    });
    await mailSessionChange(tx, {
      practiceId: actor.practiceId,
      sessionIds: [session.id],
      kind: 'changed',
      previousStartsAt: new Map([[session.id, session.startsAt]]),
      now,
    });
  });
}
