import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { insertClients } from '#db/testing/list-rows';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { type AppError } from '~/errors';

import {
  createClient,
  getClient,
  listClients,
  setClientArchived,
  updateClient,
} from './clients.server';
import { clientSchema } from './schemas';

const counter = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
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

  it('pages through the clients 50 at a time, in one order though names repeat', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const namesakes = await insertClients(
      db(),
      owner.practiceId,
      Array.from({ length: 70 }, () => ({ name: 'Sanna Kivelä', organisation: 'Koulu_1' })),
    );
    await insertClients(
      db(),
      owner.practiceId,
      Array.from({ length: 50 }, (_, n) => ({
        name: `Aino ${String(n).padStart(2, '0')}`,
        organisation: 'Koulux1',
      })),
    );
    const page = (filter: Partial<Parameters<typeof listClients>[2]>) =>
      listClients(testContext(db()), owner, { status: 'active', ...filter });

    const pages = [await page({}), await page({ page: 2 }), await page({ page: 3 })];
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.rows.length])).toEqual([
      [1, 3, 120, 50],
      [2, 3, 120, 50],
      [3, 3, 120, 20],
    ]);
    const listed = pages.flatMap((p) => p.rows.map((row) => row.id));
    expect(new Set(listed).size).toBe(120);
    // The namesakes by id, so a page reads the same each time it is asked for.
    expect(listed.slice(50)).toEqual([...namesakes].sort());
    expect((await page({ page: 2 })).rows.map((row) => row.id)).toEqual(listed.slice(50, 100));

    // A page that is not there reads as the first.
    for (const bad of [4, 0, -2, 2.5]) {
      const fallback = await page({ page: bad });
      expect([fallback.page, fallback.rows[0]?.name]).toEqual([1, 'Aino 00']);
    }

    // _ is a character to find, not a wildcard; search, filter and page work together.
    await db()
      .update(clients)
      .set({ archivedAt: new Date() })
      .where(inArray(clients.id, namesakes.slice(0, 5)));
    const searched = await page({ q: 'u_1', page: 2 });
    expect([searched.page, searched.total, searched.rows.length]).toEqual([2, 65, 15]);
    expect(searched.rows.every((row) => row.organisation === 'Koulu_1')).toBe(true);
    const archived = await page({ q: 'u_1', status: 'archived', page: 2 });
    expect([archived.page, archived.total]).toEqual([1, 5]);
  });

  it('reads a page of clients in two queries, however many the practice has', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const queries = async () => {
      counter.reset();
      await listClients(testContext(db()), owner, { status: 'active', q: 'a', page: 2 });
      return counter.count;
    };
    await insertClients(db(), owner.practiceId, [{ name: 'Aino' }, { name: 'Anna' }]);
    const few = await queries();
    await insertClients(
      db(),
      owner.practiceId,
      Array.from({ length: 300 }, (_, n) => ({ name: `Asiakas ${n}` })),
    );
    expect([few, await queries()]).toEqual([2, 2]);
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
