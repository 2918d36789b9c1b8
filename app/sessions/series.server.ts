/**
 * Booking a series: the same Helsinki time every N weeks, N being the contract's rhythm unless
 * the supervisor gives another. The dates that collide with the supervisor's other sessions
 * are left out and reported, so that the supervisor can book them at another time
 * (series-result.server.ts); only a series of which nothing is free is refused.
 */
import { randomUUID } from 'node:crypto';

import { sessionChanges, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { mailSessionChange } from '~/session-mail/session-mail.server';
import { addDays, helsinkiDate, helsinkiInstant, helsinkiTime } from '~/time/helsinki';

import {
  type Clash,
  clashesOf,
  endOf,
  lockSupervisorCalendar,
  requirePastConfirmation,
} from './access.server';
import { extraFlags } from './allowance.server';
import { bookedChange, checkMinutes, loadBookableContract } from './booking-steps.server';
import { seriesLimits } from './limits';

/** A series every occurrence of which collides with existing sessions; nothing was booked. */
export class SeriesCollisionError extends AppError {
  /** Start times of the wanted occurrences that collide, in order. */
  readonly collisions: Date[];

  constructor(collisions: Date[]) {
    super('conflict', 'sessions.seriesCollides');
    this.name = 'SeriesCollisionError';
    this.collisions = collisions;
  }
}

export interface BookSeriesInput {
  contractId: string;
  firstStartsAt: Date;
  /** Weeks between sessions; null or left out: the contract's rhythm. */
  everyWeeks?: number | null;
  count: number;
  minutes?: number | null;
  location?: string | null;
  confirmPast: boolean;
  /** Going past the contract's allowance was confirmed: the sessions past it are extra. */
  bookAsExtra?: boolean;
}

export interface BookedSeries {
  seriesId: string;
  /** The booked sessions, in time order. */
  sessionIds: string[];
  /** The occurrences left out, in time order, and what each collides with (access.server.ts). */
  clashes: Clash[];
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

function checkEveryWeeks(everyWeeks: number | null): asserts everyWeeks is number {
  if (everyWeeks === null) throw new AppError('invalid', 'sessions.everyWeeksNeeded');
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > seriesLimits.maxEveryWeeks) {
    throw new AppError('invalid', 'sessions.invalidEvery');
  }
}

/**
 * Books every occurrence that is free, in one transaction under the supervisor's calendar
 * lock, all sharing one series id; the allowance counts only those. When none is free,
 * nothing is booked and SeriesCollisionError says which collide.
 */
export async function bookSeries(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: BookSeriesInput,
): Promise<BookedSeries> {
  const { count } = input;
  if (!Number.isInteger(count) || count < 1 || count > seriesLimits.maxCount) {
    throw new AppError('invalid', 'sessions.invalidCount');
  }
  if (input.everyWeeks != null) checkEveryWeeks(input.everyWeeks);
  return db.transaction(async (tx) => {
    const contract = await loadBookableContract(tx, actor, input.contractId);
    const everyWeeks = input.everyWeeks ?? contract.rhythmWeeks;
    checkEveryWeeks(everyWeeks);
    const minutes = input.minutes ?? contract.sessionMinutes;
    checkMinutes(minutes);
    // The first occurrence is the earliest, so it alone decides whether the series starts in the past.
    requirePastConfirmation(input.firstStartsAt, input.confirmPast, now);
    const ranges = seriesStarts(input.firstStartsAt, everyWeeks, count).map((start) => ({
      start,
      end: endOf(start, minutes),
    }));

    await lockSupervisorCalendar(tx, contract.supervisorId);
    const clashes = await clashesOf(tx, actor, contract.supervisorId, ranges);
    const free = ranges.filter(
      (range) => !clashes.some((clash) => clash.start.getTime() === range.start.getTime()),
    );
    if (free.length === 0) throw new SeriesCollisionError(clashes.map((clash) => clash.start));
    const extras = await extraFlags(tx, actor, contract, free.length, input.bookAsExtra ?? false);

    const seriesId = randomUUID();
    const sessions = await tx
      .insert(supervisionSessions)
      .values(
        free.map((range, index) => ({
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
    return { seriesId, sessionIds: sessions.map((session) => session.id), clashes };
  });
}
