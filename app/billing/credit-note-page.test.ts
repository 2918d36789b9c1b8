/**
 * Crediting a paid invoice through the real HTTP stack, as a browser without JavaScript does:
 * the credit page lists the lines to credit, a refused form comes back as it was sent, and
 * the credit note's page and the original's name each other.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoiceLines, invoices } from '#db/schema';
import { insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { formBrowser, signedInCookie, startTestApp, type TestApp } from '~/http/test-app';

import { markPaidOutOfBand } from './mark-paid-out-of-band.server';
import { pushInvoice } from './push-invoice.server';
import type { StripeStandin } from './stripe-standin/standin.server';
import {
  onboardedAccount,
  SECRET_KEY,
  startStandin,
  WEBHOOK_SECRET,
} from './stripe-standin/test-fixtures';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;
let app: TestApp;
const cookies = { owner: '', supervisor: '' };
type Who = keyof typeof cookies;
let invoiceId = '';
let lineIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  const { owner } = await createPracticeWithOwner(database.db);
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = await signedInCookie(database.db, owner.userId);
  cookies.supervisor = await signedInCookie(database.db, supervisor.userId);
  const accountId = await onboardedAccount(stripe, standin);
  ({ invoiceId } = await insertPendingInvoice(database.db, owner, {
    number: 120,
    stripeAccountId: accountId,
    lines: [
      { amountCents: 15_000, vatRateBasisPoints: 2550 },
      { amountCents: 9_000, vatRateBasisPoints: 2550 },
    ],
  }));
  const ctx = testContext(database.db);
  await pushInvoice(ctx, stripe, invoiceId, owner.practiceId);
  await markPaidOutOfBand(ctx, owner, stripe, invoiceId);
  lineIds = (
    await database.db
      .select({ id: invoiceLines.id })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId))
      .orderBy(invoiceLines.position)
  ).map((line) => line.id);
  app = await startTestApp(database, {
    stripe: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: standin.apiBase },
  });
}, 120_000);
afterAll(async () => {
  await app.close();
  await standin.close();
  await database.close();
});

const browser = formBrowser(() => app, cookies);
const get = (path: string, who: Who = 'owner') => browser.get(path, who);
const post = (path: string, values: Record<string, string>) => browser.post(path, 'owner', values);

describe('the credit note pages', () => {
  it('lead from a paid invoice to its credit page, which the supervisor cannot open', async () => {
    const invoicePage = await (await get(`/billing/invoices/${invoiceId}`)).text();
    expect(invoicePage).toContain(`href="/billing/invoices/${invoiceId}/credit"`);
    const creditPage = await get(`/billing/invoices/${invoiceId}/credit`);
    expect(creditPage.status).toBe(200);
    const html = await creditPage.text();
    expect(html).toContain('Hyvitä lasku 120');
    for (const id of lineIds) expect(html).toContain(`name="line-${id}"`);
    expect((await get(`/billing/invoices/${invoiceId}/credit`, 'supervisor')).status).toBe(403);
  });

  it('give a refused form back as it was sent, and change nothing', async () => {
    const path = `/billing/invoices/${invoiceId}/credit`;
    const [first = '', second = ''] = lineIds;
    const noReason = await post(path, { [`line-${first}`]: 'on', reason: '  ' });
    expect(noReason.status).toBe(400);
    const html = await noReason.text();
    expect(html).toContain('Kirjoita hyvityksen syy');
    expect(html).toMatch(new RegExp(`name="line-${first}"[^>]*checked`));
    expect(html).not.toMatch(new RegExp(`name="line-${second}"[^>]*checked`));

    const noLines = await post(path, { reason: 'Istunto laskutettiin kahdesti' });
    expect(noLines.status).toBe(400);
    const again = await noLines.text();
    expect(again).toContain('Valitse vähintään yksi hyvitettävä rivi.');
    expect(again).toContain('Istunto laskutettiin kahdesti</textarea>');
    const notes = await database.db
      .select()
      .from(invoices)
      .where(eq(invoices.creditsInvoiceId, invoiceId));
    expect(notes).toEqual([]);
  });

  it('issue a credit note of one line, whose page names the invoice it corrects', async () => {
    const [first = ''] = lineIds;
    const issued = await post(`/billing/invoices/${invoiceId}/credit`, {
      [`line-${first}`]: 'on',
      reason: 'Istunto laskutettiin kahdesti',
    });
    expect(issued.status).toBe(303);
    const location = issued.headers.get('location') ?? '';
    expect(location).toMatch(/^\/billing\/invoices\/[0-9a-f-]{36}\?done=credited$/);
    const notePage = await (await get(location)).text();
    expect(notePage).toContain('Hyvityslasku on laadittu ja lähetetty Stripeen.');
    expect(notePage).toMatch(/Hyvityslasku \d+/);
    expect(notePage).toContain(`href="/billing/invoices/${invoiceId}"`);
    expect(notePage).toContain('Hyvittää laskun 120');
    expect(notePage).toContain('Hyvityksen syy: Istunto laskutettiin kahdesti');
    expect(notePage).toContain('−150,00');
    expect(notePage).not.toContain('Virtuaaliviivakoodi');

    // The original lists its credit note and can still credit its other line.
    const original = await (await get(`/billing/invoices/${invoiceId}`)).text();
    expect(original).toContain('Hyvityslaskut');
    expect(original).toContain(`href="/billing/invoices/${invoiceId}/credit"`);
    const creditPage = await (await get(`/billing/invoices/${invoiceId}/credit`)).text();
    expect(creditPage).not.toContain(`name="line-${first}"`);
  });
});
