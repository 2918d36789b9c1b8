import type { Locale } from '~/i18n';
import { formatDate } from '~/i18n/format';
import { helsinkiInstant, type LocalDate } from '~/time/helsinki';

/** A round's closing day (a Helsinki calendar date) in the reader's format. */
export function formatClosingDay(day: LocalDate, locale: Locale): string {
  // Midday: the same calendar date in Helsinki whatever the offset.
  return formatDate(helsinkiInstant(day, '12:00'), locale);
}

/** A question's field name on the respondent's form (shared by the page and the server). */
export const answerField = (questionId: string) => `q-${questionId}`;
