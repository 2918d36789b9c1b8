/** The supervisor's own week: every session in it, numbered within its contract. */
import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import { contracts, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { helsinkiDate, type LocalDate } from '~/time/helsinki';
import { type IsoWeek, weekBounds } from '~/time/iso-week';

import { supervisedSessions } from './access.server';
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

export interface CalendarWeek {
  week: IsoWeek;
  days: { date: LocalDate; sessions: CalendarSession[] }[];
}

/**
 * One query whatever the number of sessions: the week's sessions with their contract code,
 * participant names and their number within the contract. A session counts towards the
 * contract unless it was cancelled free of charge (the allowance's rule); its number counts
 * the contract's sessions up to it, through the contract's index, so the query reads the
 * week's contracts and never the practice's whole history.
 */
export async function getCalendarWeek(
  { db }: DomainContext,
  actor: MemberActor,
  week: IsoWeek,
): Promise<CalendarWeek> {
  const { days, start, end } = weekBounds(week);
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
  const rows = await db
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
    .where(and(supervisedSessions(actor), gte(s.startsAt, start), lt(s.startsAt, end)))
    .orderBy(asc(s.startsAt));

  return {
    week,
    days: days.map((date) => ({
      date,
      sessions: rows.filter((row) => helsinkiDate(row.startsAt) === date),
    })),
  };
}
