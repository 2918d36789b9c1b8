/** The steps every booking use case takes (booking.server.ts, series.server.ts). */
import { and, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { helsinkiDate } from '~/time/helsinki';

import { loadOwnContract, type TimeRange } from './access.server';
import { maxSessionMinutes, minSessionMinutes } from './limits';

export function checkMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < minSessionMinutes || minutes > maxSessionMinutes) {
    throw new AppError('invalid', 'sessions.invalidMinutes');
  }
}

export async function loadBookableContract(db: Db, actor: MemberActor, contractId: string) {
  const contract = await loadOwnContract(db, actor, contractId);
  if (contract.status !== 'active') throw new AppError('conflict', 'sessions.contractNotActive');
  return contract;
}

/**
 * A session joins a series only of its own contract, in the actor's practice, and a series
 * has at most one live session a day: a series id from a form is checked against the
 * sessions that carry it (the contract's index finds them). Called under the supervisor's
 * calendar lock, so two forms booking the same date into a series cannot both pass.
 */
export async function requireSeriesDateFree(
  tx: Db,
  actor: MemberActor,
  contractId: string,
  seriesId: string,
  startsAt: Date,
): Promise<void> {
  const members = await tx
    .select({ startsAt: supervisionSessions.startsAt, status: supervisionSessions.status })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.contractId, contractId),
        eq(supervisionSessions.practiceId, actor.practiceId),
        eq(supervisionSessions.seriesId, seriesId),
      ),
    );
  if (members.length === 0) throw new AppError('invalid', 'sessions.seriesOfAnotherContract');
  const date = helsinkiDate(startsAt);
  if (members.some((m) => m.status !== 'cancelled' && helsinkiDate(m.startsAt) === date)) {
    throw new AppError('conflict', 'sessions.seriesDateBooked');
  }
}

export function bookedChange(actor: MemberActor, sessionId: string, range: TimeRange) {
  return {
    sessionId,
    practiceId: actor.practiceId,
    changedBy: actor.userId,
    kind: 'booked' as const,
    newStartsAt: range.start,
    newEndsAt: range.end,
  };
}
