/**
 * What became of a booked session: cancelled (on time or late), held, or a no-show, and
 * whether it is invoiced as the contract says.
 */
import { and, eq, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  type Canceller,
  contractParticipants,
  sessionAttendance,
  sessionChanges,
  type SessionStatus,
  supervisionSessions,
} from '#db/schema';
import { loadParticipatedSession } from '~/between-sessions/access.server';
import { mailSessionSupervisor } from '~/between-sessions/mail.server';
import type { DomainContext } from '~/domain/context';
import { superviseeCancelledEmail } from '~/email/templates';
import { AppError } from '~/errors';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';
import { mailSessionChange } from '~/session-mail/session-mail.server';

import { loadOwnSession } from './access.server';

/** Late when the cancellation comes after the contract's notice period has begun. */
export function isLateCancellation(startsAt: Date, noticeHours: number, now: Date): boolean {
  return now.getTime() > startsAt.getTime() - noticeHours * 60 * 60_000;
}

/**
 * Whether a cancellation is invoiced: only a late one by the supervisee, and only when the
 * contract charges late cancellations. The supervisor's or the practice's own cancellation
 * is never the client's cost.
 */
export function isChargeableCancellation(
  contract: { chargeLateCancellation: boolean },
  cancellation: { late: boolean; by: Canceller },
): boolean {
  return cancellation.late && cancellation.by === 'supervisee' && contract.chargeLateCancellation;
}

export interface CancellationInput {
  by: Canceller;
  reason: string | null;
  /** When it was called off; defaults to now. A past session's may be earlier. */
  cancelledAt?: Date | undefined;
}

/**
 * The session's columns for a cancellation; refuses a cancellation time in the future. For a
 * session already started, the time recorded decides whether it was late, as it would have.
 */
