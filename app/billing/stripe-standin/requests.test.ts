import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeForm } from './form.server';
import type { StripeStandin } from './standin.server';
import { onboardedAccount, SECRET_KEY, startStandin } from './test-fixtures';

let standin: StripeStandin;
let stripe: Stripe;
let account: string;
let customerId: string;
let on: { stripeAccount: string };
beforeAll(async () => {
  ({ standin, stripe } = await startStandin());
  account = await onboardedAccount(stripe, standin);
  on = { stripeAccount: account };
  customerId = (await stripe.customers.create({ name: 'Rajat' }, on)).id;
});
afterAll(() => standin.close());

describe("Stripe's form encoding", () => {
  it('decodes bracketed keys into nested objects and arrays', () => {
    expect(
      decodeForm(
        'customer=cus_1&custom_fields[0][name]=Viite&custom_fields[0][value]=12+34' +
          '&custom_fields[1][name]=B&custom_fields[1][value]=%C3%A4&metadata[a]=1&tax_rates[]=t1&tax_rates[]=t2',
      ),
    ).toEqual({
      customer: 'cus_1',
      custom_fields: [
        { name: 'Viite', value: '12 34' },
        { name: 'B', value: 'ä' },
      ],
      metadata: { a: '1' },
      tax_rates: ['t1', 't2'],
    });
    expect(() => decodeForm('a=1&a[b]=2')).toThrow(/Invalid hash/);
  });
});

describe('idempotency keys', () => {
  it('replays the first answer for the same key and parameters', async () => {
    const params = { customer: customerId, amount: 1500, description: 'Istunto' };
    const first = await stripe.invoiceItems.create(params, { ...on, idempotencyKey: 'ii-replay' });
    const again = await stripe.invoiceItems.create(params, { ...on, idempotencyKey: 'ii-replay' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const log = standin.requests.filter((r) => r.idempotencyKey === 'ii-replay');
    expect(log.map((r) => r.replayed)).toEqual([false, true]);
  });

  it("refuses the same key with other parameters, with Stripe's idempotency error", async () => {
    await stripe.invoiceItems.create(
      { customer: customerId, amount: 1500 },
      { ...on, idempotencyKey: 'ii-mismatch' },
    );
    await expect(
      stripe.invoiceItems.create(
        { customer: customerId, amount: 1600 },
        { ...on, idempotencyKey: 'ii-mismatch' },
      ),
    ).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
      message: expect.stringContaining(
        'Keys for idempotent requests can only be used with the same parameters',
      ),
    });
  });

  it('keeps keys apart per account and forgets them after 24 hours', async () => {
    const other = await onboardedAccount(stripe, standin);
    const otherCustomer = await stripe.customers.create(
      { name: 'Toinen' },
      { stripeAccount: other },
    );
    await stripe.invoiceItems.create(
      { customer: otherCustomer.id, amount: 100 },
      { stripeAccount: other, idempotencyKey: 'shared-key' },
    );
    const mine = await stripe.invoiceItems.create(
      { customer: customerId, amount: 100 },
      { ...on, idempotencyKey: 'shared-key' },
    );
    expect(mine.customer).toBe(customerId);

    standin.clock.advance(24 * 60 * 60 * 1000);
    const fresh = await stripe.invoiceItems.create(
      { customer: customerId, amount: 999 },
      { ...on, idempotencyKey: 'shared-key' },
    );
    expect(fresh.id).not.toBe(mine.id);
  });

  it('replays a refused state change, but not a refused malformed request', async () => {
    const invoice = await stripe.invoices.create({ customer: customerId }, on);
    const key = { ...on, idempotencyKey: 'void-draft' };
    await expect(stripe.invoices.voidInvoice(invoice.id, {}, key)).rejects.toThrow(/is draft/);
    await stripe.invoices.finalizeInvoice(invoice.id, {}, on);
    // Stripe saved the first answer: the same request gets it again.
    await expect(stripe.invoices.voidInvoice(invoice.id, {}, key)).rejects.toThrow(/is draft/);

    const malformed = { ...on, idempotencyKey: 'malformed' };
    await expect(
      stripe.invoices.create({ customer: customerId, days_until_due: 14 }, malformed),
    ).rejects.toThrow(/days_until_due/);
    const retried = await stripe.invoices.create({ customer: customerId }, malformed);
    expect(retried.status).toBe('draft');
  });
});

describe('the limits the app relies on', () => {
  it('allows four custom fields of 40 and 140 characters, and no more', async () => {
    const field = (i: number) => ({ name: `${i}`.padEnd(40, 'n'), value: 'v'.repeat(140) });
    const fits = await stripe.invoices.create(
      { customer: customerId, custom_fields: [0, 1, 2, 3].map(field) },
      on,
    );
    expect(fits.custom_fields).toHaveLength(4);
    await expect(
      stripe.invoices.create(
        { customer: customerId, custom_fields: [0, 1, 2, 3, 4].map(field) },
        on,
      ),
    ).rejects.toMatchObject({ param: 'custom_fields' });
    await expect(
      stripe.invoices.create(
        { customer: customerId, custom_fields: [{ name: 'n'.repeat(41), value: 'v' }] },
        on,
      ),
    ).rejects.toMatchObject({ param: 'custom_fields[0][name]' });
    await expect(
      stripe.invoices.create(
        { customer: customerId, custom_fields: [{ name: 'n', value: 'v'.repeat(141) }] },
        on,
      ),
    ).rejects.toMatchObject({ param: 'custom_fields[0][value]' });
  });

  it('takes days_until_due only with send_invoice', async () => {
    await expect(
      stripe.invoices.create({ customer: customerId, days_until_due: 14 }, on),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'days_until_due' });
    await expect(
      stripe.invoices.create(
        { customer: customerId, collection_method: 'charge_automatically', days_until_due: 14 },
        on,
      ),
    ).rejects.toMatchObject({ param: 'days_until_due' });
  });

  it('takes integer cents in euros only, and refuses unknown parameters', async () => {
    await expect(
      stripe.invoiceItems.create({ customer: customerId, amount: 12.5 }, on),
    ).rejects.toMatchObject({ param: 'amount', message: 'Invalid integer: 12.5' });
    await expect(
      stripe.invoiceItems.create({ customer: customerId, amount: 1200, currency: 'usd' }, on),
    ).rejects.toMatchObject({ param: 'currency' });
    await expect(
      stripe.invoices.create({ customer: customerId, currency: 'sek' }, on),
    ).rejects.toMatchObject({ param: 'currency' });
    await expect(
      stripe.rawRequest('POST', '/v1/customers', { nmae: 'typo' }, on),
    ).rejects.toMatchObject({ code: 'parameter_unknown', param: 'nmae' });
  });

  it('refuses a wrong secret key and unknown endpoints', async () => {
    const wrong = new Stripe('sk_test_wrong_key_000', {
      host: new URL(standin.apiBase).hostname,
      port: Number(new URL(standin.apiBase).port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(wrong.customers.create({ name: 'X' })).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
    expect(SECRET_KEY).not.toBe('sk_test_wrong_key_000');
    await expect(stripe.products.create({ name: 'Not served' })).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('Unrecognized request URL'),
    });
  });
});
