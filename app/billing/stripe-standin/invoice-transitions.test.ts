import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeStandin } from './standin.server';
import { onboardedAccount, startStandin } from './test-fixtures';

let standin: StripeStandin;
let stripe: Stripe;
let account: string;
let customerId: string;
let vatId: string;
/** Every call as the app makes it: on the practice's connected account. */
let on: { stripeAccount: string };
beforeAll(async () => {
  ({ standin, stripe } = await startStandin());
  account = await onboardedAccount(stripe, standin);
  on = { stripeAccount: account };
  customerId = (await stripe.customers.create({ name: 'Asiakas' }, { stripeAccount: account })).id;
  vatId = (
    await stripe.taxRates.create(
      { display_name: 'ALV', percentage: 25.5, inclusive: false },
      { stripeAccount: account },
    )
  ).id;
});
afterAll(() => standin.close());

/** An invoice in the given state, 100.00 € + 25.5 % VAT = 125.50 €. */
async function invoiceIn(status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible') {
  const opts = on;
  const invoice = await stripe.invoices.create(
    { customer: customerId, collection_method: 'send_invoice' },
    opts,
  );
  await stripe.invoiceItems.create(
    { customer: customerId, invoice: invoice.id, amount: 10000, tax_rates: [vatId] },
    opts,
  );
  if (status === 'draft') return invoice.id;
  await stripe.invoices.finalizeInvoice(invoice.id, {}, opts);
  if (status === 'paid') await stripe.invoices.pay(invoice.id, { paid_out_of_band: true }, opts);
  if (status === 'void') await stripe.invoices.voidInvoice(invoice.id, {}, opts);
  if (status === 'uncollectible') await stripe.invoices.markUncollectible(invoice.id, {}, opts);
  return invoice.id;
}

type Action = (id: string) => Promise<unknown>;
const actions: Record<string, Action> = {
  finalize: (id) => stripe.invoices.finalizeInvoice(id, {}, on),
  send: (id) => stripe.invoices.sendInvoice(id, {}, on),
  pay: (id) => stripe.invoices.pay(id, { paid_out_of_band: true }, on),
  void: (id) => stripe.invoices.voidInvoice(id, {}, on),
  uncollectible: (id) => stripe.invoices.markUncollectible(id, {}, on),
  delete: (id) => stripe.invoices.del(id, {}, on),
};

