import { Form, useLocation } from '@remix-run/react';

import { locales } from '~/i18n';
import { useLocale, useT } from '~/i18n/react';

/**
 * Two buttons in a plain form: works without JavaScript, reachable by keyboard. The page
 * reloads as a whole: the browser holds only the messages of the page's language.
 */
export function LanguageSwitch() {
  const t = useT();
  const current = useLocale();
  const location = useLocation();
  return (
    <Form
      method="post"
      action="/language"
      reloadDocument
      className="flex items-center gap-1"
      aria-label={t('language.change')}
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-sm aria-pressed:bg-teal-800 aria-pressed:text-white hover:bg-slate-200 aria-pressed:hover:bg-teal-900"
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </Form>
  );
}
