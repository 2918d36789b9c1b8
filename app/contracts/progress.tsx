/**
 * Progress of a contract, for any page that shows one: the contract list and page here, the
 * calendar and session pages elsewhere.
 */
import { useT } from '~/i18n/react';

/**
 * "3/10" with a bar; a screen reader hears "3 of 10 sessions used, 2 booked" instead of
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
  const t = useT();
  const share = agreed > 0 ? Math.min(1, used / agreed) : 0;
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="tabular-nums">
        {t('contracts.progressShort', { used, agreed })}
      </span>
      <span
        aria-hidden="true"
        className="inline-block h-2 w-16 overflow-hidden rounded-full border border-slate-400 bg-white"
      >
        <span className="block h-full bg-teal-700" style={{ width: `${share * 100}%` }} />
      </span>
      <span className="sr-only">{t('contracts.progressLong', { used, agreed, upcoming })}</span>
    </span>
  );
}

/** One session's place in its contract: "Istunto 4/10" / "Session 4 of 10". */
export function SessionOrdinal({ n, agreed }: { n: number; agreed: number }) {
  const t = useT();
  return <span>{t('contracts.sessionOrdinal', { n, agreed })}</span>;
}
