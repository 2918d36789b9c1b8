/**
 * What a browser sees from the account forms: the same answer for every address, and a
 * translated 429 on the form when throttled, with what was typed kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { loadContextFor } from '#db/testing/context';
import { createPracticeWithOwner, TEST_PASSWORD, uniqueEmail } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import * as membersRoute from '~/routes/_app.settings.members';
import * as forgotRoute from '~/routes/forgot-password';
import * as loginRoute from '~/routes/login';
import * as signUpRoute from '~/routes/signup';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

function post(path: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return { request: new Request(`http://localhost${path}`, { method: 'POST', body }), params: {} };
}

/** Status and body of what an action returned: a Response, `data(…)` or a plain value. */
function answer(result: unknown): { status: number; body: unknown; headers?: Headers } {
  if (result instanceof Response)
    return { status: result.status, body: null, headers: result.headers };
  if (
    result &&
    typeof result === 'object' &&
    'type' in result &&
    result.type === 'DataWithResponseInit'
  ) {
    const { data, init } = result as unknown as { data: unknown; init: { status?: number } | null };
    return { status: init?.status ?? 200, body: data };
  }
  return { status: 200, body: result };
}

describe('sign-up answers every address alike', () => {
  it('a new and a known address get the same redirect and no session', async () => {
    const { email: known } = await createPracticeWithOwner(db());
    const fields = (email: string) => ({
      practiceName: 'Sama Vastaus Oy',
      name: 'Kokeilija',
      email,
      password: TEST_PASSWORD,
    });
    const context = await loadContextFor(db(), null);
    const fresh = answer(
      await signUpRoute.action({ ...post('/signup', fields(uniqueEmail())), context }),
    );
    const taken = answer(await signUpRoute.action({ ...post('/signup', fields(known)), context }));
    expect(fresh.status).toBe(302);
    expect(taken.status).toBe(fresh.status);
    expect(taken.headers?.get('Location')).toBe('/check-email');
    expect(fresh.headers?.get('Location')).toBe('/check-email');
    expect(fresh.headers?.get('Set-Cookie')).toBeNull();
    expect(taken.headers?.get('Set-Cookie')).toBeNull();
  });
});

describe('throttled forms', () => {
  it('the 11th log-in for one account within 15 minutes gets a 429 on the form, address kept', async () => {
    const { email } = await createPracticeWithOwner(db());
    const context = await loadContextFor(db(), null);
    const attempt = async (password: string) =>
      answer(await loginRoute.action({ ...post('/login', { email, password }), context }));
    for (let i = 0; i < 10; i++) expect((await attempt('väärä-salasana')).status).toBe(401);
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ formError: 'login.throttled', values: { email } });
  });

  it('the 4th forgot-password request for one address within an hour gets a 429', async () => {
    const email = uniqueEmail('unohtaja');
    const context = await loadContextFor(db(), null);
    const attempt = async () =>
      answer(await forgotRoute.action({ ...post('/forgot-password', { email }), context }));
    for (let i = 0; i < 3; i++)
      expect(await attempt()).toMatchObject({ status: 200, body: { sent: true } });
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      sent: false,
      formError: 'forgot.throttled',
      values: { email },
    });
  });

  it('an owner who has not confirmed their address is refused an invitation, typed address kept', async () => {
    const { owner } = await createPracticeWithOwner(db(), { verified: false });
    const context = await loadContextFor(db(), owner.userId);
    const invitee = uniqueEmail('kutsuttu');
    const refused = answer(
      await membersRoute.action({ ...post('/settings/members', { email: invitee }), context }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      failure: { fieldErrors: { email: ['members.verifyFirst'] }, values: { email: invitee } },
    });
  });
});
