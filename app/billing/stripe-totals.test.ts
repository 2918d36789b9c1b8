/**
 * Our VAT arithmetic (vat.ts) against what the Stripe stand-in finalises for the same lines,
 * through the real SDK and real HTTP: the same random invoice, computed twice, must agree to
 * the cent per line, per rate and in total. vat.test.ts compares vat.ts with a pure model of
 * Stripe's rule; this test holds the stand-in to that rule too, so the push's own check
 * (`assertTotalsMatch` in push-invoice.server.ts) is tested against a counterpart that
 * computes independently.
 */
import fc from 'fast-check';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StripeStandin } from './stripe-standin/standin.server';
import { onboardedAccount, startStandin } from './stripe-standin/test-fixtures';
import { invoiceTotals, ratePercentage, type VatLine } from './vat';

let standin: StripeStandin;
let stripe: Stripe;
let account: string;
beforeAll(async () => {
  ({ standin, stripe } = await startStandin());
  account = await onboardedAccount(stripe, standin);
});
afterAll(() => standin.close());

/** Every call as the app makes it: on the practice's connected account (direct charges). */
const onAccount = () => ({ stripeAccount: account });

const EXEMPT_REASON = 'Arvonlisäverolain 34 §:n mukainen terveyden- ja sairaanhoitopalvelu';

const amountCents = fc.integer({ min: 1, max: 200_000 });
const line: fc.Arbitrary<VatLine> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ amountCents, rateBasisPoints: fc.constantFrom(2550, 1400, 1000, 0) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      amountCents,
      rateBasisPoints: fc.constant(null),
      exemptReason: fc.constant(EXEMPT_REASON),
    }),
  },
);
const invoiceLines = fc.array(line, { minLength: 1, maxLength: 15 });

/** The lines pushed as the app pushes an invoice, finalised; Stripe's invoice and its lines. */
async function finalizedOnStripe(lines: readonly VatLine[]) {
  const customer = await stripe.customers.create({ name: 'Kuopion kaupunki' }, onAccount());
  const taxRates = new Map<number, string>();
  for (const line of lines) {
    const rate = line.rateBasisPoints;
    if (rate === null || taxRates.has(rate)) continue;
    const taxRate = await stripe.taxRates.create(
      {
        display_name: 'ALV',
        percentage: ratePercentage(rate),
        inclusive: false,
        country: 'FI',
        tax_type: 'vat',
      },
      onAccount(),
    );
    taxRates.set(rate, taxRate.id);
  }
  const draft = await stripe.invoices.create(
    {
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 14,
      pending_invoice_items_behavior: 'exclude',
    },
    onAccount(),
  );
  for (const [index, line] of lines.entries()) {
    const taxRate = line.rateBasisPoints === null ? undefined : taxRates.get(line.rateBasisPoints);
    await stripe.invoiceItems.create(
      {
        customer: customer.id,
        invoice: draft.id,
        amount: line.amountCents,
        currency: 'eur',
        description: line.rateBasisPoints === null ? line.exemptReason : `Työnohjaus ${index + 1}`,
        metadata: { line: String(index) },
        ...(taxRate ? { tax_rates: [taxRate] } : {}),
      },
      onAccount(),
    );
  }
  const invoice = await stripe.invoices.finalizeInvoice(draft.id, {}, onAccount());
  // The invoice object carries its first lines only; Stripe pages the rest.
  const stripeLines = invoice.lines.has_more
    ? await stripe.invoices
        .listLineItems(invoice.id, { limit: 100 }, onAccount())
        .autoPagingToArray({ limit: 100 })
    : invoice.lines.data;
  return { invoice, stripeLines, taxRates };
}

describe('totals on Stripe and ours', () => {
  it('agree to the cent per line, per rate and in total for any invoice', async () => {
    await fc.assert(
      fc.asyncProperty(invoiceLines, async (lines) => {
        const ours = invoiceTotals(lines);
        const { invoice, stripeLines, taxRates } = await finalizedOnStripe(lines);

        expect(invoice.status).toBe('open');
        expect(invoice.subtotal).toBe(ours.subtotalCents);
        expect(invoice.total).toBe(ours.totalCents);

        const stripeByRate = new Map(
          (invoice.total_taxes ?? []).map((tax) => [
            tax.tax_rate_details?.tax_rate,
            { amount: tax.amount, taxable: tax.taxable_amount },
          ]),
        );
        const taxedGroups = ours.vatByRate.flatMap((group) =>
          group.rateBasisPoints === null ? [] : [group],
        );
        // One entry per rate used, none for exempt lines.
        expect(stripeByRate.size).toBe(taxedGroups.length);
        for (const group of taxedGroups) {
          expect(stripeByRate.get(taxRates.get(group.rateBasisPoints))).toEqual({
            amount: group.vatCents,
            taxable: group.baseCents,
          });
        }

        expect(stripeLines).toHaveLength(lines.length);
        for (const stripeLine of stripeLines) {
          const ourLine = ours.lines[Number(stripeLine.metadata.line)];
          expect(ourLine).toBeDefined();
          expect(stripeLine.amount).toBe(ourLine?.amountCents);
          const taxes = stripeLine.taxes ?? [];
          if (ourLine?.rateBasisPoints === null) {
            expect(taxes).toEqual([]);
          } else {
            expect(taxes).toHaveLength(1);
            expect(taxes[0]?.amount).toBe(ourLine?.vatCents);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
