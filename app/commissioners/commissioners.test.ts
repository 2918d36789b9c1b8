import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { type AppError } from '~/errors';
import { parseForm } from '~/forms/parse';

import {
  createCommissioner,
  getCommissioner,
  listCommissioners,
  setCommissionerArchived,
  updateCommissioner,
} from './commissioners.server';
import { commissionerSchema } from './schemas';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return parseForm(commissionerSchema, data);
}

describe('commissioner form', () => {
  it('refuses a business ID with a wrong check digit, keeping what was typed', () => {
    const result = form({ name: 'Kaupunki', businessId: '0201256-7', city: 'Kuopio' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.businessId).toEqual(['commissioners.invalidBusinessId']);
    expect(result.values).toMatchObject({
      name: 'Kaupunki',
      businessId: '0201256-7',
      city: 'Kuopio',
    });
  });

  it('writes the business ID canonically and empty optional fields as null', () => {
    const result = form({
      name: 'Kaupunki',
      businessId: '0201256 6',
      postalCode: '',
      billingEmail: '',
    });
    expect(result.ok && result.data).toMatchObject({
      businessId: '0201256-6',
      postalCode: null,
      billingEmail: null,
    });
  });

  it('checks postal code and billing e-mail', () => {
    const result = form({
      name: 'K',
      businessId: '0201256-6',
      postalCode: '7010',
      billingEmail: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.postalCode).toEqual(['form.invalidPostalCode']);
    expect(result.fieldErrors.billingEmail).toEqual(['form.invalidEmail']);
  });
});

describe('commissioners', () => {
  const valid = (name: string) => {
    const result = form({
      name,
      businessId: '0201256-6',
      city: 'Kuopio',
      billingEmail: 'laskut@kuopio.fi',
    });
    if (!result.ok) throw new Error('fixture invalid');
    return result.data;
  };

  it('are created, edited, archived and listed within one practice only', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const other = await createPracticeWithOwner(db());
    const id = await createCommissioner(testContext(db()), owner, valid('Kuopion kaupunki'));
    await createCommissioner(testContext(db()), other.owner, valid('Toisen vastaanoton tilaaja'));

    expect(
      (await listCommissioners(testContext(db()), owner, { status: 'active' })).rows.map(
        (c) => c.name,
      ),
    ).toEqual(['Kuopion kaupunki']);
    expect(
      (await listCommissioners(testContext(db()), owner, { q: '0201256', status: 'active' })).total,
    ).toBe(1);

    await updateCommissioner(
      testContext(db()),
      owner,
      id,
      valid('Kuopion kaupunki, sivistystoimi'),
    );
    expect((await getCommissioner(testContext(db()), owner, id)).name).toBe(
      'Kuopion kaupunki, sivistystoimi',
    );

    const foreign = await getCommissioner(testContext(db()), other.owner, id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((foreign as AppError).code).toBe('not_found');

    await setCommissionerArchived(testContext(db()), owner, id, true);
    expect((await listCommissioners(testContext(db()), owner, { status: 'active' })).rows).toEqual(
      [],
    );
    expect((await listCommissioners(testContext(db()), owner, { status: 'archived' })).total).toBe(
      1,
    );
  });
});
