import { type Locale, translate } from '~/i18n';

export interface ProgressCounts {
  used: number;
  agreed: number;
  upcoming: number;
}

/**
 * The progress of a contract in words: "3/10", or "12 / 8 (4 extra)" once more sessions
 * have been used than were agreed. `long` is what a screen reader hears.
 */
export function progressLabel(locale: Locale, counts: ProgressCounts) {
  const extra = Math.max(0, counts.used - counts.agreed);
  const params = { ...counts, extra };
  return extra > 0
    ? {
        short: translate(locale, 'contracts.progressShortExtra', params),
        long: translate(locale, 'contracts.progressLongExtra', params),
      }
    : {
        short: translate(locale, 'contracts.progressShort', params),
        long: translate(locale, 'contracts.progressLong', params),
      };
}
