/**
 * Where sessions and free slots sit on a day's time grid. The grid has one row per quarter
 * of an hour; sessions are placed by their Helsinki wall-clock times (so a DST day keeps
 * 9.00 at 9.00), overlapping sessions stand side by side in lanes, and two sessions that
 * both still take place at the same time are a clash.
 */
import { helsinkiDate, helsinkiTime, isoWeekday, type LocalDate } from '~/time/helsinki';

export const ROW_MINUTES = 15;
export const SLOT_MINUTES = 30;
/** The hours shown when no session falls outside them. */
export const DEFAULT_HOURS = { first: 7, last: 21 } as const;
/** Working hours on weekdays, shaded differently from the rest of the grid. */
export const WORKING_HOURS = { first: 8, last: 17 } as const;
/** More lanes than this would be too narrow to read; the rest share the last lane. */
export const MAX_LANES = 4;

export interface TimedSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
}

export interface PlacedSession<S> {
  kind: 'session';
  session: S;
  /** 1-based CSS grid row and how many rows it covers. */
  row: number;
  rows: number;
  /** 0-based lane, and whether the session has its cluster to itself (full width). */
  lane: number;
  alone: boolean;
  clash: boolean;
}

export interface FreeSlot {
  kind: 'slot';
  /** 'HH:MM', the start of the slot. */
  time: string;
  row: number;
  rows: number;
  working: boolean;
}

export interface DayLayout<S> {
  date: LocalDate;
  items: (PlacedSession<S> | FreeSlot)[];
  lanes: number;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, '0');
const timeOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A session's minutes on this day's clock, clipped to the day (a session may cross midnight). */
function clockSpan(session: TimedSession, date: LocalDate): { start: number; end: number } {
  const start =
    helsinkiDate(session.startsAt) < date ? 0 : minutesOf(helsinkiTime(session.startsAt));
  const end =
    helsinkiDate(session.endsAt) > date ? 24 * 60 : minutesOf(helsinkiTime(session.endsAt));
  return { start, end: Math.max(end, start + ROW_MINUTES) };
}

const takesPlace = (session: TimedSession) => session.status !== 'cancelled';

/** The hours a set of days shows: the default span, widened to every session in it. */
export function hourSpan(days: { date: LocalDate; sessions: TimedSession[] }[]): {
  first: number;
  last: number;
} {
  let first: number = DEFAULT_HOURS.first;
  let last: number = DEFAULT_HOURS.last;
  for (const day of days) {
    for (const session of day.sessions) {
      const { start, end } = clockSpan(session, day.date);
      first = Math.min(first, Math.floor(start / 60));
      last = Math.max(last, Math.ceil(end / 60));
    }
  }
  return { first, last: Math.min(last, 24) };
}

/**
 * Where the "now" line of today's column goes: the grid line of the quarter hour that holds
 * `time` ('HH:MM'), and how many five-minute steps into that quarter it is (0–2). Null when
 * the time is outside the hours shown.
 */
export function nowLinePlacement(
  time: string,
  hours: { first: number; last: number },
): { line: number; step: 0 | 1 | 2 } | null {
  const minutes = minutesOf(time) - hours.first * 60;
  if (minutes < 0 || minutes >= (hours.last - hours.first) * 60) return null;
  return {
    line: Math.floor(minutes / ROW_MINUTES) + 1,
    step: Math.floor((minutes % ROW_MINUTES) / 5) as 0 | 1 | 2,
  };
}

export function isWorkingTime(date: LocalDate, minutes: number): boolean {
  return (
    isoWeekday(date) <= 5 &&
    minutes >= WORKING_HOURS.first * 60 &&
    minutes < WORKING_HOURS.last * 60
  );
}

/**
 * The day's items in time order (the order a keyboard user tabs through them): sessions in
 * their lanes and the free half-hour slots around them. A slot that any session touches is
 * left out, so no two links lie on top of each other.
 */
export function layoutDay<S extends TimedSession>(
  date: LocalDate,
  sessions: readonly S[],
  hours: { first: number; last: number },
): DayLayout<S> {
  const origin = hours.first * 60;
  const rowOf = (minutes: number) => Math.floor((minutes - origin) / ROW_MINUTES) + 1;
  const spans = sessions
    .map((session) => ({ session, ...clockSpan(session, date) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  // Clusters of sessions that overlap one another, directly or through a third.
  const placed: PlacedSession<S>[] = [];
  let lanes = 1;
  let cluster: typeof spans = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const laneEnds: number[] = [];
    for (const item of cluster) {
      let lane = laneEnds.findIndex((end) => end <= item.start);
      if (lane === -1) lane = Math.min(laneEnds.length, MAX_LANES - 1);
      laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, item.end);
      const clash =
        takesPlace(item.session) &&
        cluster.some(
          (other) =>
            other !== item &&
            takesPlace(other.session) &&
            other.start < item.end &&
            other.end > item.start,
        );
      const row = rowOf(item.start);
      placed.push({
        kind: 'session',
        session: item.session,
        row,
        rows: Math.max(rowOf(item.end - 1) - row + 1, 2),
        lane,
        alone: cluster.length === 1,
        clash,
      });
    }
    lanes = Math.max(lanes, laneEnds.length);
    cluster = [];
  };
  for (const item of spans) {
    if (cluster.length > 0 && item.start >= clusterEnd) closeCluster();
    cluster.push(item);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  if (cluster.length > 0) closeCluster();

  const slots: FreeSlot[] = [];
  for (let start = origin; start < hours.last * 60; start += SLOT_MINUTES) {
    const end = start + SLOT_MINUTES;
    if (spans.some((item) => item.start < end && item.end > start)) continue;
    slots.push({
      kind: 'slot',
      time: timeOf(start),
      row: rowOf(start),
      rows: SLOT_MINUTES / ROW_MINUTES,
      working: isWorkingTime(date, start),
    });
  }

  const items = [...placed, ...slots].sort((a, b) => a.row - b.row);
  return { date, items, lanes: Math.min(lanes, MAX_LANES) };
}
