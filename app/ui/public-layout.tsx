import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

import { useT } from '~/i18n/react';

import { LanguageSwitch } from './language-switch';

/** The frame of pages seen before logging in: landing, sign-up, log-in, reset, invitation. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <Link to="/" className="text-lg font-semibold text-slate-900 no-underline">
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </header>
      <main
        id="main"
        className={`mx-auto flex w-full flex-1 flex-col gap-6 px-4 py-10 ${wide ? 'max-w-3xl' : 'max-w-md'}`}
      >
        {children}
      </main>
    </div>
  );
}
