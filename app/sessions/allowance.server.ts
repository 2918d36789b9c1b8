/**
 * The contract's allowance of sessions. A booking that would go past it needs to be made
 * explicitly as extra, and the sessions past it are marked, so that nobody books twelve
 * sessions on a contract of eight without noticing.
 *
 * What counts against the allowance: every session that is booked or has used one up —
 * scheduled, held, no-show, and cancelled-but-charged. A cancellation that is not charged
 * (in time, by the supervisor or the practice, or waived) gives its session back.
 */
import { and, count, eq, or } from 'drizzle-orm';

import type { Db } from '#db/client';
import { supervisionSessions } from '#db/schema';
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

const countsAgainstAllowance = or(
  eq(supervisionSessions.status, 'scheduled'),
  eq(supervisionSessions.status, 'held'),
  eq(supervisionSessions.status, 'no_show'),
  and(eq(supervisionSessions.status, 'cancelled'), eq(supervisionSessions.chargeable, true)),
);

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
  const [row] = await tx
    .select({ counted: count() })
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.contractId, contract.id),
        eq(supervisionSessions.practiceId, actor.practiceId),
        countsAgainstAllowance,
      ),
    );
  const counted = row?.counted ?? 0;
  const left = Math.max(0, contract.sessionsAgreed - counted);
  const extra = Math.max(0, wanted - left);
  if (extra > 0 && !bookAsExtra) {
    throw new AllowanceExceededError({ agreed: contract.sessionsAgreed, counted, extra });
  }
  return Array.from({ length: wanted }, (_, index) => index >= left);
}
