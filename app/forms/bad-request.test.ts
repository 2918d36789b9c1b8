/**
 * A form that fails validation answers 400 (not 200), keeps what was typed (never a
 * password) and says per field what is wrong, on every kind of form: plain ones, pages with
 * several forms, and the booking form.
 */
import type { ActionFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadContextFor } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { action as newClient } from '~/routes/_app.clients.new';
import { action as newContract } from '~/routes/_app.contracts.new';
import { action as newSession } from '~/routes/_app.sessions.new';
import { action as settings } from '~/routes/_app.settings._index';
import { action as logIn } from '~/routes/login';

import type { FormFailure } from './parse';
import { unwrapActionResult } from './respond.server';

let database: TestDatabase;
let ownerId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  ownerId = (await createPracticeWithOwner(database.db)).owner.userId;
});
afterAll(() => database.close());

async function post(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  fields: Record<string, string>,
  userId: string | null,
) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  const request = new Request(`https://ohjaamo.example${path}`, { method: 'POST', body });
  const context = await loadContextFor(database.db, userId);
  return unwrapActionResult(await action({ request, params: {}, context }));
}

describe('a form that fails validation', () => {
  it('new client: 400, the typed e-mail kept, the missing name named', async () => {
    const { status, data } = await post(
      newClient,
      '/clients/new',
      { name: '', email: 'aino@example.fi' },
      ownerId,
    );
    expect(status).toBe(400);
    const failure = data as FormFailure;
    expect(failure.fieldErrors).toEqual({ name: ['form.required'] });
    expect(failure.values.email).toBe('aino@example.fi');
  });

  it('new contract without a start date: 400, the rest kept', async () => {
    const { status, data } = await post(
      newContract,
      '/contracts/new',
      { code: 'TO-2026-7', startsOn: '', location: 'Kuopio' },
      ownerId,
    );
    expect(status).toBe(400);
    const failure = data as FormFailure;
    expect(failure.fieldErrors.startsOn).toEqual(['form.required']);
    expect(failure.values).toMatchObject({ code: 'TO-2026-7', location: 'Kuopio' });
  });

  it('log-in without a password: 400, the address kept, no password echoed', async () => {
    const { status, data } = await post(
      logIn,
      '/login',
      { email: 'aino@example.fi', password: '' },
      null,
    );
    expect(status).toBe(400);
    const failure = data as FormFailure;
    expect(failure.values).toEqual({ email: 'aino@example.fi' });
  });

  it('the password form of the settings page: 400 with that form’s errors', async () => {
    const { status, data } = await post(
      settings,
      '/settings',
      { intent: 'password', currentPassword: '', password: 'lyhyt' },
      ownerId,
    );
    expect(status).toBe(400);
    expect(data).toMatchObject({ intent: 'password', done: false });
  });

  it('booking without a date: 400, the chosen length kept', async () => {
    const { status, data } = await post(
      newSession,
      '/sessions/new',
      { contractId: '', date: '', time: '10:00', minutes: '90' },
      ownerId,
    );
    expect(status).toBe(400);
    expect(data).toMatchObject({ failure: { values: { time: '10:00', minutes: '90' } } });
  });
});
