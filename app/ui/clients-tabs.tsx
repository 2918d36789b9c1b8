import { NavLink } from '@remix-run/react';

import { useT } from '~/i18n/react';

/** The two halves of the client register: the people supervised and who pays. */
export function ClientsTabs() {
  const t = useT();
  const tab =
    'rounded-t-md border-b-2 border-transparent px-3 py-2 text-slate-700 no-underline aria-[current=page]:border-teal-800 aria-[current=page]:font-semibold aria-[current=page]:text-teal-900';
  return (
    <nav aria-label={t('clients.sections')} className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-2">
        <li>
          <NavLink to="/clients" className={tab}>
            {t('clients.supervisees')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/commissioners" className={tab}>
            {t('commissioners.title')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
