import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeStandin } from './standin.server';
import { onboardedAccount, startStandin } from './test-fixtures';

let standin: StripeStandin;
let stripe: Stripe;
let account: string;
let otherAccount: string;
beforeAll(async () => {
  ({ standin, stripe } = await startStandin());
  account = await onboardedAccount(stripe, standin);
  otherAccount = await onboardedAccount(stripe, standin);
});
afterAll(() => standin.close());

/** Every call as the app makes it: on the practice's connected account (direct charges). */
const on = (idempotencyKey?: string) => ({
  stripeAccount: account,
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

async function customerWithVat() {
  const customer = await stripe.customers.create(
    { name: 'Kuopion kaupunki', email: 'laskut@kuopio.example', preferred_locales: ['fi'] },
    on(),
  );
  const vat = await stripe.taxRates.create(
    { display_name: 'ALV', percentage: 25.5, inclusive: false, country: 'FI', tax_type: 'vat' },
    on(),
  );
  return { customer, vat };
}

describe('an invoice from draft to paid', () => {
  it('totals each line with its own rounded tax, then finalizes, sends and records payment', async () => {
    const { customer, vat } = await customerWithVat();
    const draft = await stripe.invoices.create(
      {
        customer: customer.id,
        collection_method: 'send_invoice',
        days_until_due: 14,
        custom_fields: [{ name: 'Viitenumero', value: '1232' }],
        footer: 'Y-tunnus 1234567-1',
        metadata: { ohjaamo_invoice_id: 'inv-1' },
      },
      on('create-inv-1'),
    );
    expect(draft.status).toBe('draft');
    expect(draft.id).toMatch(/^in_/);
    expect(draft.due_date).toBe(draft.created + 14 * 86_400);
    expect(draft.hosted_invoice_url).toBeNull();

    // 11.11 € × 25.5 % = 2.833… → 2.83; 22.22 € → 5.666… → 5.67; 0.02 € → 0.0051 → 0.01.
    for (const [amount, description] of [
      [1111, 'Työnohjaus 4.3.2026'],
      [2222, 'Työnohjaus 18.3.2026'],
      [2, 'Pyöristys'],
    ] as const) {
      const item = await stripe.invoiceItems.create(
        {
          customer: customer.id,
          invoice: draft.id,
          amount,
          currency: 'eur',
          description,
          tax_rates: [vat.id],
        },
        on(),
      );
      expect(item.id).toMatch(/^ii_/);
    }
    const byUnits = await stripe.invoiceItems.create(
      {
        customer: customer.id,
        invoice: draft.id,
        quantity: 3,
        unit_amount_decimal: Stripe.Decimal.from('1000'),
        description: 'Ryhmätyönohjaus',
        tax_rates: [vat.id],
      },
      on(),
    );
    expect(byUnits.amount).toBe(3000);
    expect(byUnits.quantity_decimal.toString()).toBe('3');

    const finalized = await stripe.invoices.finalizeInvoice(draft.id, {}, on());
    expect(finalized.status).toBe('open');
    expect(finalized.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    expect(finalized.lines.data.map((l) => l.taxes?.[0]?.amount)).toEqual([283, 567, 1, 765]);
    expect(finalized.subtotal).toBe(6335);
    expect(finalized.total_taxes).toEqual([
      expect.objectContaining({ amount: 1616, taxable_amount: 6335, tax_behavior: 'exclusive' }),
    ]);
    expect(finalized.total).toBe(7951);
    expect(finalized.amount_due).toBe(7951);
    expect(finalized.amount_remaining).toBe(7951);
    expect(finalized.custom_fields).toEqual([{ name: 'Viitenumero', value: '1232' }]);
    expect(finalized.customer_name).toBe('Kuopion kaupunki');
    expect(finalized.hosted_invoice_url).toBe(
      `${standin.origin}/standin/invoices/${account}/${draft.id}`,
    );

    const sent = await stripe.invoices.sendInvoice(draft.id, {}, on());
    expect(sent.status).toBe('open');
    const paid = await stripe.invoices.pay(draft.id, { paid_out_of_band: true }, on());
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(7951);
    expect(paid.amount_remaining).toBe(0);
    expect(paid.status_transitions.paid_at).not.toBeNull();
  });

  it('computes the tax inside an inclusive rate', async () => {
    const customer = await stripe.customers.create({ name: 'Yksityinen' }, on());
    const inclusive = await stripe.taxRates.create(
      { display_name: 'ALV', percentage: 25.5, inclusive: true },
      on(),
    );
    const invoice = await stripe.invoices.create(
      {
        customer: customer.id,
        collection_method: 'send_invoice',
        default_tax_rates: [inclusive.id],
      },
      on(),
    );
    await stripe.invoiceItems.create(
      { customer: customer.id, invoice: invoice.id, amount: 12550 },
      on(),
    );
    const retrieved = await stripe.invoices.retrieve(invoice.id, {}, on());
    // 125.50 € holds 25.50 € of 25.5 % VAT.
    expect(retrieved.total).toBe(12550);
    expect(retrieved.total_taxes?.[0]?.amount).toBe(2550);
    expect(retrieved.total_excluding_tax).toBe(10000);
  });

  it("inherits the customer's custom fields and footer unless the invoice sets its own", async () => {
    const customer = await stripe.customers.create(
      {
        name: 'Asetukset',
        invoice_settings: { custom_fields: [{ name: 'Tilaaja', value: 'Sote' }], footer: 'Kiitos' },
      },
      on(),
    );
    const inherited = await stripe.invoices.create({ customer: customer.id }, on());
    expect(inherited.custom_fields).toEqual([{ name: 'Tilaaja', value: 'Sote' }]);
    expect(inherited.footer).toBe('Kiitos');
    const own = await stripe.invoices.create(
      { customer: customer.id, custom_fields: '', footer: '' },
      on(),
    );
    expect(own.custom_fields).toBeNull();
    expect(own.footer).toBeNull();
  });

  it('takes pending items only when asked to include them', async () => {
    const customer = await stripe.customers.create({ name: 'Pending' }, on());
    await stripe.invoiceItems.create({ customer: customer.id, amount: 500 }, on());
    const without = await stripe.invoices.create({ customer: customer.id }, on());
    expect(without.lines.data).toEqual([]);
    const withItems = await stripe.invoices.create(
      { customer: customer.id, pending_invoice_items_behavior: 'include' },
      on(),
    );
    expect(withItems.lines.data.map((l) => l.amount)).toEqual([500]);
  });

  it('is paid on the hosted invoice page', async () => {
    const customer = await stripe.customers.create({ name: 'Hosted' }, on());
    const invoice = await stripe.invoices.create(
      { customer: customer.id, collection_method: 'send_invoice' },
      on(),
    );
    await stripe.invoiceItems.create(
      { customer: customer.id, invoice: invoice.id, amount: 9000 },
      on(),
    );
    const open = await stripe.invoices.finalizeInvoice(invoice.id, {}, on());
    const page = await fetch(open.hosted_invoice_url ?? '');
    const html = await page.text();
    expect(html).toContain('€90.00');
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const pay = await fetch(new URL(action, standin.origin), {
      method: 'POST',
      redirect: 'manual',
    });
    expect(pay.status).toBe(303);
    expect((await stripe.invoices.retrieve(invoice.id, {}, on())).status).toBe('paid');
    const after = await (await fetch(open.hosted_invoice_url ?? '')).text();
    expect(after).toContain('data-status="paid"');
    expect(after).not.toContain('<button');
  });
});

describe('an invoice of many lines', () => {
  const LINE_COUNT = 25;
  /** 25 lines of 1.01 € … 1.25 € at 25.5 %, finalised, as the app would make them. */
  async function longInvoice() {
    const { customer, vat } = await customerWithVat();
    const draft = await stripe.invoices.create(
      { customer: customer.id, collection_method: 'send_invoice' },
      on(),
    );
    const amounts = Array.from({ length: LINE_COUNT }, (_, i) => 101 + i);
    for (const [i, amount] of amounts.entries()) {
      await stripe.invoiceItems.create(
        {
          customer: customer.id,
          invoice: draft.id,
          amount,
          currency: 'eur',
          description: `Rivi ${i + 1}`,
          tax_rates: [vat.id],
        },
        on(),
      );
    }
    const invoice = await stripe.invoices.finalizeInvoice(draft.id, {}, on());
    const descriptions = amounts.map((_, i) => `Rivi ${i + 1}`);
    return { invoice, amounts, descriptions };
  }

  it('carries its first ten lines, pages the rest from /lines, and totals them all', async () => {
    const { invoice, amounts, descriptions } = await longInvoice();
    const retrieved = await stripe.invoices.retrieve(invoice.id, {}, on());
    expect(retrieved.lines.data.map((l) => l.description)).toEqual(descriptions.slice(0, 10));
    expect(retrieved.lines.has_more).toBe(true);
    expect(retrieved.lines.url).toBe(`/v1/invoices/${invoice.id}/lines`);
    // Each line's tax rounded on its own: 101 … 125 cents × 25.5 % → 26 … 32 cents.
    const subtotal = amounts.reduce((sum, a) => sum + a, 0);
    const tax = amounts.reduce((sum, a) => sum + Math.round((a * 255) / 1000), 0);
    expect(retrieved.subtotal).toBe(subtotal);
    expect(retrieved.total_taxes?.[0]?.amount).toBe(tax);
    expect(retrieved.total).toBe(subtotal + tax);

    const from = standin.requests.length;
    const all = await stripe.invoices
      .listLineItems(invoice.id, {}, on())
      .autoPagingToArray({ limit: 100 });
    expect(all.map((l) => l.description)).toEqual(descriptions);
    expect(all.map((l) => l.amount)).toEqual(amounts);
    expect(all.slice(0, 10)).toEqual(retrieved.lines.data);
    // Ten a page by default: three pages, each after the last line of the one before.
    const pages = standin.requests.slice(from).filter((r) => r.path.endsWith('/lines'));
    expect(pages.map((r) => r.query.starting_after)).toEqual([undefined, all[9]?.id, all[19]?.id]);

    const page = await stripe.invoices.listLineItems(
      invoice.id,
      { limit: 5, starting_after: all[19]?.id ?? '' },
      on(),
    );
    expect(page.data.map((l) => l.description)).toEqual(descriptions.slice(20));
    expect(page.has_more).toBe(false);
    expect(page.url).toBe(`/v1/invoices/${invoice.id}/lines`);
  });

  it('shows every line on the hosted page and credits a line past the first ten', async () => {
    const { invoice } = await longInvoice();
    const html = await (await fetch(invoice.hosted_invoice_url ?? '')).text();
    expect(html).toContain('<td>Rivi 25</td>');
    expect(html.match(/<td>Rivi \d+<\/td>/g)).toHaveLength(LINE_COUNT);

    const all = await stripe.invoices
      .listLineItems(invoice.id, { limit: 100 }, on())
      .autoPagingToArray({ limit: 100 });
    const last = all.at(-1);
    const note = await stripe.creditNotes.create(
      {
        invoice: invoice.id,
        lines: [{ type: 'invoice_line_item', invoice_line_item: last?.id ?? '', amount: 125 }],
      },
      on(),
    );
    expect(note.subtotal).toBe(125);
  });

  it("refuses a limit outside 1–100, an unknown cursor and another account's invoice", async () => {
    const { invoice } = await longInvoice();
    for (const limit of [0, 101]) {
      await expect(
        stripe.invoices.listLineItems(invoice.id, { limit }, on()),
      ).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        statusCode: 400,
        param: 'limit',
        message: 'Invalid limit: must be between 1 and 100',
      });
    }
    await expect(
      stripe.invoices.listLineItems(invoice.id, { starting_after: 'il_nothing' }, on()),
    ).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'starting_after' });
    await expect(stripe.invoices.listLineItems('in_nothing', {}, on())).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      message: "No such invoice: 'in_nothing'",
    });
    await expect(
      stripe.invoices.listLineItems(invoice.id, {}, { stripeAccount: otherAccount }),
    ).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('finding invoices', () => {
  it('searches by our id in metadata and lists by customer, newest first', async () => {
    const customer = await stripe.customers.create({ name: 'Haku' }, on());
    const first = await stripe.invoices.create(
      { customer: customer.id, metadata: { ohjaamo_invoice_id: 'search-1' } },
      on(),
    );
    const second = await stripe.invoices.create(
      { customer: customer.id, metadata: { ohjaamo_invoice_id: 'search-2' } },
      on(),
    );
    const found = await stripe.invoices.search(
      { query: "metadata['ohjaamo_invoice_id']:'search-2'" },
      on(),
    );
    expect(found.data.map((i) => i.id)).toEqual([second.id]);
    const none = await stripe.invoices.search(
      { query: "metadata['ohjaamo_invoice_id']:'x'" },
      on(),
    );
    expect(none.data).toEqual([]);
    const listed = await stripe.invoices.list({ customer: customer.id }, on());
    expect(listed.data.map((i) => i.id)).toEqual([second.id, first.id]);
  });

  it('can hide fresh invoices from search, as Stripe search may lag', async () => {
    const customer = await stripe.customers.create({ name: 'Viive' }, on());
    await stripe.invoices.create(
      { customer: customer.id, metadata: { ohjaamo_invoice_id: 'lag' } },
      on(),
    );
    const query = { query: "metadata['ohjaamo_invoice_id']:'lag'" };
    standin.simulate.searchLag(60_000);
    expect((await stripe.invoices.search(query, on())).data).toHaveLength(0);
    standin.clock.advance(60_000);
    expect((await stripe.invoices.search(query, on())).data).toHaveLength(1);
    standin.simulate.searchLag(0);
  });

  it("treats another account's invoice as unknown (404)", async () => {
    const customer = await stripe.customers.create({ name: 'Toinen' }, on());
    const invoice = await stripe.invoices.create({ customer: customer.id }, on());
    await expect(
      stripe.invoices.retrieve(invoice.id, {}, { stripeAccount: otherAccount }),
    ).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      message: `No such invoice: '${invoice.id}'`,
    });
    // The platform's own objects are apart from every connected account's too.
    await expect(stripe.invoices.retrieve(invoice.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      stripe.invoices.create({ customer: customer.id }, { stripeAccount: otherAccount }),
    ).rejects.toMatchObject({ code: 'resource_missing', param: 'customer' });
  });
});

describe('the request log', () => {
  it('records the connected account, the idempotency key and the decoded form body', async () => {
    const customer = await stripe.customers.create({ name: 'Loki' }, on());
    await stripe.invoiceItems.create(
      { customer: customer.id, amount: 4500, currency: 'eur', metadata: { session: 's-1' } },
      on('item-s-1'),
    );
    const logged = standin.requests.findLast(
      (r) => r.method === 'POST' && r.path === '/v1/invoiceitems',
    );
    expect(logged).toMatchObject({
      stripeAccount: account,
      idempotencyKey: 'item-s-1',
      stripeVersion: '2026-10-28.endive',
      status: 200,
      body: {
        customer: customer.id,
        amount: '4500',
        currency: 'eur',
        metadata: { session: 's-1' },
      },
    });
    // The SDK keys every POST itself when the caller does not.
    const customerCreate = standin.requests.findLast((r) => r.path === '/v1/customers');
    expect(customerCreate?.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });
});
