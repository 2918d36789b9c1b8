import { type ActionFunctionArgs, redirect } from '@remix-run/node';

import { clearedSessionCookie, invalidateSession } from '~/auth/session.server';

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession(context.db, context.auth.session.id);
  return redirect('/login', {
    headers: { 'Set-Cookie': clearedSessionCookie(context.config.cookieSecure) },
  });
}

export function loader() {
  return redirect('/');
}
