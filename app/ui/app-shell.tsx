import { Form, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

import type { MessageKey } from '~/i18n';
import { useT } from '~/i18n/react';

import { HeaderSearch } from './header-search';
import { LanguageSwitch } from './language-switch';

export interface ShellLink {
  to: string;
  label: MessageKey;
  ownerOnly?: boolean;
  /** Only the exact path marks the link current (for a section's front page). */
  end?: boolean;
}

const staffNav: ShellLink[] = [
  { to: '/today', label: 'today.nav' },
  { to: '/calendar', label: 'nav.calendar' },
  { to: '/clients', label: 'nav.clients' },
  { to: '/contracts', label: 'contracts.nav' },
  { to: '/billing', label: 'nav.billing', ownerOnly: true },
  { to: '/settings', label: 'nav.settings' },
];

const staffMenu: ShellLink[] = [{ to: '/settings', label: 'nav.settings' }];

/**
 * The signed-in frame: practice name, search, main navigation, user menu and language switch.
 * Staff pages use the defaults; the supervisee portal passes its own links and switch target,
 * and no search.
 */
export function AppShell({
  practiceName,
  userName,
  isOwner = false,
  devMail = false,
  otherPractices,
  nav = staffNav,
  navLabel = 'nav.main',
  menu = staffMenu,
  switchAction = '/practice',
  searchAction = '/search',
  children,
}: {
  practiceName: string;
  isOwner?: boolean;
  otherPractices: { id: string; name: string }[];
  userName: string;
  devMail?: boolean;
  nav?: ShellLink[];
  navLabel?: MessageKey;
  menu?: ShellLink[];
  switchAction?: string;
  /** Where the header's search field goes; null for a frame without one (the portal). */
  searchAction?: string | null;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        {t('nav.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <div className="flex min-w-0 flex-col">
            <span className="text-lg font-semibold">{t('app.name')}</span>
            <span className="truncate text-sm text-slate-600" data-testid="practice-name">
              {practiceName}
            </span>
          </div>
          {searchAction ? <HeaderSearch action={searchAction} /> : null}
          <div className="flex flex-wrap items-center gap-2">
            <LanguageSwitch />
            <details className="relative">
              <summary className="cursor-pointer list-none rounded px-2 py-1 hover:bg-slate-100">
                <span className="sr-only">{t('nav.userMenu')}: </span>
                {userName} <span aria-hidden="true">▾</span>
              </summary>
              <div className="absolute right-0 z-10 mt-1 flex min-w-48 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                {menu.map((item) => (
                  <NavLink
                    key={item.to}
                    to={item.to}
                    className="rounded px-2 py-1 text-slate-900 no-underline hover:bg-slate-100"
                  >
                    {t(item.label)}
                  </NavLink>
                ))}
                {otherPractices.length > 0 ? (
                  <div className="border-y border-slate-200 py-1">
                    <p className="px-2 text-xs text-slate-600">{t('nav.switchPractice')}</p>
                    {otherPractices.map((practice) => (
                      <Form key={practice.id} method="post" action={switchAction}>
                        <input type="hidden" name="practiceId" value={practice.id} />
                        <button
                          type="submit"
                          className="w-full rounded px-2 py-1 text-left hover:bg-slate-100"
                        >
                          {practice.name}
                        </button>
                      </Form>
                    ))}
                  </div>
                ) : null}
                {devMail ? (
                  <NavLink
                    to="/dev/mail"
                    className="rounded px-2 py-1 text-slate-900 no-underline hover:bg-slate-100"
                  >
                    {t('nav.devMail')}
                  </NavLink>
                ) : null}
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="w-full rounded px-2 py-1 text-left hover:bg-slate-100"
                  >
                    {t('nav.logout')}
                  </button>
                </Form>
              </div>
            </details>
          </div>
        </div>
        <nav aria-label={t(navLabel)} className="mx-auto max-w-6xl px-2">
          <ul className="flex flex-wrap gap-x-1">
            {nav
              .filter((item) => isOwner || !item.ownerOnly)
              .map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className="block border-b-2 border-transparent px-2 py-2 sm:px-3 text-slate-700 no-underline aria-[current=page]:border-teal-800 aria-[current=page]:font-semibold aria-[current=page]:text-teal-900"
                  >
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}

export function PageHeader({ title, lead }: { title: string; lead?: string }) {
  return (
    <div className="mb-6 flex flex-col gap-1">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {lead ? <p className="text-slate-700">{lead}</p> : null}
    </div>
  );
}
