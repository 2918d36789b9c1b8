import { SESSION_COOKIE } from '~/auth/session.server';

/**
 * Signs in through the login form as a browser would (the Origin header passes the CSRF
 * check) and returns the Cookie header that carries the session.
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