export function cancellationColumns(
  contract: { cancellationNoticeHours: number; chargeLateCancellation: boolean },
  startsAt: Date,
  input: CancellationInput,
  now: Date,
) {
  const cancelledAt = input.cancelledAt ?? now;
  if (cancelledAt.getTime() > now.getTime()) {
    throw new AppError('invalid', 'sessions.cancelledAtFuture');
  }
  const late = isLateCancellation(startsAt, contract.cancellationNoticeHours, cancelledAt);
  return {
    status: 'cancelled' as const,
    chargeable: isChargeableCancellation(contract, { late, by: input.by }),
    cancelledAt,
    cancelledLate: late,
    cancelledBy: input.by,
    cancellationReason: input.reason,
  };
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
  actor: { practiceId: string; userId: string },
  sessionId: string,
  values: {
    status: Exclude<SessionStatus, 'scheduled'>;
    chargeable: boolean;
    cancelledAt?: Date;
    cancelledLate?: boolean;
    cancelledBy?: Canceller;
    cancellationReason?: string | null;
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

/**
 * Cancels a scheduled session, saying who called it off and why. A late one is charged
 * only when the supervisee cancelled and the contract charges late cancellations.
 */
export async function cancelSession(
  { db, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  input: CancellationInput,
): Promise<{ late: boolean; chargeable: boolean }> {
  return db.transaction(async (tx) => {
    const { session, contract } = await loadOwnSession(tx, actor, sessionId);
    if (session.status !== 'scheduled') throw new AppError('conflict', 'sessions.notScheduled');
    const columns = cancellationColumns(contract, session.startsAt, input, now);
    await closeScheduled(tx, actor, session.id, { ...columns, bumpSequence: true });
    await mailSessionChange(tx, {
      practiceId: actor.practiceId,
      sessionIds: [session.id],
      kind: 'cancelled',
      now,
    });
    return { late: columns.cancelledLate, chargeable: columns.chargeable };
  });
}

/**
 * What cancelling would mean for a supervisee in the portal, or why they cannot: only a
 * coming, still scheduled session of an individual contract. A group's session is the
 * group's, so one participant cannot call it off; they tell the supervisor instead.
 */
export function superviseeCancellation(
  contract: { form: string; cancellationNoticeHours: number; chargeLateCancellation: boolean },
  session: { status: SessionStatus; startsAt: Date },
  now: Date,
):
  | { possible: false; reason: 'group' | 'notScheduled' | 'started' }
  | { possible: true; late: boolean; chargeable: boolean } {
  if (session.status !== 'scheduled') return { possible: false, reason: 'notScheduled' };
  if (hasStarted(session.startsAt, now)) return { possible: false, reason: 'started' };
  if (contract.form !== 'individual') return { possible: false, reason: 'group' };
  const late = isLateCancellation(session.startsAt, contract.cancellationNoticeHours, now);
  return {
    possible: true,
    late,
    chargeable: isChargeableCancellation(contract, { late, by: 'supervisee' }),
  };
}

/** A late cancellation was sent without the supervisee having seen and accepted its terms. */
export class LateCancellationUnconfirmed extends AppError {
  constructor() {
    super('conflict', 'between.cancel.confirmLate');
    this.name = 'LateCancellationUnconfirmed';
  }
}

/**
 * The supervisee cancels one of their coming sessions in the portal. Inside the notice
 * period it goes through only when they confirmed the late terms (`acknowledgeLate`); it is
 * then recorded as cancelled late by the supervisee and charged as the contract says. The
 * supervisor is mailed either way.
 */
export async function cancelSessionAsSupervisee(
  { db, now }: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
  input: { acknowledgeLate: boolean; appOrigin: string },
): Promise<{ late: boolean; chargeable: boolean }> {
  return db.transaction(async (tx) => {
    const { session, contract } = await loadParticipatedSession(tx, actor, sessionId);
    const terms = superviseeCancellation(contract, session, now);
    if (!terms.possible) {
      throw terms.reason === 'group'
        ? new AppError('forbidden', 'between.cancel.group')
        : new AppError('conflict', 'sessions.notScheduled');
    }
    if (terms.late && !input.acknowledgeLate) throw new LateCancellationUnconfirmed();
    const columns = cancellationColumns(
      contract,
      session.startsAt,
      { by: 'supervisee', reason: null },
      now,
    );
    await closeScheduled(tx, actor, session.id, { ...columns, bumpSequence: true });
    // The supervisee's calendar drops the event as when the supervisor cancels.
    await mailSessionChange(tx, {
      practiceId: actor.practiceId,
      sessionIds: [session.id],
      kind: 'cancelled',
      now,
    });
    await mailSessionSupervisor(tx, {
      practiceId: actor.practiceId,
      supervisorId: session.supervisorId,
      startsAt: session.startsAt,
      compose: (locale, when) =>
        superviseeCancelledEmail(locale, {
          code: contract.code,
          when,
          late: columns.cancelledLate,
          chargeable: columns.chargeable,
          link: `${input.appOrigin}/sessions/${session.id}`,
        }),
    });
    return { late: columns.cancelledLate, chargeable: columns.chargeable };
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
  { db, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  input: { attendedClientIds?: readonly string[] } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract } = await loadStartedSession(tx, actor, sessionId, now);
    await closeScheduled(tx, actor, session.id, { status: 'held', chargeable: true });
    if (contract.form === 'individual' || input.attendedClientIds === undefined) return;
    await recordAttendance(tx, actor, contract.id, session.id, input.attendedClientIds);
  });
}

/** Who of a team or group came: everyone of the contract's participants not listed was absent. */
export async function recordAttendance(
  tx: Db,
  actor: MemberActor,
  contractId: string,
  sessionId: string,
  attendedClientIds: readonly string[],
): Promise<void> {
  const participants = await tx
    .select({ clientId: contractParticipants.clientId })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.contractId, contractId),
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    );
  const participantIds = new Set(participants.map((p) => p.clientId));
  if (attendedClientIds.some((id) => !participantIds.has(id))) {
    throw new AppError('invalid', 'sessions.notAParticipant');
  }
  await tx
    .delete(sessionAttendance)
    .where(
      and(
        eq(sessionAttendance.sessionId, sessionId),
        eq(sessionAttendance.practiceId, actor.practiceId),
      ),
    );
  if (participants.length === 0) return;
  const attended = new Set(attendedClientIds);
  await tx.insert(sessionAttendance).values(
    participants.map(({ clientId }) => ({
      sessionId,
      clientId,
      practiceId: actor.practiceId,
      attended: attended.has(clientId),
    })),
  );
}

/** Marks that nobody came; invoiced only if the contract charges no-shows. */
export async function markNoShow(
  { db, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract } = await loadStartedSession(tx, actor, sessionId, now);
    await closeScheduled(tx, actor, session.id, {
      status: 'no_show',
      chargeable: contract.chargeNoShow,
    });
  });
}
