/**
 * Changing a recorded outcome afterwards: a mis-click on "no-show", a cancellation that
 * turns out to have been the supervisor's own, a charge the supervisor decides not to ask
 * for. Every change is written to the session's history, the outcome before and after.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { sessionAttendance, sessionChanges, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { loadOwnSession, lockSupervisorCalendar } from './access.server';
import { extraIfCounted, usesAllowance } from './allowance.server';
import { cancellationColumns, type CancellationInput, recordAttendance } from './outcomes.server';

export type CorrectedOutcome =
  | { status: 'held'; attendedClientIds?: readonly string[] | undefined }
  | { status: 'no_show' }
  | ({ status: 'cancelled' } & CancellationInput);

/**
 * Whether a session's outcome can still be corrected or its charge waived: it must have an
 * outcome, and must not have been invoiced. This is the hook for billing: once an invoice
 * takes the session it sets invoiced_at, and the outcome then stays as invoiced (a credit
 * note is the way to change it).
 */
export function isOutcomeCorrectable(session: { status: string; invoicedAt: Date | null }) {
  return session.status !== 'scheduled' && session.invoicedAt === null;
}

async function loadCorrectable(tx: Db, actor: MemberActor, sessionId: string) {
  // The calendar lock before the row lock, in the order bookings take them, so that a
  // correction and a booking count the allowance one after the other without a deadlock.
  const { contract } = await loadOwnSession(tx, actor, sessionId);
  await lockSupervisorCalendar(tx, contract.supervisorId);
  // Locked, so a second tab's correction waits and then sees this one's outcome.
  await tx
    .select({ id: supervisionSessions.id })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.id, sessionId),
        eq(supervisionSessions.practiceId, actor.practiceId),
      ),
    )
    .for('update');
  const loaded = await loadOwnSession(tx, actor, sessionId);
  if (!isOutcomeCorrectable(loaded.session)) {
    throw new AppError('conflict', 'sessions.notCorrectable');
  }
  return loaded;
}

// Belt and braces beside the row lock: never write over an invoiced session.
const notInvoiced = (actor: MemberActor, sessionId: string) =>
  and(
    eq(supervisionSessions.id, sessionId),
    eq(supervisionSessions.practiceId, actor.practiceId),
    isNull(supervisionSessions.invoicedAt),
  );

/**
 * Replaces a recorded outcome by another one; the charge follows the contract's rules again.
 * A session that counts against the allowance again and finds it used up is marked extra.
 */
export async function correctOutcome(
  { db, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  input: CorrectedOutcome,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract } = await loadCorrectable(tx, actor, sessionId);
    // A cancellation may be corrected into another one: who cancelled, or when, was wrong.
    if (input.status === session.status && input.status !== 'cancelled') {
      throw new AppError('invalid', 'sessions.sameOutcome');
    }
    const cleared = {
      cancelledAt: null,
      cancelledLate: null,
      cancelledBy: null,
      cancellationReason: null,
      chargeWaivedReason: null,
    };
    const columns =
      input.status === 'cancelled'
        ? { ...cleared, ...cancellationColumns(contract, session.startsAt, input, now) }
        : input.status === 'held'
          ? { ...cleared, status: 'held' as const, chargeable: true }
          : { ...cleared, status: 'no_show' as const, chargeable: contract.chargeNoShow };
    const extra = usesAllowance(columns)
      ? await extraIfCounted(tx, actor, contract, session)
      : null;
    const updated = await tx
      .update(supervisionSessions)
      .set({
        ...columns,
        ...(usesAllowance(columns) && !usesAllowance(session) ? { extra: extra !== null } : {}),
        // A subscribed calendar shows a cancelled session differently: tell it.
        ...(input.status === 'cancelled' || session.status === 'cancelled'
          ? { icalSequence: sql`${supervisionSessions.icalSequence} + 1` }
          : {}),
      })
      .where(notInvoiced(actor, session.id))
      .returning({ id: supervisionSessions.id });
    if (updated.length === 0) throw new AppError('conflict', 'sessions.notCorrectable');

    // Attendance belongs to a held session only.
    await tx
      .delete(sessionAttendance)
      .where(
        and(
          eq(sessionAttendance.sessionId, session.id),
          eq(sessionAttendance.practiceId, actor.practiceId),
        ),
      );
    if (input.status === 'held' && contract.form !== 'individual' && input.attendedClientIds) {
      await recordAttendance(tx, actor, contract.id, session.id, input.attendedClientIds);
    }
    await tx.insert(sessionChanges).values({
      sessionId: session.id,
      practiceId: actor.practiceId,
      changedBy: actor.userId,
      kind: 'outcome_corrected',
      previousStatus: session.status,
      newStatus: input.status,
    });
  });
}

/** Lets a charged late cancellation or no-show go uninvoiced; the reason is kept with it. */
export async function waiveCharge(
  { db }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  reason: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session } = await loadCorrectable(tx, actor, sessionId);
    if (session.status === 'held' || !session.chargeable) {
      throw new AppError('conflict', 'sessions.nothingToWaive');
    }
    const updated = await tx
      .update(supervisionSessions)
      .set({ chargeable: false, chargeWaivedReason: reason })
      .where(notInvoiced(actor, session.id))
      .returning({ id: supervisionSessions.id });
    if (updated.length === 0) throw new AppError('conflict', 'sessions.notCorrectable');
    await tx.insert(sessionChanges).values({
      sessionId: session.id,
      practiceId: actor.practiceId,
      changedBy: actor.userId,
      kind: 'charge_waived',
    });
  });
}
