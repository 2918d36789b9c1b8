import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';

import {
  createClient,
  getClient,
  listClients,
  setClientArchived,
  updateClient,
} from './clients.server';
import { clientSchema } from './schemas';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const input = (overrides: Partial<Record<string, string>> = {}) => {
  const parsed = clientSchema.safeParse({
    name: 'Maria Lehtonen',
    email: 'Maria.Lehtonen@Example.fi',
    phone: '040 123 4567',
    title: 'Osastonhoitaja',
    organisation: 'Itä-Suomen hyvinvointialue',
    background: 'Uusi esihenkilö, tiimissä jännitteitä yövuorojen jaosta.',
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

describe('clients', () => {
  it('stores the background encrypted and shows it to the practice decrypted', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const id = await createClient(testContext(db()), owner, input());
    const [raw] = await db().select().from(clients).where(eq(clients.id, id));
    expect(raw?.backgroundEncrypted).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain('yövuorojen');
    const client = await getClient(testContext(db()), owner, id);
    expect(client.background).toBe('Uusi esihenkilö, tiimissä jännitteitä yövuorojen jaosta.');
    expect(client.email).toBe('maria.lehtonen@example.fi');
  });

  it('is invisible to another practice, for reading and for writing', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const other = await createPracticeWithOwner(db());
    const id = await createClient(testContext(db()), owner, input());
    for (const attempt of [
      () => getClient(testContext(db()), other.owner, id),
      () => updateClient(testContext(db()), other.owner, id, input({ name: 'Kaapattu' })),
      () => setClientArchived(testContext(db()), other.owner, id, true),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as AppError).code).toBe('not_found');
    }
    expect((await getClient(testContext(db()), owner, id)).name).toBe('Maria Lehtonen');
  });

  it('searches by name, e-mail and organisation, literally, and keeps archived ones apart', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const maria = await createClient(testContext(db()), owner, input());
    await createClient(
      testContext(db()),
      owner,
      input({
        name: 'Jukka Salminen',
        email: 'jukka@koulu.fi',
        organisation: 'Koivurinteen koulu',
      }),
    );
    await createClient(
      testContext(db()),
      owner,
      input({ name: '100% Aalto', email: 'aalto@example.fi', organisation: '' }),
    );
    const names = async (q: string, status: 'active' | 'archived' = 'active') =>
      (await listClients(testContext(db()), owner, { q, status })).rows.map((c) => c.name);

    expect(await names('koivu')).toEqual(['Jukka Salminen']);
    expect(await names('JUKKA@')).toEqual(['Jukka Salminen']);
    expect(await names('hyvinvointi')).toEqual(['Maria Lehtonen']);
    // % is a character to find, not a wildcard.
    expect(await names('0%')).toEqual(['100% Aalto']);

    await setClientArchived(testContext(db()), owner, maria, true);
    expect(await names('')).toEqual(['100% Aalto', 'Jukka Salminen']);
    expect(await names('', 'archived')).toEqual(['Maria Lehtonen']);
    await setClientArchived(testContext(db()), owner, maria, false);
    expect(await names('maria')).toEqual(['Maria Lehtonen']);
  });

  it('validates the form with translated messages', () => {
    const errors = (values: Record<string, string>) => {
      const result = clientSchema.safeParse(values);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(errors({ name: '' })).toContain('form.required');
    expect(errors({ name: 'A', email: 'ei-osoite' })).toContain('form.invalidEmail');
    expect(errors({ name: 'A', phone: 'soita minulle' })).toContain('form.invalidPhone');
    expect(errors({ name: 'A', postalCode: '7010' })).toContain('form.invalidPostalCode');
    expect(errors({ name: 'A', postalCode: 'FI-70100' })).toContain('form.invalidPostalCode');
    expect(errors({ name: 'A', email: '', phone: '', title: '' })).toEqual([]);
    expect(
      errors({ name: 'A', streetAddress: 'Puistokatu 4', postalCode: ' 70100 ', city: 'Kuopio' }),
    ).toEqual([]);
  });
});
