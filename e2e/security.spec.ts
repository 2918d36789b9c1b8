import { expect, test } from '@playwright/test';

import { PASSWORD, signUp, uniqueEmail } from './helpers';

test('every page carries the security headers, and scripts run only with the nonce', async ({
  request,
}) => {
  const response = await request.get('/login');
  const headers = response.headers();
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('no-store');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // Over plain http there is no HSTS: it is only sent over https.
  expect(headers['strict-transport-security']).toBeUndefined();
});

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
});

test('a cross-site form post is refused with 403 and changes nothing', async ({
  page,
  request,
  baseURL,
}) => {
  const email = uniqueEmail('csrf');
  const crossSite = await request.post('/signup', {
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    form: { practiceName: 'Paha', name: 'Paha', email, password: 'pahan-oma-salasana-9' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  // The account was not created: had it been, with the attacker's password, this sign-up
  // would not make one and logging in with PASSWORD (inside signUp) would fail.
  await signUp(page, email);

  const sameSite = await request.post('/logout', {
    headers: { Origin: baseURL ?? '', 'Sec-Fetch-Site': 'same-origin' },
    // What a browser sends for the log-out form: an empty form, not an empty body.
    form: {},
    maxRedirects: 0,
  });
  expect(sameSite.status()).toBe(302);
});

test('the session cookie is HttpOnly and SameSite=Lax; log-out ends the session', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('evaste');
  await signUp(page, email);
  const cookie = (await context.cookies()).find((c) => c.name === 'ohjaamo_session');
  if (!cookie) throw new Error('no session cookie after sign-up');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');

  await page.locator('summary', { hasText: 'Riikka Revontuli' }).click();
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The old token no longer opens anything.
  await context.addCookies([cookie]);
  await page.goto('/clients');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fclients$/);
  // Logging in again leads back to where the visitor was going.
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(page).toHaveURL(/\/clients$/);
});
