import type { AppLoadContext } from '@remix-run/node';

import { readCookie } from '~/auth/session.server';

import { defaultLocale, isLocale, type Locale, localeFromAcceptLanguage } from './index';

export const LANGUAGE_COOKIE = 'ohjaamo_lang';

/** The user's setting, else the switcher's cookie, else the browser's languages, else Finnish. */
export function resolveLocale(request: Request, context: AppLoadContext): Locale {
  const fromUser = context.auth?.user.locale;
  if (isLocale(fromUser)) return fromUser;
  const fromCookie = readCookie(request.headers.get('cookie'), LANGUAGE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get('accept-language')) ?? defaultLocale;
}

export function languageCookie(locale: Locale, secure: boolean): string {
  const parts = [`${LANGUAGE_COOKIE}=${locale}`, 'Path=/', 'Max-Age=31536000', 'SameSite=Lax'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
