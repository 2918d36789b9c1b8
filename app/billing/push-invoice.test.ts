/**
 * Pushing our pending invoice to Stripe through the real SDK and the stand-in: what Stripe
 * ends up holding, what our row records, and that a second push changes nothing.
 */
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invoiceLines, invoices, stripeCustomers, stripeTaxRates } from '#db/schema';
import { insertPendingInvoice } from '#db/testing/billing';
import { testContext } from '#db/testing/context';
import { createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import type { MemberActor } from '~/practices/actor';

import { virtualBarcode } from './finnish-payment';
import { pushInvoice } from './push-invoice.server';
import { objectsCreated } from './push-test-fixtures';
import type { StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';

let database: TestDatabase;
let standin: StripeStandin;
let stripe: Stripe;
let owner: MemberActor;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ standin, stripe } = await startStandin());
  ({ owner } = await createPracticeWithOwner(database.db));
}, 60_000);
afterAll(async () => {
  await standin.close();
  await database.close();
});

const EXEMPT = 'AVL 34 § terveydenhuoltopalvelu';

async function ourInvoice(invoiceId: string) {
  const [row] = await database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new Error('our invoice is gone');
  return row;
}

describe('pushInvoice', () => {
  it('puts customer, tax rates, invoice and items on the account, finalises and sends', async () => {
    const accountId = await onboardedAccount(stripe, standin);
    const { invoiceId, lineIds } = await insertPendingInvoice(database.db, owner, {
      number: 41,
      stripeAccountId: accountId,
      lines: [
        { amountCents: 15_000, vatRateBasisPoints: 2550 },
        { amountCents: 9_999, vatRateBasisPoints: 1400 },
        { amountCents: 12_000, vatRateBasisPoints: null, vatExemptReason: EXEMPT },
      ],
    });

    const outcome = await pushInvoice(
      testContext(database.db),
      stripe,
      invoiceId,
      owner.practiceId,
    );
    expect(outcome).toEqual({ status: 'sent' });

    const ours = await ourInvoice(invoiceId);
    expect(ours).toMatchObject({ status: 'open', pushError: null });
    expect(ours.sentAt).toBeInstanceOf(Date);
    expect(ours.stripeInvoiceId).toMatch(/^in_/);
    expect(ours.hostedInvoiceUrl).toContain(`/standin/invoices/${accountId}/`);
    const at = { stripeAccount: accountId };
    const remote = await stripe.invoices.retrieve(ours.stripeInvoiceId ?? '', {}, at);
    expect(remote).toMatchObject({
      status: 'open',
      number: '41',
      currency: 'eur',
      collection_method: 'send_invoice',
      customer: ours.stripeCustomerId,
      metadata: {
        ohjaamo_invoice_id: invoiceId,
        ohjaamo_practice_id: owner.practiceId,
        ohjaamo_number: '41',
      },
      subtotal: ours.subtotalCents,
      total: ours.totalCents,
    });
    expect(remote.total_taxes?.reduce((sum, tax) => sum + tax.amount, 0)).toBe(ours.vatCents);
    // Due 14 days after the issue day (1.4. → 15.4.), counted from when Stripe made it.
    expect(((remote.due_date ?? 0) - remote.created) / 86_400).toBe(14);
    expect(remote.custom_fields).toEqual([
      { name: 'Viitenumero', value: '10414' },
      { name: 'RF-viite', value: 'RF29 1041 4' },
      { name: 'Ostajan Y-tunnus', value: '0171545-0' },
      { name: 'Eräpäivä', value: '15.4.2027' },
    ]);
    const barcode = virtualBarcode({
      iban: ours.sellerIban,
      amountCents: ours.totalCents,
      reference: ours.referenceNumber,
      dueDate: ours.dueDate,
    });
    expect(remote.footer?.split('\n')).toEqual([
      'Työnohjaus Kajo Oy',
      'Kauppakatu 1, 70100 Kuopio',
      'Y-tunnus 2980005-2',
      'ALV-numero FI29800052',
      'IBAN FI21 1234 5600 0007 85',
      `Virtuaaliviivakoodi ${barcode}`,
      `Arvonlisäveroton myynti: ${EXEMPT}`,
    ]);

    // One item per line, in order, with our line id, the Helsinki day and the right rate.
    const items = remote.lines.data;
    expect(items.map((line) => line.metadata?.ohjaamo_line_id)).toEqual(lineIds);
    expect(items.map((line) => line.amount)).toEqual([15_000, 9_999, 12_000]);
    expect(items.map((line) => line.taxes?.map((tax) => tax.amount))).toEqual([[3825], [1400], []]);
    expect(items[0]?.period).toEqual({
      start: Date.parse('2027-03-01T22:00:00Z') / 1000,
      end: Date.parse('2027-03-02T22:00:00Z') / 1000 - 1,
    });
    const storedLines = await database.db
      .select({ id: invoiceLines.id, item: invoiceLines.stripeInvoiceItemId })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId));
    for (const line of storedLines) {
      const onStripe = items.find((item) => item.metadata?.ohjaamo_line_id === line.id);
      expect(line.item).toBe(onStripe?.parent?.invoice_item_details?.invoice_item);
    }

    const customer = await stripe.customers.retrieve(ours.stripeCustomerId ?? '', {}, at);
    expect(customer).toMatchObject({
      name: 'Kuopion kaupunki',
      address: { line1: 'PL 1000', postal_code: '70101', city: 'Kuopio', country: 'FI' },
      metadata: {
        ohjaamo_payer_kind: 'commissioner',
        ohjaamo_payer_id: ours.commissionerId,
        ohjaamo_business_id: '0171545-0',
      },
    });
    const rates = await database.db
      .select()
      .from(stripeTaxRates)
      .where(eq(stripeTaxRates.stripeAccountId, accountId));
    expect(rates.map((rate) => rate.rateBasisPoints).sort()).toEqual([1400, 2550]);
    const rate = await stripe.taxRates.retrieve(
      rates.find((r) => r.rateBasisPoints === 2550)?.stripeTaxRateId ?? '',
      {},
      at,
    );
    expect(rate).toMatchObject({
      display_name: 'ALV',
      percentage: 25.5,
      inclusive: false,
      country: 'FI',
    });
    const sends = standin.requests.filter(
      (r) => r.path === `/v1/invoices/${remote.id}/send` && r.status === 200,
    );
    expect(sends).toHaveLength(1);

    // A second push: nothing is created, finalised or sent again.
    const before = standin.requests.length;
    const again = await pushInvoice(testContext(database.db), stripe, invoiceId, owner.practiceId);
    expect(again).toEqual({ status: 'unchanged' });
    expect(standin.requests.slice(before)).toEqual([]);
  });

  it('reuses the payer’s customer and the account’s tax rate for the next invoice', async () => {
    const accountId = await onboardedAccount(stripe, standin);
    const first = await insertPendingInvoice(database.db, owner, {
      number: 51,
      stripeAccountId: accountId,
    });
    const second = await insertPendingInvoice(database.db, owner, {
      number: 52,
      stripeAccountId: accountId,
      payer: { commissionerId: first.commissionerId, contractId: first.contractId },
    });
    const ctx = testContext(database.db);
    expect(await pushInvoice(ctx, stripe, first.invoiceId, owner.practiceId)).toEqual({
      status: 'sent',
    });
    expect(await pushInvoice(ctx, stripe, second.invoiceId, owner.practiceId)).toEqual({
      status: 'sent',
    });
    expect(objectsCreated(standin.requests, accountId, '/v1/customers')).toBe(1);
    expect(objectsCreated(standin.requests, accountId, '/v1/tax_rates')).toBe(1);
    expect(objectsCreated(standin.requests, accountId, '/v1/invoices')).toBe(2);
    const customers = await database.db
      .select()
      .from(stripeCustomers)
      .where(eq(stripeCustomers.stripeAccountId, accountId));
    expect(customers).toHaveLength(1);
    const [a, b] = [await ourInvoice(first.invoiceId), await ourInvoice(second.invoiceId)];
    expect(a.stripeCustomerId).toBe(b.stripeCustomerId);
  });

  it('stops before sending when Stripe’s totals differ from ours, and says why', async () => {
    const accountId = await onboardedAccount(stripe, standin);
    const { invoiceId } = await insertPendingInvoice(database.db, owner, {
      number: 61,
      stripeAccountId: accountId,
    });
    // Our stored VAT no longer matches the lines Stripe taxes.
    await database.db
      .update(invoices)
      .set({ vatCents: 3824, totalCents: 18_824 })
      .where(eq(invoices.id, invoiceId));
    const ctx = testContext(database.db);
    const outcome = await pushInvoice(ctx, stripe, invoiceId, owner.practiceId);
    expect(outcome).toEqual({
      status: 'failed',
      error:
        'totals differ (cents): VAT 3824 here, 3825 at Stripe; total 18824 here, 18825 at ' +
        'Stripe; the invoice was not sent',
    });
    const ours = await ourInvoice(invoiceId);
    expect(ours).toMatchObject({ status: 'pending', sentAt: null });
    expect(ours.pushError).toMatch(/^totals differ/);
    const sendsOnAccount = () =>
      standin.requests.filter((r) => r.stripeAccount === accountId && r.path.endsWith('/send'));
    expect(sendsOnAccount()).toEqual([]);

    // Pushing again does not send it either; once our totals are right, it goes.
    expect((await pushInvoice(ctx, stripe, invoiceId, owner.practiceId)).status).toBe('failed');
    expect(sendsOnAccount()).toEqual([]);
    await database.db
      .update(invoices)
      .set({ vatCents: 3825, totalCents: 18_825 })
      .where(eq(invoices.id, invoiceId));
    expect(await pushInvoice(ctx, stripe, invoiceId, owner.practiceId)).toEqual({ status: 'sent' });
    expect(await ourInvoice(invoiceId)).toMatchObject({ status: 'open', pushError: null });
    expect(objectsCreated(standin.requests, accountId, '/v1/invoices')).toBe(1);
  });
});
