/**
 * The contract's allowance of sessions. A booking that would go past it needs to be made
 * explicitly as extra, and the sessions past it are marked, so that nobody books twelve
 * sessions on a contract of eight without noticing.
 *
 * What counts against the allowance: every session that is booked or has used one up —
 * scheduled, held, no-show, and cancelled-but-charged. A cancellation that is not charged
 * (in time, by the supervisor or the practice, or waived) gives its session back.
 *
 * A correction records what happened, so it is never refused for the allowance: when it
 * makes a session count again (a free cancellation that was in fact held) and the contract
 * is then past its allowance, the session is marked extra, and the correction form says so
 * before it is sent.
 */
import { and, count, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';

import type { Db } from '#db/client';
import { type SessionStatus, supervisionSessions } from '#db/schema';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

/** A booking that goes past the allowance and was not confirmed as extra; nothing was booked. */
export class AllowanceExceededError extends AppError {
  readonly allowance: { agreed: number; counted: number; extra: number };

  constructor(allowance: { agreed: number; counted: number; extra: number }) {
    super('conflict', 'sessions.pastAllowance');
    this.name = 'AllowanceExceededError';
    this.allowance = allowance;
  }
}

/** What counts against the allowance (above), for the sessions table or an alias of it. */
export function countsAgainstAllowanceOf(s: { status: AnyPgColumn; chargeable: AnyPgColumn }) {
  return or(
    eq(s.status, 'scheduled'),
    eq(s.status, 'held'),
    eq(s.status, 'no_show'),
    and(eq(s.status, 'cancelled'), eq(s.chargeable, true)),
  );
}

const countsAgainstAllowance = countsAgainstAllowanceOf(supervisionSessions);

/** The same rule as countsAgainstAllowance, for one session's values. */
export function usesAllowance(session: { status: SessionStatus; chargeable: boolean }): boolean {
  return session.status !== 'cancelled' || session.chargeable;
}

async function countedSessions(tx: Db, actor: MemberActor, contractId: string, exceptId?: string) {
  const [row] = await tx
    .select({ counted: count() })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.contractId, contractId),
        eq(supervisionSessions.practiceId, actor.practiceId),
        countsAgainstAllowance,
        exceptId === undefined ? undefined : ne(supervisionSessions.id, exceptId),
      ),
    );
  return row?.counted ?? 0;
}

/**
 * Whether a session that does not count now would be past the allowance if a correction made
 * it count: every agreed session is already used by the contract's others. Null when the
 * session counts already, so a correction cannot change the allowance.
 */
export async function extraIfCounted(
  tx: Db,
  actor: MemberActor,
  contract: { id: string; sessionsAgreed: number },
  session: { id: string; status: SessionStatus; chargeable: boolean },
): Promise<{ agreed: number; counted: number } | null> {
  if (usesAllowance(session)) return null;
  return pastAllowance(contract, await countedSessions(tx, actor, contract.id, session.id));
}

/**
 * extraIfCounted inside a query on supervision_sessions: for each session that does not
 * count, how many of its contract's other sessions do (null for one that counts). Give the
 * result and the contract to `pastAllowance`.
 */
export function othersCountedIfNotCounting(tx: Db, actor: MemberActor): SQL<number | null> {
  const others = alias(supervisionSessions, 'others');
  const s = supervisionSessions;
  const counted = tx
    .select({ counted: sql<number>`count(*)::int` })
    .from(others)
    .where(
      and(
        eq(others.contractId, s.contractId),
        eq(others.practiceId, actor.practiceId),
        countsAgainstAllowanceOf(others),
        ne(others.id, s.id),
      ),
    );
  return sql<number | null>`case when ${countsAgainstAllowance} then null else (${counted}) end`;
}

/** Past the allowance when every agreed session is already counted by the others. */
export function pastAllowance(
  contract: { sessionsAgreed: number },
  counted: number | null,
): { agreed: number; counted: number } | null {
  return counted !== null && counted >= contract.sessionsAgreed
    ? { agreed: contract.sessionsAgreed, counted }
    : null;
}

/**
 * For `wanted` new sessions on the contract, which of them (in time order) are extra. Throws
 * AllowanceExceededError when any would be and `bookAsExtra` was not given. Call it after
 * lockSupervisorCalendar, which keeps two bookings on the contract from counting at once.
 */
export async function extraFlags(
  tx: Db,
  actor: MemberActor,
  contract: { id: string; sessionsAgreed: number },
  wanted: number,
  bookAsExtra: boolean,
): Promise<boolean[]> {
  const counted = await countedSessions(tx, actor, contract.id);
  const left = Math.max(0, contract.sessionsAgreed - counted);
  const extra = Math.max(0, wanted - left);
  if (extra > 0 && !bookAsExtra) {
    throw new AllowanceExceededError({ agreed: contract.sessionsAgreed, counted, extra });
  }
  return Array.from({ length: wanted }, (_, index) => index >= left);
}
