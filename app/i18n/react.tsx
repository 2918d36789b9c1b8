import { useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';

import { defaultLocale, isLocale, type Locale, type Translate, translator } from './index';

/** The language of the page, from the root loader (Finnish if the root failed to load). */
export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
