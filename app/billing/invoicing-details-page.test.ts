/**
 * The invoicing details page through the real HTTP stack, as a browser without JavaScript
 * uses it: a plain form post, answered with the page again — saved, or with each error next
 * to its field and everything typed still in place. Only the owner reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { formBrowser, signedInCookie, startTestApp, type TestApp } from '~/http/test-app';
import type { MemberActor } from '~/practices/actor';

import { readInvoicingDetails } from './invoicing-details.server';

let database: TestDatabase;
let app: TestApp;
let owner: MemberActor;
const cookies = { owner: '', supervisor: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
  ({ owner } = await createPracticeWithOwner(database.db));
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = await signedInCookie(database.db, owner.userId);
  cookies.supervisor = await signedInCookie(database.db, supervisor.userId);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const browser = formBrowser(() => app, cookies);
const get = browser.get;
const post = (who: keyof typeof cookies, values: Record<string, string>) =>
  browser.post('/settings/invoicing', who, values);

const form = {
  legalName: 'Työnohjaus Virtanen Oy',
  streetAddress: 'Hämeenkatu 1 A 2',
  postalCode: '33100',
  city: 'Tampere',
  businessId: '0112038-9',
  vatNumber: '',
  iban: 'FI90 8000 2627 7613 48',
  paymentTermDays: '14',
};

describe('the invoicing details page', () => {
  it('is linked from the settings page for the owner only', async () => {
    expect(await (await get('/settings', 'owner')).text()).toContain('href="/settings/invoicing"');
    expect(await (await get('/settings', 'supervisor')).text()).not.toContain(
      'href="/settings/invoicing"',
    );
  });

  it('tells a new practice what invoicing still needs, with 14 days net to begin with', async () => {
    const response = await get('/settings/invoicing', 'owner');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Laskutusta ei voi vielä aloittaa. Puuttuu:');
    expect(page).toContain('<li>IBAN-tilinumero</li>');
    expect(page).toMatch(/id="field-paymentTermDays"[^>]*value="14"/);
    expect(page).toContain('FI12 3456 7890 1234 56');
  });

  it('shows each error at its field and keeps what was typed', async () => {
    const response = await post('owner', { ...form, iban: 'FI90 8000 2627 7613 49' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('IBAN-tilinumero: Tarkista IBAN-tilinumero.');
    expect(page).toMatch(
      /id="field-iban"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*field-iban-error/,
    );
    expect(page).toContain('value="FI90 8000 2627 7613 49"');
    expect(page).toContain('value="Työnohjaus Virtanen Oy"');
    expect((await readInvoicingDetails(testContext(database.db), owner)).iban).toBeNull();
  });

  it('saves a valid form, and then has nothing missing', async () => {
    const response = await post('owner', form);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Laskutustiedot tallennettu.');
    expect(page).toContain('Laskutustiedot ovat valmiit laskutusta varten.');
    expect(page).toContain('ALV-tunnistetta ei ole annettu');
    const saved = await readInvoicingDetails(testContext(database.db), owner);
    expect(saved.iban).toBe('FI9080002627761348');
    expect(await (await get('/settings/invoicing', 'owner')).text()).toContain(
      'value="FI90 8000 2627 7613 48"',
    );
  });

  it('is forbidden to a supervisor, who changes nothing by posting', async () => {
    expect((await get('/settings/invoicing', 'supervisor')).status).toBe(403);
    expect((await post('supervisor', { ...form, legalName: 'Kaappaus Oy' })).status).toBe(403);
    const details = await readInvoicingDetails(testContext(database.db), owner);
    expect(details.legalName).toBe('Työnohjaus Virtanen Oy');
  });
});
