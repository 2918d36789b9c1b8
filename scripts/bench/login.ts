import { SESSION_COOKIE } from '~/auth/session.server';

import type { Role } from './pages';

/**
 * Signs in through the login form as a browser would (the Origin header passes the CSRF
 * check) and returns the Cookie header that carries the session. Supervisees sign in on the
 * same form and land in the portal.
 */
export async function logIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, redirectTo: '' }).toString(),
    redirect: 'manual',
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session) {
    throw new Error(`logging in as ${email} failed: ${response.status}, no session cookie`);
  }
  return session;
}

/**
 * The Cookie header for each role the pages are seen as; an empty string for a role whose
 * account the database lacks (no page is then seen as it).
 */
export async function logInRoles(
  origin: string,
  emails: Record<Role, string | null>,
  password: string,
): Promise<Record<Role, string>> {
  const cookies: Record<Role, string> = { owner: '', supervisor: '', supervisee: '' };
  for (const role of Object.keys(cookies) as Role[]) {
    const email = emails[role];
    if (email) cookies[role] = await logIn(origin, email, password);
  }
  return cookies;
}
