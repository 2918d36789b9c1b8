import { helsinkiDate, type LocalDate } from './helsinki';

const DAY = 24 * 60 * 60 * 1000;

function validDate(year: number, month: number, day: number): LocalDate | null {
  const check = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31.2. over into March; such a date was not meant.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2999) return null;
  return check.toISOString().slice(0, 10);
}

/**
 * A date as a person types it into a search: `1.12.2026`, `1.12.` or `1.12` (Finnish order)
 * or `2026-12-01`. Without a year, the day is taken in whichever of last, this or next year
 * lies nearest to `today` — on 30.12., "2.1." means the coming week, not last January.
 * Anything else, or a day that does not exist, is null.
 */
export function parseTypedDate(text: string, now: Date): LocalDate | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const full = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  if (full) return validDate(Number(full[3]), Number(full[2]), Number(full[1]));
  const yearless = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(typed);
  if (!yearless) return null;
  const day = Number(yearless[1]);
  const month = Number(yearless[2]);
  const today = helsinkiDate(now);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const year = Number(today.slice(0, 4));
  let nearest: LocalDate | null = null;
  let distance = Infinity;
  for (const candidate of [year - 1, year, year + 1]) {
    const date = validDate(candidate, month, day);
    if (!date) continue;
    const away = Math.abs(Date.parse(`${date}T00:00:00Z`) - todayMs) / DAY;
    if (away < distance) {
      nearest = date;
      distance = away;
    }
  }
  return nearest;
}
