/**
 * What became of a booked session: cancelled (on time or late), held, or a no-show, and
 * whether it is invoiced as the contract says.
 */
import { and, eq, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  contractParticipants,
  sessionAttendance,
  sessionChanges,
  type SessionStatus,
  supervisionSessions,
} from '#db/schema';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { loadOwnSession } from './access.server';

/** Late when the cancellation comes after the contract's notice period has begun. */
export function isLateCancellation(startsAt: Date, noticeHours: number, now: Date): boolean {
  return now.getTime() > startsAt.getTime() - noticeHours * 60 * 60_000;
}

/** Whether the session has begun, i.e. whether it can be marked held or a no-show. */
export function hasStarted(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() <= now.getTime();
}

/**
 * Changes a scheduled session's status, but only if it is still scheduled when the update
 * runs (a second tab may have got there first).
 */
async function closeScheduled(
  tx: Db,
  actor: MemberActor,
  sessionId: string,
  values: {
    status: Exclude<SessionStatus, 'scheduled'>;
    chargeable: boolean;
    cancelledAt?: Date;
    cancelledLate?: boolean;
    bumpSequence?: boolean;
  },
): Promise<void> {
  const { bumpSequence, ...columns } = values;
  const updated = await tx
    .update(supervisionSessions)
    .set({
      ...columns,
      ...(bumpSequence ? { icalSequence: sql`${supervisionSessions.icalSequence} + 1` } : {}),
    })
    .where(
      and(
        eq(supervisionSessions.id, sessionId),
        eq(supervisionSessions.practiceId, actor.practiceId),
        eq(supervisionSessions.status, 'scheduled'),
      ),
    )
    .returning({ id: supervisionSessions.id });
  if (updated.length === 0) throw new AppError('conflict', 'sessions.notScheduled');
  await tx.insert(sessionChanges).values({
    sessionId,
    practiceId: actor.practiceId,
    changedBy: actor.userId,
    kind: values.status,
  });
}

/** Cancels a scheduled session; a late one is charged if the contract says so. */
export async function cancelSession(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  now: Date = new Date(),
): Promise<{ late: boolean; chargeable: boolean }> {
  return db.transaction(async (tx) => {
    const { session, contract } = await loadOwnSession(tx, actor, sessionId);
    if (session.status !== 'scheduled') throw new AppError('conflict', 'sessions.notScheduled');
    const late = isLateCancellation(session.startsAt, contract.cancellationNoticeHours, now);
    const chargeable = late && contract.chargeLateCancellation;
    await closeScheduled(tx, actor, session.id, {
      status: 'cancelled',
      chargeable,
      cancelledAt: now,
      cancelledLate: late,
      bumpSequence: true,
    });
    return { late, chargeable };
  });
}

async function loadStartedSession(tx: Db, actor: MemberActor, sessionId: string, now: Date) {
  const loaded = await loadOwnSession(tx, actor, sessionId);
  if (loaded.session.status !== 'scheduled') {
    throw new AppError('conflict', 'sessions.notScheduled');
  }
  if (!hasStarted(loaded.session.startsAt, now)) {
    throw new AppError('invalid', 'sessions.notStartedYet');
  }
  return loaded;
}

/**
 * Marks a session held (always invoiced). For a team or group, `attendedClientIds` records
 * who of the contract's participants were there; everyone not listed was absent.
 */
export async function markHeld(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  input: { attendedClientIds?: readonly string[] } = {},
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract } = await loadStartedSession(tx, actor, sessionId, now);
    await closeScheduled(tx, actor, session.id, { status: 'held', chargeable: true });
    if (contract.form === 'individual' || input.attendedClientIds === undefined) return;

    const participants = await tx
      .select({ clientId: contractParticipants.clientId })
      .from(contractParticipants)
      .where(
        and(
          eq(contractParticipants.contractId, contract.id),
          eq(contractParticipants.practiceId, actor.practiceId),
        ),
      );
    const participantIds = new Set(participants.map((p) => p.clientId));
    if (input.attendedClientIds.some((id) => !participantIds.has(id))) {
      throw new AppError('invalid', 'sessions.notAParticipant');
    }
    if (participants.length === 0) return;
    const attended = new Set(input.attendedClientIds);
    await tx.insert(sessionAttendance).values(
      participants.map(({ clientId }) => ({
        sessionId: session.id,
        clientId,
        practiceId: actor.practiceId,
        attended: attended.has(clientId),
      })),
    );
  });
}

/** Marks that nobody came; invoiced only if the contract charges no-shows. */
export async function markNoShow(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract } = await loadStartedSession(tx, actor, sessionId, now);
    await closeScheduled(tx, actor, session.id, {
      status: 'no_show',
      chargeable: contract.chargeNoShow,
    });
  });
}
