import type Stripe from 'stripe';

type LineTax = Stripe.InvoiceLineItem.Tax;

/** Tax percentages carry at most four decimals: 25.5 % is 255 000 millionths. */
const PERCENT_SCALE = 10_000n;

/** n / d rounded to the nearest integer, halves away from zero, exactly (no floats). */
export function roundedQuotient(n: bigint, d: bigint): number {
  const quotient = n / d;
  const remainder = n % d;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  const step = n < 0n ? -1n : 1n;
  return Number(absRemainder * 2n >= d ? quotient + step : quotient);
}

/**
 * The tax of one line at one rate, in cents. Stripe applies tax rates per line item
 * (docs.stripe.com/invoicing/taxes/tax-rates) and reports an integer tax amount per line and
 * rate (the invoice line item's `taxes`, API reference); the invoice's taxes are the sum of
 * those line amounts (`total_taxes`). The rounding of each line's amount to a whole cent is
 * not spelled out there: the stand-in rounds to the nearest cent, halves away from zero.
 * An exclusive rate adds amount × p %; an inclusive rate is the part p / (100 + p) of the
 * amount that already contains it.
 */
export function taxOnLine(amount: number, rate: Pick<Stripe.TaxRate, 'percentage' | 'inclusive'>) {
  const perMillion = BigInt(Math.round(rate.percentage * Number(PERCENT_SCALE)));
  const hundredPercent = 100n * PERCENT_SCALE;
  const denominator = rate.inclusive ? hundredPercent + perMillion : hundredPercent;
  return roundedQuotient(BigInt(amount) * perMillion, denominator);
}

/** The `taxes` of a line (and of a credit note line): one entry per tax rate. */
export function lineTaxes(amount: number, rates: Stripe.TaxRate[]): LineTax[] {
  return rates.map((rate) => ({
    amount: taxOnLine(amount, rate),
    tax_behavior: rate.inclusive ? 'inclusive' : 'exclusive',
    tax_rate_details: { tax_rate: rate.id },
    taxability_reason: 'standard_rated',
    taxable_amount: rate.inclusive ? amount - taxOnLine(amount, rate) : amount,
    type: 'tax_rate_details',
  }));
}

export interface TaxedTotals {
  subtotal: number;
  /** Tax added on top (exclusive rates). */
  exclusiveTax: number;
  /** Tax already inside the amounts (inclusive rates). */
  inclusiveTax: number;
  total: number;
  totalTaxes: Stripe.Invoice.TotalTax[];
}

/** Sums lines into an invoice's or credit note's totals, with taxes aggregated per rate. */
export function sumTaxedLines(lines: { amount: number; taxes: LineTax[] | null }[]): TaxedTotals {
  const perRate = new Map<string, Stripe.Invoice.TotalTax>();
  let subtotal = 0;
  let exclusiveTax = 0;
  let inclusiveTax = 0;
  for (const line of lines) {
    subtotal += line.amount;
    for (const tax of line.taxes ?? []) {
      if (tax.tax_behavior === 'inclusive') inclusiveTax += tax.amount;
      else exclusiveTax += tax.amount;
      const key = tax.tax_rate_details?.tax_rate ?? '';
      const sum = perRate.get(key);
      if (sum) {
        sum.amount += tax.amount;
        sum.taxable_amount = (sum.taxable_amount ?? 0) + (tax.taxable_amount ?? 0);
      } else {
        perRate.set(key, { ...tax });
      }
    }
  }
  return {
    subtotal,
    exclusiveTax,
    inclusiveTax,
    total: subtotal + exclusiveTax,
    totalTaxes: [...perRate.values()],
  };
}
