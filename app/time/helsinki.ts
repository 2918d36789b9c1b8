/**
 * Finnish time, without a date library: the zone, local dates and the instants they map to.
 *
 * Sessions are stored as instants (timestamptz), but supervisors think in Helsinki wall-clock
 * time: "Mondays at 9.00" must stay 9.00 across the daylight-saving changes. Local dates are
 * handled as 'YYYY-MM-DD' strings and turned into instants only at the edges.
 */

/** Every date and time in Ohjaamo is Finnish time, whatever the server's or browser's zone. */
export const timeZone = 'Europe/Helsinki';

/** A calendar date in Helsinki, 'YYYY-MM-DD'. */
export type LocalDate = string;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The Helsinki wall-clock reading of an instant, as Intl reads it (slow: a calendar page
 * asks for hundreds). */
function exactParts(instant: Date) {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function exactOffset(instant: Date): number {
  const p = exactParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const HOUR = 60 * MINUTE;
/**
 * Helsinki's offset from UTC per UTC hour. The offset changes at most once an hour (the EU's
 * changes fall on the hour); an hour in which it changes is not kept, and asked of Intl.
 */
const offsetByHour = new Map<number, number>();

/** How far Helsinki is ahead of UTC at an instant, in milliseconds (2 or 3 hours). */
function helsinkiOffset(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR);
  const kept = offsetByHour.get(hour);
  if (kept !== undefined) return kept;
  const atStart = exactOffset(new Date(hour * HOUR));
  if (atStart !== exactOffset(new Date(hour * HOUR + HOUR - 1000))) return exactOffset(instant);
  if (offsetByHour.size >= 100_000) offsetByHour.clear();
  offsetByHour.set(hour, atStart);
  return atStart;
}

/** The Helsinki wall-clock reading of an instant. */
function helsinkiParts(instant: Date) {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + helsinkiOffset(instant));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

export const testing = { exactParts, helsinkiParts };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2026-02-30 and the like, which Date.UTC would silently roll over.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

export function isLocalTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** The Helsinki calendar date of an instant. */
export function helsinkiDate(instant: Date): LocalDate {
  const p = helsinkiParts(instant);
  return toLocalDate(p.year, p.month, p.day);
}

/** The Helsinki wall-clock time of an instant, 'HH:MM' (the value of an input type=time). */
export function helsinkiTime(instant: Date): string {
  const p = helsinkiParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant at which Helsinki clocks show `time` on `date`. In the autumn hour that occurs
 * twice the earlier one is chosen; a time skipped in spring lands an hour earlier.
 */
export function helsinkiInstant(date: LocalDate, time = '00:00'): Date {
  const d = parseLocalDate(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`not a local date and time: ${date} ${time}`);
  const wallAsUtc = Date.UTC(d.year, d.month - 1, d.day, Number(t[1]), Number(t[2]));
  // The offset depends on the instant we are looking for; two rounds settle it. Probing
  // with the larger (summer) offset first makes an ambiguous time resolve to the earlier one.
  const firstGuess = wallAsUtc - helsinkiOffset(new Date(wallAsUtc - 3 * 60 * MINUTE));
  return new Date(wallAsUtc - helsinkiOffset(new Date(firstGuess)));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = parseLocalDate(date);
  if (!d) throw new RangeError(`not a local date: ${date}`);
  const moved = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY);
  return toLocalDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Monday = 1 … Sunday = 7, as ISO 8601 counts. */
export function isoWeekday(date: LocalDate): number {
  const d = parseLocalDate(date);
  if (!d) throw new RangeError(`not a local date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7;
}
