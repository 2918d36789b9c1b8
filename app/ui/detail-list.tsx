import type { ReactNode } from 'react';

import { useT } from '~/i18n/react';

/** Label–value pairs of a record; an empty value says so instead of leaving a gap. */
export function DetailList({ items }: { items: [string, ReactNode | null | undefined][] }) {
  const t = useT();
  return (
    <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-[14rem_1fr]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="break-words">
            {value === null || value === undefined || value === '' ? (
              <span className="text-slate-600">{t('list.notGiven')}</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
