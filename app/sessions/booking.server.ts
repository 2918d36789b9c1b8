/**
 * Booking supervision sessions: one at a time, as a series, and moving them. What happens to
 * a booked session afterwards (cancelled, held, no-show) is in outcomes.server.ts.
 */
import { randomUUID } from 'node:crypto';

import { and, eq, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { type EvaluationKind, sessionChanges, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { mailSessionChange } from '~/session-mail/session-mail.server';
import { addDays, helsinkiDate, helsinkiInstant, helsinkiTime } from '~/time/helsinki';

import {
  collidingRanges,
  endOf,
  loadOwnContract,
  loadOwnSession,
  lockSupervisorCalendar,
  requirePastConfirmation,
  type TimeRange,
} from './access.server';
import { extraFlags } from './allowance.server';
import { maxSessionMinutes, minSessionMinutes, seriesLimits } from './limits';

export {
  cancelSession,
  hasStarted,
  isLateCancellation,
  markHeld,
  markNoShow,
} from './outcomes.server';
export { getSession, listBookableContracts, type SessionView } from './queries.server';

/** A series that would collide with existing sessions; nothing of it was booked. */
export class SeriesCollisionError extends AppError {
  /** Start times of the wanted occurrences that collide, in order. */
  readonly collisions: Date[];

  constructor(collisions: Date[]) {
    super('conflict', 'sessions.seriesCollides');
    this.name = 'SeriesCollisionError';
    this.collisions = collisions;
  }
}

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
}

export interface BookSeriesInput {
  contractId: string;
  firstStartsAt: Date;
  everyWeeks: number;
  count: number;
  minutes?: number | null;
  location?: string | null;
  confirmPast: boolean;
  bookAsExtra?: boolean;
}

export interface RescheduleInput {
  startsAt: Date;
  /** Defaults to the session's current length. */
  minutes?: number | null;
  confirmPast: boolean;
}

function checkMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < minSessionMinutes || minutes > maxSessionMinutes) {
    throw new AppError('invalid', 'sessions.invalidMinutes');
  }
}

async function loadBookableContract(db: Db, actor: MemberActor, contractId: string) {
  const contract = await loadOwnContract(db, actor, contractId);
  if (contract.status !== 'active') throw new AppError('conflict', 'sessions.contractNotActive');
  return contract;
}

export async function bookSession(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: BookSessionInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const contract = await loadBookableContract(tx, actor, input.contractId);
    const minutes = input.minutes ?? contract.sessionMinutes;
    checkMinutes(minutes);
    requirePastConfirmation(input.startsAt, input.confirmPast, now);
    const range = { start: input.startsAt, end: endOf(input.startsAt, minutes) };

    await lockSupervisorCalendar(tx, contract.supervisorId);
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

/**
 * The start times of a series: the same Helsinki wall-clock time every N weeks, so 9.00 stays
 * 9.00 when the clocks change (adding 7 × 24 hours would drift by an hour).
 */
export function seriesStarts(firstStartsAt: Date, everyWeeks: number, count: number): Date[] {
  const firstDate = helsinkiDate(firstStartsAt);
  const time = helsinkiTime(firstStartsAt);
  return Array.from({ length: count }, (_, i) =>
    helsinkiInstant(addDays(firstDate, i * everyWeeks * 7), time),
  );
}

/** Books all occurrences or none: one collision and nothing is written. */
export async function bookSeries(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: BookSeriesInput,
): Promise<string[]> {
  const { everyWeeks, count } = input;
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > seriesLimits.maxEveryWeeks) {
    throw new AppError('invalid', 'sessions.invalidEvery');
  }
  if (!Number.isInteger(count) || count < 1 || count > seriesLimits.maxCount) {
    throw new AppError('invalid', 'sessions.invalidCount');
  }
  return db.transaction(async (tx) => {
    const contract = await loadBookableContract(tx, actor, input.contractId);
    const minutes = input.minutes ?? contract.sessionMinutes;
    checkMinutes(minutes);
    // The first occurrence is the earliest, so it alone decides whether the series starts in the past.
    requirePastConfirmation(input.firstStartsAt, input.confirmPast, now);
    const ranges = seriesStarts(input.firstStartsAt, everyWeeks, count).map((start) => ({
      start,
      end: endOf(start, minutes),
    }));

    await lockSupervisorCalendar(tx, contract.supervisorId);
    const collisions = await collidingRanges(tx, contract.supervisorId, ranges);
    if (collisions.length > 0) throw new SeriesCollisionError(collisions.map((r) => r.start));
    const extras = await extraFlags(tx, actor, contract, ranges.length, input.bookAsExtra ?? false);

    const seriesId = randomUUID();
    const sessions = await tx
      .insert(supervisionSessions)
      .values(
        ranges.map((range, index) => ({
          practiceId: actor.practiceId,
          contractId: contract.id,
          supervisorId: contract.supervisorId,
          startsAt: range.start,
          endsAt: range.end,
          location: input.location ?? null,
          seriesId,
          extra: extras[index] ?? false,
        })),
      )
      .returning({ id: supervisionSessions.id, startsAt: supervisionSessions.startsAt });
    sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await tx.insert(sessionChanges).values(
      sessions.map((session) =>
        bookedChange(actor, session.id, {
          start: session.startsAt,
          end: endOf(session.startsAt, minutes),
        }),
      ),
    );
    await mailSessionChange(tx, {
      practiceId: actor.practiceId,
      sessionIds: sessions.map((session) => session.id),
      kind: 'booked',
      now,
    });
    return sessions.map((session) => session.id);
  });
}

function bookedChange(actor: MemberActor, sessionId: string, range: TimeRange) {
  return {
    sessionId,
    practiceId: actor.practiceId,
    changedBy: actor.userId,
    kind: 'booked' as const,
    newStartsAt: range.start,
    newEndsAt: range.end,
  };
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
