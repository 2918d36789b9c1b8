import { type ActionFunctionArgs, redirect } from '@remix-run/node';

import { safeRedirectPath } from '~/auth/guards.server';
import { updateProfile } from '~/auth/profile.server';
import { domainContext } from '~/domain/context';
import { isLocale } from '~/i18n';
import { languageCookie } from '~/i18n/locale.server';

/** The language switcher's target: remembers the choice in a cookie and, if signed in, on the user. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = safeRedirectPath(form.get('redirectTo'), '/');
  if (!isLocale(locale)) return redirect(back);
  if (context.auth) {
    await updateProfile(domainContext(context), context.auth.user.id, { locale });
  }
  return redirect(back, {
    headers: { 'Set-Cookie': languageCookie(locale, context.config.cookieSecure) },
  });
}

export function loader() {
  return redirect('/');
}
