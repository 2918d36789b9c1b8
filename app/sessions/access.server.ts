/**
 * Who may work with a session (docs/decisions/008), what every booking use case needs
 * first — the contract or session, if the actor is its supervisor — and the double-booking
 * guard.
 */
import { and, eq, gt, lt, ne, or, type SQL, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contracts, supervisionSessions } from '#db/schema';
import { supervisedContracts } from '~/contracts/access.server';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import { maxSessionMinutes } from './limits';

export interface TimeRange {
  start: Date;
  end: Date;
}

/** The contract's booking rules, as every use case on its sessions reads them. */
export const contractRules = {
  id: contracts.id,
  code: contracts.code,
  form: contracts.form,
  status: contracts.status,
  supervisorId: contracts.supervisorId,
  sessionMinutes: contracts.sessionMinutes,
  sessionsAgreed: contracts.sessionsAgreed,
  rhythmWeeks: contracts.rhythmWeeks,
  cancellationNoticeHours: contracts.cancellationNoticeHours,
  chargeLateCancellation: contracts.chargeLateCancellation,
  chargeNoShow: contracts.chargeNoShow,
};

/**
 * The sessions the actor supervises: book, move, record outcomes, start a note. Every
 * session carries its own supervisor (the contract's at booking time), and that is the one
 * field this rule reads. Not the owner: they see sessions only as contract metadata.
 */
export function supervisedSessions(actor: MemberActor): SQL | undefined {
  return and(
    eq(supervisionSessions.practiceId, actor.practiceId),
    eq(supervisionSessions.supervisorId, actor.userId),
  );
}

/** Joins a session to its contract, in the same practice only. */
export const sessionsContract = and(
  eq(contracts.id, supervisionSessions.contractId),
  eq(contracts.practiceId, supervisionSessions.practiceId),
);

/** The contract with its booking rules, when the actor supervises it (else not_found). */
export async function loadOwnContract(db: Db, actor: MemberActor, contractId: string) {
  const [contract] = await db
    .select(contractRules)
    .from(contracts)
    .where(and(eq(contracts.id, contractId), supervisedContracts(actor)));
  if (!contract) throw new AppError('not_found');
  return contract;
}

/** The session with its contract's rules, when the actor supervises it (else not_found). */
export async function loadOwnSession(db: Db, actor: MemberActor, sessionId: string) {
  const [row] = await db
    .select({ session: supervisionSessions, contract: contractRules })
    .from(supervisionSessions)
    .innerJoin(contracts, sessionsContract)
    .where(and(eq(supervisionSessions.id, sessionId), supervisedSessions(actor)));
  if (!row) throw new AppError('not_found');
  return row;
}

export function endOf(startsAt: Date, minutes: number): Date {
  return new Date(startsAt.getTime() + minutes * 60_000);
}

/** A session in the past is usually a typo; booking one afterwards must be said explicitly. */
export function requirePastConfirmation(startsAt: Date, confirmPast: boolean, now: Date): void {
  if (startsAt.getTime() < now.getTime() && !confirmPast) {
    throw new AppError('invalid', 'sessions.confirmPast');
  }
}

/**
 * Serialises bookings of one supervisor until the transaction ends, so two requests cannot
 * both see a free slot and both take it. Other supervisors are not held up.
 */
export async function lockSupervisorCalendar(tx: Db, supervisorId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${supervisorId}))`);
}

/**
 * Which of the wanted time ranges overlap a session the supervisor already has (half-open
 * ranges, so back-to-back sessions are fine). Deliberately not limited to the actor's
 * practice: a supervisor who works for two practices cannot be in two sessions at once.
 * Only the wanted ranges are returned, never anything about the other sessions.
 */
export async function collidingRanges(
  tx: Db,
  supervisorId: string,
  wanted: readonly TimeRange[],
  exceptSessionId?: string,
): Promise<TimeRange[]> {
  if (wanted.length === 0) return [];
  const s = supervisionSessions;
  const taken = await tx
    .select({ startsAt: s.startsAt, endsAt: s.endsAt })
    .from(s)
    .where(
      and(
        eq(s.supervisorId, supervisorId),
        ne(s.status, 'cancelled'),
        exceptSessionId ? ne(s.id, exceptSessionId) : undefined,
        or(...wanted.map((range) => and(lt(s.startsAt, range.end), gt(s.endsAt, range.start)))),
      ),
    );
  return wanted.filter((range) =>
    taken.some((other) => other.startsAt < range.end && other.endsAt > range.start),
  );
}

/** A session in the way of a wanted time, as much of it as the actor may see. */
export interface ClashingSession {
  startsAt: Date;
  endsAt: Date;
  /** Its contract's code, or null when the actor may not see it (another practice's session). */
  contractCode: string | null;
}

/** A wanted time range that collides, and with what. */
export interface Clash extends TimeRange {
  clashesWith: ClashingSession[];
}

/**
 * collidingRanges, and what each colliding range runs into, within the calendar rule: the
 * time of the supervisor's own session always, its contract's code only when the session is
 * in the actor's practice and the actor may view that calendar. A session the supervisor has
 * in another practice is a time and nothing more. One query, whatever the number of ranges.
 */
export async function clashesOf(
  tx: Db,
  actor: MemberActor,
  supervisorId: string,
  wanted: readonly TimeRange[],
): Promise<Clash[]> {
  if (wanted.length === 0) return [];
  const s = supervisionSessions;
  const taken = await tx
    .select({ startsAt: s.startsAt, endsAt: s.endsAt, code: contracts.code })
    .from(s)
    .leftJoin(contracts, and(sessionsContract, eq(s.practiceId, actor.practiceId)))
    .where(
      and(
        eq(s.supervisorId, supervisorId),
        ne(s.status, 'cancelled'),
        or(
          ...wanted.map((range) =>
            and(
              // No session is longer than the longest a booking allows, so one that overlaps
              // starts after this: the bound keeps each range's index scan to a few rows.
              gt(s.startsAt, new Date(range.start.getTime() - maxSessionMinutes * 60_000)),
              lt(s.startsAt, range.end),
              gt(s.endsAt, range.start),
            ),
          ),
        ),
      ),
    )
    .orderBy(s.startsAt);
  const mayView = mayViewCalendarOf(actor, supervisorId);
  return wanted.flatMap((range) => {
    const clashesWith = taken
      .filter((other) => other.startsAt < range.end && other.endsAt > range.start)
      .map((other) => ({
        startsAt: other.startsAt,
        endsAt: other.endsAt,
        contractCode: mayView ? other.code : null,
      }));
    return clashesWith.length > 0 ? [{ ...range, clashesWith }] : [];
  });
}

/**
 * Whose calendar the actor may open: their own, and — for the practice owner, who already
 * sees every contract's sessions as contract metadata — any member's. Times, contracts and
 * states only; the calendar reads no note text.
 */
export function mayViewCalendarOf(actor: MemberActor, supervisorId: string): boolean {
  return supervisorId === actor.userId || actor.role === 'owner';
}

/** The sessions on one member's calendar, in the actor's practice (mayViewCalendarOf first). */
export function calendarSessions(actor: MemberActor, supervisorId: string): SQL | undefined {
  return and(
    eq(supervisionSessions.practiceId, actor.practiceId),
    eq(supervisionSessions.supervisorId, supervisorId),
  );
}