describe('the invoice state machine', () => {
  const illegal: [Parameters<typeof invoiceIn>[0], keyof typeof actions][] = [
    ['draft', 'send'],
    ['draft', 'pay'],
    ['draft', 'void'],
    ['draft', 'uncollectible'],
    ['open', 'finalize'],
    ['open', 'delete'],
    ['paid', 'finalize'],
    ['paid', 'pay'],
    ['paid', 'void'],
    ['paid', 'uncollectible'],
    ['paid', 'delete'],
    ['void', 'finalize'],
    ['void', 'send'],
    ['void', 'pay'],
    ['void', 'void'],
    ['void', 'uncollectible'],
    ['uncollectible', 'finalize'],
    ['uncollectible', 'send'],
    ['uncollectible', 'uncollectible'],
  ];
  it.each(illegal)('refuses: %s → %s', async (status, action) => {
    const id = await invoiceIn(status);
    await expect(actions[action]?.(id)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      message: expect.stringContaining(`is ${status}`),
    });
    expect((await stripe.invoices.retrieve(id, {}, on)).status).toBe(status);
  });

  it('allows uncollectible → paid and uncollectible → void', async () => {
    const paid = await invoiceIn('uncollectible');
    expect((await stripe.invoices.pay(paid, { paid_out_of_band: true }, on)).status).toBe('paid');
    const voided = await invoiceIn('uncollectible');
    expect((await stripe.invoices.voidInvoice(voided, {}, on)).status).toBe('void');
  });

  it('sends only invoices collected by sending, and pays only outside Stripe', async () => {
    const invoice = await stripe.invoices.create({ customer: customerId }, on);
    await stripe.invoiceItems.create(
      { customer: customerId, invoice: invoice.id, amount: 100 },
      on,
    );
    await stripe.invoices.finalizeInvoice(invoice.id, {}, on);
    await expect(stripe.invoices.sendInvoice(invoice.id, {}, on)).rejects.toThrow(/send_invoice/);
    const open = await invoiceIn('open');
    await expect(stripe.invoices.pay(open, {}, on)).rejects.toMatchObject({
      param: 'paid_out_of_band',
    });
  });

  it('deletes a draft and its items', async () => {
    const id = await invoiceIn('draft');
    const deleted = await stripe.invoices.del(id, {}, on);
    expect(deleted).toMatchObject({ id, object: 'invoice', deleted: true });
    await expect(stripe.invoices.retrieve(id, {}, on)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('adds items to drafts only', async () => {
    const open = await invoiceIn('open');
    await expect(
      stripe.invoiceItems.create({ customer: customerId, invoice: open, amount: 100 }, on),
    ).rejects.toMatchObject({ code: 'invoice_not_editable' });
  });

  it('marks a zero invoice paid when it is finalized', async () => {
    const invoice = await stripe.invoices.create({ customer: customerId }, on);
    const finalized = await stripe.invoices.finalizeInvoice(invoice.id, {}, on);
    expect(finalized.status).toBe('paid');
  });

  it('records a failed collection attempt and keeps the invoice open', async () => {
    const id = await invoiceIn('open');
    const failed = standin.simulate.failPayment(account, id);
    expect(failed).toMatchObject({ status: 'open', attempt_count: 1, attempted: true });
  });
});

describe('credit notes', () => {
  it('lowers what an open invoice owes, line by line with tax, and settles it when credited in full', async () => {
    const id = await invoiceIn('open');
    const open = await stripe.invoices.retrieve(id, {}, on);
    const lineId = open.lines.data[0]?.id ?? '';
    const partial = await stripe.creditNotes.create(
      {
        invoice: id,
        lines: [{ type: 'invoice_line_item', invoice_line_item: lineId, amount: 4000 }],
        reason: 'order_change',
        memo: 'Peruttu istunto',
        metadata: { ohjaamo_credit_id: 'c-1' },
      },
      on,
    );
    expect(partial.id).toMatch(/^cn_/);
    expect(partial).toMatchObject({
      subtotal: 4000,
      total: 5020,
      pre_payment_amount: 5020,
      post_payment_amount: 0,
      type: 'pre_payment',
      number: `${open.number}-CN-01`,
    });
    expect(partial.total_taxes?.[0]?.amount).toBe(1020);
    const lowered = await stripe.invoices.retrieve(id, {}, on);
    expect(lowered).toMatchObject({ status: 'open', amount_due: 7530, amount_remaining: 7530 });

    await expect(
      stripe.creditNotes.create(
        {
          invoice: id,
          lines: [{ type: 'invoice_line_item', invoice_line_item: lineId, amount: 6001 }],
        },
        on,
      ),
    ).rejects.toMatchObject({ statusCode: 400 });
    await stripe.creditNotes.create(
      {
        invoice: id,
        lines: [{ type: 'invoice_line_item', invoice_line_item: lineId, amount: 6000 }],
      },
      on,
    );
    expect((await stripe.invoices.retrieve(id, {}, on)).status).toBe('paid');
    expect((await stripe.creditNotes.retrieve(partial.id, {}, on)).memo).toBe('Peruttu istunto');
  });

  it('needs the post-payment part of a paid invoice accounted for outside Stripe', async () => {
    const id = await invoiceIn('paid');
    await expect(
      stripe.creditNotes.create({ invoice: id, amount: 1000 }, on),
    ).rejects.toMatchObject({
      param: 'out_of_band_amount',
    });
    const note = await stripe.creditNotes.create(
      { invoice: id, amount: 1000, out_of_band_amount: 1000 },
      on,
    );
    expect(note).toMatchObject({ type: 'post_payment', post_payment_amount: 1000 });
    expect((await stripe.invoices.retrieve(id, {}, on)).post_payment_credit_notes_amount).toBe(
      1000,
    );
  });

  it('refuses credit notes for drafts and void invoices', async () => {
    for (const status of ['draft', 'void'] as const) {
      const id = await invoiceIn(status);
      await expect(stripe.creditNotes.create({ invoice: id, amount: 100 }, on)).rejects.toThrow(
        `is ${status}`,
      );
    }
  });
});
