/**
 * Progress of a contract, for any page that shows one: the contract list and page here, the
 * calendar and session pages elsewhere.
 */
import { useLocale } from '~/i18n/react';

import { progressLabel } from './progress-label';

/**
 * "3/10" (or "12 / 8 (4 extra)") with a bar; a screen reader hears "3 of 10 sessions used, 2 booked" instead of
 * the fraction and the bar.
 */
export function ContractProgress({
  used,
  agreed,
  upcoming,
}: {
  used: number;
  agreed: number;
  upcoming: number;
}) {
  const label = progressLabel(useLocale(), { used, agreed, upcoming });
  const share = agreed > 0 ? Math.min(1, used / agreed) : 0;
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="tabular-nums">
        {label.short}
      </span>
      {/* SVG attributes, not an inline style: the Content-Security-Policy forbids those. */}
      <svg aria-hidden="true" width="64" height="8" viewBox="0 0 64 8" className="shrink-0">
        <rect x="0.5" y="0.5" width="63" height="7" rx="3.5" fill="white" stroke="#94a3b8" />
        <rect x="0.5" y="0.5" width={63 * share} height="7" rx="3.5" fill="#0f766e" />
      </svg>
      <span className="sr-only">{label.long}</span>
    </span>
  );
}
