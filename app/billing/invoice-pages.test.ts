/**
 * The invoice pages and the session page's invoice note, through the real HTTP stack as a
 * browser without JavaScript uses them, with the stand-in in Stripe's place: the owner lists,
 * filters and reads an invoice and voids it after confirming; a supervisor reaches no invoice
 * page and sees on their session only the invoice's number and status.
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

import { formatReference, virtualBarcode } from './finnish-payment';
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
let sessionId = '';
/** A session the owner supervises, on a pending invoice. */
const ownersOwn = { invoiceId: '', sessionId: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  const { owner } = await createPracticeWithOwner(database.db);
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = await signedInCookie(database.db, owner.userId);
  cookies.supervisor = await signedInCookie(database.db, supervisor.userId);
  // The supervisor's own session, invoiced by the practice.
  const accountId = await onboardedAccount(stripe, standin);
  ({ invoiceId, sessionId } = await insertPendingInvoice(database.db, supervisor, {
    number: 12,
    stripeAccountId: accountId,
  }));
  await pushInvoice(testContext(database.db), stripe, invoiceId, owner.practiceId);
  Object.assign(
    ownersOwn,
    await insertPendingInvoice(database.db, owner, { number: 13, stripeAccountId: accountId }),
  );
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

async function ourInvoice() {
  const [row] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new Error('our invoice is gone');
  return row;
}

describe('the invoice pages', () => {
  it('list the invoices with their status, and filter them with a GET form', async () => {
    const list = await get('/billing/invoices');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(`href="/billing/invoices/${invoiceId}"`);
    expect(html).toContain('Avoin');
    expect(html).toContain('Avoinna yhteensä 188,25');
    const paidOnly = await (await get('/billing/invoices?status=paid&month=')).text();
    expect(paidOnly).not.toContain(`href="/billing/invoices/${invoiceId}"`);
    expect(paidOnly).toContain('Ei laskuja näillä ehdoilla.');
    expect((await get('/billing/invoices?month=2027-13')).status).toBe(400);
  });

  it('show the invoice as a Finnish invoice reads, its lines linked to their contracts', async () => {
    const ours = await ourInvoice();
    const [line] = await database.db
      .select({ contractId: invoiceLines.contractId })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId));
    const html = await (await get(`/billing/invoices/${invoiceId}`)).text();
    for (const text of [
      'Työnohjaus Kajo Oy',
      'Kuopion kaupunki',
      'Y-tunnus 0171545-0',
      formatReference(ours.referenceNumber),
      formatReference(ours.rfReference),
      'FI21 1234 5600 0007 85',
      '15.4.2027',
      virtualBarcode({
        iban: ours.sellerIban,
        amountCents: ours.totalCents,
        reference: ours.referenceNumber,
        dueDate: ours.dueDate,
      }),
      // The owner reads a session as part of its contract (sessions/access.server.ts).
      `href="/contracts/${line?.contractId ?? 'no contract'}"`,
      `href="${ours.hostedInvoiceUrl ?? 'no hosted page'}"`,
    ]) {
      expect(html).toContain(text);
    }
  });

  it('are the owner’s: a supervisor is refused', async () => {
    expect((await get('/billing/invoices', 'supervisor')).status).toBe(403);
    expect((await get(`/billing/invoices/${invoiceId}`, 'supervisor')).status).toBe(403);
  });

  it('show on the session whether it is invoiced: words for the supervisor, a link for the owner', async () => {
    const forSupervisor = await (await get(`/sessions/${sessionId}`, 'supervisor')).text();
    expect(forSupervisor).toContain('Laskutettu: lasku 12 (avoin)');
    expect(forSupervisor).not.toContain('/billing/invoices/');
    expect(forSupervisor).not.toContain('188,25');
    expect(forSupervisor).toContain('Laskutetun istunnon toteutumaa ei voi korjata.');
    // The session page is its supervisor's (app/sessions/access.server.ts); on their own
    // sessions the owner gets to the invoice from it.
    const forOwner = await (await get(`/sessions/${ownersOwn.sessionId}`)).text();
    expect(forOwner).toContain('Laskutettu: lasku 13 (lähettämättä)');
    expect(forOwner).toContain(`href="/billing/invoices/${ownersOwn.invoiceId}"`);
  });

  it('void an invoice only from the confirmation step, and the session is free again', async () => {
    const path = `/billing/invoices/${invoiceId}`;
    expect((await post(path, { intent: 'void' })).status).toBe(400);
    expect((await ourInvoice()).status).toBe('open');
    const confirming = await (await get(`${path}?confirm=void`)).text();
    expect(confirming).toContain('Vahvista mitätöinti');

    const voided = await post(path, { intent: 'void', confirmed: 'yes' });
    expect(voided.status).toBe(303);
    expect(voided.headers.get('location')).toBe(`${path}?done=void`);
    expect((await ourInvoice()).status).toBe('void');
    const session = await (await get(`/sessions/${sessionId}`, 'supervisor')).text();
    expect(session).not.toContain('Laskutettu: lasku 12');
    expect(session).not.toContain('Laskutetun istunnon toteutumaa ei voi korjata.');

    // Voided already: nothing left to do, and the page says why.
    expect((await post(path, { intent: 'markPaid', confirmed: 'yes' })).status).toBe(409);
  });
});
