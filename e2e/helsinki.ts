/**
 * Dates and times in Helsinki for the specs, worked out as the pages show them: the demo
 * practice's sessions lie relative to today, and the forms take Helsinki dates and times.
 */
export const DAY = 24 * 60 * 60 * 1000;

const isoDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });

/**
 * The Helsinki calendar date `days` from today, as the date inputs take it (yyyy-mm-dd).
 * Counted on the calendar from noon, so that a clock change never skips or repeats a day.
 */
export function helsinkiDate(days = 0): string {
  const today = isoDate.format(new Date());
  return isoDate.format(new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY));
}

/** A calendar date `days` after `date`, by the calendar. */
export function laterDate(date: string, days: number): string {
  return isoDate.format(new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY));
}

/** The Helsinki date and whole hour of the moment `offsetMs` from now, as the form takes them. */
export function helsinkiHourFromNow(offsetMs: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() + offsetMs))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:00` };
}

/** A calendar date as the pages write it: d.M.yyyy. */
export function shownDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

const weekdays = ['su', 'ma', 'ti', 'ke', 'to', 'pe', 'la'];

/** A calendar date as a calendar slot's name starts: "ti 15.12.". */
export function slotDate(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  const weekday = weekdays[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${day}.${month}.`;
}
