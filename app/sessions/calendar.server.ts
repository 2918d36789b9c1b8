/** The supervisor's own week: every session in it, numbered within its contract. */
import { and, asc, eq, gte, inArray, lt, ne, or, sql } from 'drizzle-orm';

import { contracts, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';
import { helsinkiDate, type LocalDate } from '~/time/helsinki';
import { type IsoWeek, weekBounds } from '~/time/iso-week';

import { supervisedSessions } from './access.server';
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
 * contract unless it was cancelled free of charge.
 */
export async function getCalendarWeek(
  { db }: DomainContext,
  actor: MemberActor,
  week: IsoWeek,
): Promise<CalendarWeek> {
  const { days, start, end } = weekBounds(week);
  const s = supervisionSessions;
  const inWeek = and(supervisedSessions(actor), gte(s.startsAt, start), lt(s.startsAt, end));
  const weekContracts = db.selectDistinct({ contractId: s.contractId }).from(s).where(inWeek);
  const numbered = db.$with('numbered').as(
    db
      .select({
        sessionId: sql<string>`${s.id}`.as('session_id'),
        number:
          sql<number>`row_number() over (partition by ${s.contractId} order by ${s.startsAt}, ${s.id})`
            .mapWith(Number)
            .as('number'),
      })
      .from(s)
      .where(
        and(
          eq(s.practiceId, actor.practiceId),
          inArray(s.contractId, weekContracts),
          or(ne(s.status, 'cancelled'), eq(s.chargeable, true)),
        ),
      ),
  );
  const rows = await db
    .with(numbered)
    .select({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      chargeable: s.chargeable,
      contractId: s.contractId,
      contractCode: contracts.code,
      sessionsAgreed: contracts.sessionsAgreed,
      number: numbered.number,
      participantNames: participantNamesOf(db, s.contractId),
    })
    .from(s)
    .innerJoin(
      contracts,
      and(eq(contracts.id, s.contractId), eq(contracts.practiceId, actor.practiceId)),
    )
    .leftJoin(numbered, eq(numbered.sessionId, s.id))
    .where(inWeek)
    .orderBy(asc(s.startsAt));

  return {
    week,
    days: days.map((date) => ({
      date,
      sessions: rows
        .filter((row) => helsinkiDate(row.startsAt) === date)
        .map((row) => ({ ...row, number: row.number ?? null })),
    })),
  };
}
