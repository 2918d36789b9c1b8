/**
 * What became of a series booked with collisions, for the page that follows the booking: how
 * many of its dates were booked, and for each date left out what it collides with now and
 * whether it has since been booked at another time. The dates left out travel in the page's
 * address (`?clash=2026-12-14T09:00`, Helsinki time), so the page survives a reload without
 * booking anything again; they are read back here as wishes, never as facts.
 */
import { and, asc, eq } from 'drizzle-orm';

import { contracts, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import {
  helsinkiDate,
  helsinkiInstant,
  helsinkiTime,
  isLocalDate,
  isLocalTime,
  type LocalDate,
} from '~/time/helsinki';

import {
  clashesOf,
  type ClashingSession,
  endOf,
  sessionsContract,
  supervisedSessions,
} from './access.server';
import { bookSession } from './booking.server';
import { seriesLimits } from './limits';

/** The page's address for a series and the starts it left out. */
export function seriesResultPath(seriesId: string, clashes: readonly Date[]): string {
  const search = new URLSearchParams(
    clashes.map((start) => ['clash', `${helsinkiDate(start)}T${helsinkiTime(start)}`]),
  );
  return `/sessions/series/${seriesId}?${search.toString()}`;
}

/**
 * The starts named in the address: well-formed Helsinki times only, each once, in order, at
 * most as many as a series can have. Anything else is dropped.
 */
export function clashStartsOf(values: readonly string[]): Date[] {
  const starts = new Map<number, Date>();
  for (const value of values) {
    const [date = '', time = '', ...rest] = value.split('T');
    if (rest.length > 0 || !isLocalDate(date) || !isLocalTime(time)) continue;
    const start = helsinkiInstant(date, time);
    starts.set(start.getTime(), start);
    if (starts.size >= seriesLimits.maxCount) break;
  }
  return [...starts.values()].sort((a, b) => a.getTime() - b.getTime());
}

export interface SeriesDateLeftOut {
  date: LocalDate;
  /** The wanted start, "HH:MM" in Helsinki. */
  time: string;
  startsAt: Date;
  /** What is in the way now; empty if the time has become free since. */
  clashesWith: ClashingSession[];
  /** The series' session booked on that date since, at another time. */
  rebooked: { id: string; startsAt: Date } | null;
}

export interface SeriesResult {
  seriesId: string;
  contractId: string;
  contractCode: string;
  minutes: number;
  /** The series' first session that is not cancelled, where "leave it out" leads. */
  firstSessionId: string | null;
  booked: number;
  /** The booked sessions and the dates still left out. */
  wanted: number;
  leftOut: SeriesDateLeftOut[];
}

/** The series' sessions, when the actor supervises them (none: not found). */
async function seriesSessions(db: DomainContext['db'], actor: MemberActor, seriesId: string) {
  const s = supervisionSessions;
  const rows = await db
    .select({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      location: s.location,
      contractId: s.contractId,
      contractCode: contracts.code,
    })
    .from(s)
    .innerJoin(contracts, sessionsContract)
    .where(and(eq(s.seriesId, seriesId), supervisedSessions(actor)))
    .orderBy(asc(s.startsAt), asc(s.id));
  const [first] = rows;
  if (!first) throw new AppError('not_found');
  return { rows, first };
}

const minutesOf = (session: { startsAt: Date; endsAt: Date }) =>
  Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);

/**
 * Two queries whatever the series' length: its sessions (with the access rule) and what is in
 * the way of the dates still left out (with the calendar rule).
 */
export async function getSeriesResult(
  { db }: DomainContext,
  actor: MemberActor,
  seriesId: string,
  clashStarts: readonly Date[],
): Promise<SeriesResult> {
  const { rows, first } = await seriesSessions(db, actor, seriesId);
  const live = rows.filter((row) => row.status !== 'cancelled');
  const minutes = minutesOf(first);
  // A start the series has booked is no date left out, whatever the address says.
  const wanted = clashStarts.filter(
    (start) => !rows.some((row) => row.startsAt.getTime() === start.getTime()),
  );
  const rebookedOn = (date: LocalDate) => live.find((row) => helsinkiDate(row.startsAt) === date);
  const open = wanted.filter((start) => !rebookedOn(helsinkiDate(start)));
  const clashes = await clashesOf(
    db,
    actor,
    actor.userId,
    open.map((start) => ({ start, end: endOf(start, minutes) })),
  );
  const leftOut = wanted.map((startsAt) => {
    const date = helsinkiDate(startsAt);
    const rebooked = rebookedOn(date);
    return {
      date,
      time: helsinkiTime(startsAt),
      startsAt,
      clashesWith:
        clashes.find((clash) => clash.start.getTime() === startsAt.getTime())?.clashesWith ?? [],
      rebooked: rebooked ? { id: rebooked.id, startsAt: rebooked.startsAt } : null,
    };
  });
  return {
    seriesId,
    contractId: first.contractId,
    contractCode: first.contractCode,
    minutes,
    firstSessionId: live[0]?.id ?? null,
    booked: live.length,
    wanted: live.length + leftOut.filter((date) => !date.rebooked).length,
    leftOut,
  };
}

export interface BookIntoSeriesInput {
  startsAt: Date;
  confirmPast: boolean;
  bookAsExtra?: boolean;
}

/**
 * Books a date the series left out at another time: on the series' contract, as long and in
 * the same place as its sessions, joining the series — through bookSession and its rules,
 * which refuse a date on which the series already has a session (a form sent twice, or two
 * at once).
 */
export async function bookIntoSeries(
  ctx: DomainContext,
  actor: MemberActor,
  seriesId: string,
  input: BookIntoSeriesInput,
): Promise<string> {
  const { first } = await seriesSessions(ctx.db, actor, seriesId);
  return bookSession(ctx, actor, {
    contractId: first.contractId,
    startsAt: input.startsAt,
    minutes: minutesOf(first),
    location: first.location,
    confirmPast: input.confirmPast,
    bookAsExtra: input.bookAsExtra ?? false,
    seriesId,
  });
}
