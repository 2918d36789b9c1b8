import { Form, useLocation } from '@remix-run/react';

import { useT } from '~/i18n/react';

/**
 * The search field of the member pages' header: a plain GET form, so it works without
 * JavaScript. On the results page it keeps the query (keyed by it, so that it follows a
 * navigation made in the page).
 */
export function HeaderSearch({ action }: { action: string }) {
  const t = useT();
  const { pathname, search } = useLocation();
  const query = pathname === action ? (new URLSearchParams(search).get('q') ?? '') : '';
  return (
    <Form
      method="get"
      action={action}
      role="search"
      aria-label={t('search.landmark')}
      className="order-last flex w-full min-w-0 gap-1 sm:order-none sm:w-auto"
    >
      <input
        key={query}
        type="search"
        name="q"
        defaultValue={query}
        aria-label={t('search.field')}
        placeholder={t('search.placeholder')}
        className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-1.5 placeholder:text-slate-600 sm:w-56"
      />
      <button
        type="submit"
        className="rounded-md bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900"
      >
        {t('search.submit')}
      </button>
    </Form>
  );
}
