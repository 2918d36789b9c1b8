/** How contract values read on screen, in the user's language. */
import type { ContractStatus } from '#db/schema/values';
import type { Locale, Translate } from '~/i18n';
import { formatDate, formatDecimal } from '~/i18n/format';
import { useT } from '~/i18n/react';

/** A calendar day stored as 2026-09-01, shown as 1.9.2026. */
export function formatDay(day: string, locale: Locale): string {
  // Noon UTC is the same day in Helsinki all year round.
  return formatDate(new Date(`${day}T12:00:00Z`), locale);
}

/** "25,5 %", or for an exempt sale "ALV 0 %, peruste: …". */
export function vatText(
  contract: { vatRateBasisPoints: number | null; vatExemptReason: string | null },
  t: Translate,
  locale: Locale,
): string {
  if (contract.vatRateBasisPoints === null)
    return t('contracts.vatExemptShown', { reason: contract.vatExemptReason ?? '' });
  const percent = formatDecimal(contract.vatRateBasisPoints / 100, locale);
  return `${percent}\u00a0%`;
}

const badgeClass: Record<ContractStatus, string> = {
  draft: 'border-slate-500 bg-slate-50 text-slate-800',
  active: 'border-teal-700 bg-teal-50 text-teal-900',
  ended: 'border-slate-400 bg-white text-slate-600',
};

/** The status as a word; the colour only repeats it. */
export function StatusBadge({ status }: { status: ContractStatus }) {
  const t = useT();
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${badgeClass[status]}`}
    >
      {t(`contracts.status.${status}`)}
    </span>
  );
}
