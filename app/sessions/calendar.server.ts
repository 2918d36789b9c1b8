/**
 * The calendar: one member's sessions over a range of days, numbered within their contract,
 * and the choices of its filters.
 */
import { and, asc, eq, gte, lt, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import { contracts, memberships, supervisionSessions, users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { addDays, helsinkiInstant, type LocalDate } from '~/time/helsinki';

import { calendarSessions, mayViewCalendarOf } from './access.server';
import { countsAgainstAllowanceOf } from './allowance.server';
import { participantNamesOf } from './queries.server';

export interface CalendarSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: (typeof supervisionSessions.$inferSelect)['status'];
  chargeable: boolean;
  contractId: string;
  contractCode: string;
  participantNames: string;
  /** Its place among the contract's counted sessions ("4" of "4/10"); null if not counted. */
  number: number | null;
  sessionsAgreed: number;
}

export interface CalendarRequest {
  /** The first and last day shown, Helsinki dates. */
  from: LocalDate;
  to: LocalDate;
  /** Whose calendar; null (or anyone the actor may not view) means the actor's own. */
  supervisorId: string | null;
  /** Only this contract's sessions; ignored unless it is one of the filter's choices. */
  contractId: string | null;
}

export interface Calendar {
  sessions: CalendarSession[];
  /** Whose calendar is shown, and whether it is the actor's own (only then can they book). */
  supervisorId: string;
  own: boolean;
  /** The filter's choices: the other members (for the owner only) and the shown contracts. */
  supervisors: { id: string; name: string }[];
  contracts: { id: string; code: string; participantNames: string }[];
  contractId: string | null;
}

/**
 * At most three queries whatever the range and the number of sessions: the owner's list of
 * members, the shown member's contracts, and the sessions with their contract code,
 * participant names and number within the contract. A session counts towards the contract
 * unless it was cancelled free of charge (the allowance's rule); its number counts the
 * contract's sessions up to it through the contract's index, so the query reads the shown
 * contracts and never the practice's whole history.
 */
export async function getCalendar(
  { db }: DomainContext,
  actor: MemberActor,
  request: CalendarRequest,
): Promise<Calendar> {
  const supervisors =
    actor.role === 'owner'
      ? await db
          .select({ id: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.practiceId, actor.practiceId))
          .orderBy(asc(users.name))
      : [];
  const wanted = request.supervisorId;
  const supervisorId =
    wanted && mayViewCalendarOf(actor, wanted) && supervisors.some((m) => m.id === wanted)
      ? wanted
      : actor.userId;

  const contractChoices = await db
    .select({
      id: contracts.id,
      code: contracts.code,
      participantNames: participantNamesOf(db, contracts.id),
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.practiceId, actor.practiceId),
        eq(contracts.supervisorId, supervisorId),
        ne(contracts.status, 'draft'),
      ),
    )
    .orderBy(asc(contracts.code));
  const contractId = contractChoices.some((c) => c.id === request.contractId)
    ? request.contractId
    : null;

  const s = supervisionSessions;
  const earlier = alias(supervisionSessions, 'earlier');
  const countedUpToThis = db
    .select({ number: sql<number>`count(*)::int` })
    .from(earlier)
    .where(
      and(
        eq(earlier.contractId, s.contractId),
        eq(earlier.practiceId, actor.practiceId),
        // The index's range; the pair below breaks ties between sessions at the same time.
        lte(earlier.startsAt, s.startsAt),
        sql`(${earlier.startsAt}, ${earlier.id}) <= (${s.startsAt}, ${s.id})`,
        countsAgainstAllowanceOf(earlier),
      ),
    );
  const sessions = await db
    .select({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      chargeable: s.chargeable,
      contractId: s.contractId,
      contractCode: contracts.code,
      sessionsAgreed: contracts.sessionsAgreed,
      number: sql<
        number | null
      >`case when ${countsAgainstAllowanceOf(s)} then (${countedUpToThis}) end`,
      participantNames: participantNamesOf(db, s.contractId),
    })
    .from(s)
    .innerJoin(
      contracts,
      and(eq(contracts.id, s.contractId), eq(contracts.practiceId, actor.practiceId)),
    )
    .where(
      and(
        calendarSessions(actor, supervisorId),
        gte(s.startsAt, helsinkiInstant(request.from)),
        lt(s.startsAt, helsinkiInstant(addDays(request.to, 1))),
        contractId ? eq(s.contractId, contractId) : undefined,
      ),
    )
    .orderBy(asc(s.startsAt), asc(s.id));

  return {
    sessions,
    supervisorId,
    own: supervisorId === actor.userId,
    supervisors: supervisors.filter((member) => member.id !== actor.userId),
    contracts: contractChoices,
    contractId,
  };
}
