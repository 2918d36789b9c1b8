import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  type InvoiceTotals,
  invoiceTotals,
  lineVat,
  MAX_LINE_CENTS,
  ratePercentage,
  type VatGroup,
  type VatLine,
} from './vat';

const EXEMPT_REASONS = [
  'Arvonlisäverolain 34 §:n mukainen terveyden- ja sairaanhoitopalvelu',
  'Vähäinen toiminta, arvonlisäverolain 3 §',
];

const rate = fc.oneof(
  fc.constantFrom(2550, 1400, 1000, 0, 2400),
  fc.integer({ min: 0, max: 10_000 }),
);
// Mostly session prices; whole euros (at 25.5 % an odd number of them ends in half a cent);
// now and then a credit (negative) or a very large amount.
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -2_000, max: 2_000 }).map((euros) => euros * 100) },
  { weight: 1, arbitrary: fc.integer({ min: -200_000, max: -1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000_000_000 }) },
);
const line: fc.Arbitrary<VatLine> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ amountCents: amount, rateBasisPoints: rate }) },
  {
    weight: 1,
    arbitrary: fc.record({
      amountCents: amount,
      rateBasisPoints: fc.constant(null),
      exemptReason: fc.constantFrom(...EXEMPT_REASONS),
    }),
  },
);
const lines = fc.array(line, { maxLength: 40 });

/**
 * Stripe's side of the same invoice, computed independently of vat.ts: the tax rate is the
 * decimal percentage we send when creating the tax rate object (25.5), each line item's tax
 * is amount × percentage / 100 rounded to the cent half away from zero, worked out exactly
 * with BigInt from that decimal; the invoice sums the line items' taxes per tax rate, and
 * its total is subtotal + tax.
 */
function stripeLineTax(amountCents: number, percentage: number): number {
  const [whole = '0', fraction = ''] = String(percentage).split('.');
  const numerator = BigInt(amountCents) * BigInt(whole + fraction);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded =
    magnitude / denominator + (2n * (magnitude % denominator) >= denominator ? 1n : 0n);
  return Number(numerator < 0n ? -rounded : rounded);
}

function stripeInvoice(invoiceLines: readonly VatLine[]) {
  const taxByRate = new Map<string, number>();
  let subtotal = 0;
  let tax = 0;
  for (const item of invoiceLines) {
    subtotal += item.amountCents;
    // An exempt line is an invoice item without a tax rate.
    if (item.rateBasisPoints === null) continue;
    const percentage = ratePercentage(item.rateBasisPoints);
    const itemTax = stripeLineTax(item.amountCents, percentage);
    tax += itemTax;
    taxByRate.set(String(percentage), (taxByRate.get(String(percentage)) ?? 0) + itemTax);
  }
  return { subtotal, tax, total: subtotal + tax, taxByRate };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Everything but the order of the lines, which follows the input. */
function summary(totals: InvoiceTotals): Omit<InvoiceTotals, 'lines'> {
  const { subtotalCents, vatByRate, vatCents, totalCents } = totals;
  return { subtotalCents, vatByRate, vatCents, totalCents };
}

describe('VAT of a line', () => {
  it('rounds to the nearest cent, half away from zero', () => {
    expect(lineVat(15_000, 2550)).toBe(3_825); // 150,00 € → 38,25 €
    expect(lineVat(100, 2550)).toBe(26); // 25,5 cents → 26
    expect(lineVat(-100, 2550)).toBe(-26); // a credit rounds like its twin
    expect(lineVat(1, 2550)).toBe(0); // 0,255 cents
    expect(lineVat(2, 2550)).toBe(1); // 0,51 cents
    expect(lineVat(9_900, 1400)).toBe(1_386);
    expect(lineVat(12_345, 0)).toBe(0);
    expect(lineVat(12_345, null)).toBe(0);
  });

  it('stays exact for the largest amounts it accepts', () => {
    // 9 007 199 254,74 €: amount × rate still fits the integers a number holds exactly.
    expect(MAX_LINE_CENTS).toBe(900_719_925_474);
    for (const rateBasisPoints of [9_999, 2_550, 10_000]) {
      expect(lineVat(MAX_LINE_CENTS, rateBasisPoints)).toBe(
        stripeLineTax(MAX_LINE_CENTS, ratePercentage(rateBasisPoints)),
      );
      expect(lineVat(-MAX_LINE_CENTS, rateBasisPoints)).toBe(
        stripeLineTax(-MAX_LINE_CENTS, ratePercentage(rateBasisPoints)),
      );
    }
    expect(() => lineVat(MAX_LINE_CENTS + 1, 2_550)).toThrow(RangeError);
  });

  it('refuses what is not money or not a rate', () => {
    expect(() => lineVat(10.5, 2550)).toThrow(RangeError);
    expect(() => lineVat(Number.NaN, 2550)).toThrow(RangeError);
    expect(() => lineVat(100, 25.5)).toThrow(RangeError);
    expect(() => lineVat(100, -1)).toThrow(RangeError);
    expect(() => lineVat(100, 10_001)).toThrow(RangeError);
  });
});

describe('invoice totals', () => {
  it('groups VAT per rate, highest first, exempt last with its reasons', () => {
    const totals = invoiceTotals([
      { amountCents: 15_000, rateBasisPoints: 2550 },
      { amountCents: 9_000, rateBasisPoints: null, exemptReason: EXEMPT_REASONS[0] ?? '' },
      { amountCents: 10_000, rateBasisPoints: 1400 },
      { amountCents: 15_000, rateBasisPoints: 2550 },
    ]);
    expect(summary(totals)).toEqual({
      subtotalCents: 49_000,
      vatByRate: [
        { rateBasisPoints: 2550, baseCents: 30_000, vatCents: 7_650 },
        { rateBasisPoints: 1400, baseCents: 10_000, vatCents: 1_400 },
        {
          rateBasisPoints: null,
          baseCents: 9_000,
          vatCents: 0,
          exemptReasons: [EXEMPT_REASONS[0]],
        },
      ],
      vatCents: 9_050,
      totalCents: 58_050,
    });
    expect(invoiceTotals([])).toEqual({
      lines: [],
      subtotalCents: 0,
      vatByRate: [],
      vatCents: 0,
      totalCents: 0,
    });
  });

  it('matches the worked example Stripe publishes for tax on invoice line items', () => {
    // support.stripe.com/questions/rounding-rules-for-stripe-fees: two line items at 15 %,
    // 0,43 $ → 0,0645 → 0,06 and 4,84 $ → 0,7265 → 0,73; tax 0,79, subtotal 5,27, total 6,06.
    const totals = invoiceTotals([
      { amountCents: 43, rateBasisPoints: 1500 },
      { amountCents: 484, rateBasisPoints: 1500 },
    ]);
    expect(totals.lines.map((l) => l.vatCents)).toEqual([6, 73]);
    expect(summary(totals)).toEqual({
      subtotalCents: 527,
      vatByRate: [{ rateBasisPoints: 1500, baseCents: 527, vatCents: 79 }],
      vatCents: 79,
      totalCents: 606,
    });
  });

  it('refuses an exempt line without its reason', () => {
    expect(() =>
      invoiceTotals([{ amountCents: 100, rateBasisPoints: null, exemptReason: '  ' }]),
    ).toThrow(RangeError);
  });

  it('holds only whole cents that add up: total = subtotal + VAT, bases = subtotal', () => {
    fc.assert(
      fc.property(lines, (invoiceLines) => {
        const totals = invoiceTotals(invoiceLines);
        const numbers = [
          totals.subtotalCents,
          totals.vatCents,
          totals.totalCents,
          ...totals.lines.map((l) => l.vatCents),
          ...totals.vatByRate.flatMap((g) => [g.baseCents, g.vatCents]),
        ];
        for (const n of numbers) expect(Number.isSafeInteger(n)).toBe(true);
        expect(totals.totalCents).toBe(totals.subtotalCents + totals.vatCents);
        expect(sum(totals.vatByRate.map((g) => g.baseCents))).toBe(totals.subtotalCents);
        expect(sum(totals.vatByRate.map((g) => g.vatCents))).toBe(totals.vatCents);
        expect(sum(totals.lines.map((l) => l.vatCents))).toBe(totals.vatCents);
        const rates = totals.vatByRate.map((g) => g.rateBasisPoints ?? -1);
        expect(rates).toEqual([...rates].sort((a, b) => b - a));
        expect(new Set(rates).size).toBe(rates.length);
      }),
      { numRuns: 500 },
    );
  });

  it('matches what Stripe computes for the same lines, per line, per rate and in total', () => {
    fc.assert(
      fc.property(lines, (invoiceLines) => {
        const ours = invoiceTotals(invoiceLines);
        const stripe = stripeInvoice(invoiceLines);
        expect(ours.subtotalCents).toBe(stripe.subtotal);
        expect(ours.vatCents).toBe(stripe.tax);
        expect(ours.totalCents).toBe(stripe.total);
        for (const group of ours.vatByRate) {
          if (group.rateBasisPoints === null) continue;
          expect(group.vatCents).toBe(
            stripe.taxByRate.get(String(ratePercentage(group.rateBasisPoints))),
          );
        }
        ours.lines.forEach((l) => {
          const expected =
            l.rateBasisPoints === null
              ? 0
              : stripeLineTax(l.amountCents, ratePercentage(l.rateBasisPoints));
          expect(l.vatCents).toBe(expected);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('does not change when the lines come in another order', () => {
    const shuffled = lines.chain((original) =>
      fc.tuple(
        fc.constant(original),
        fc.shuffledSubarray(original, { minLength: original.length, maxLength: original.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([original, reordered]) => {
        expect(summary(invoiceTotals(reordered))).toEqual(summary(invoiceTotals(original)));
      }),
    );
  });

  it('gives exempt lines no VAT and keeps each one’s reason', () => {
    fc.assert(
      fc.property(lines, (invoiceLines) => {
        const totals = invoiceTotals(invoiceLines);
        const group = totals.vatByRate.find(
          (g): g is Extract<VatGroup, { rateBasisPoints: null }> => g.rateBasisPoints === null,
        );
        let exemptLines = 0;
        for (const l of totals.lines) {
          if (l.rateBasisPoints !== null) continue;
          exemptLines += 1;
          expect(l.vatCents).toBe(0);
          expect(group?.exemptReasons).toContain(l.exemptReason);
        }
        expect(group === undefined).toBe(exemptLines === 0);
      }),
    );
  });

  it('bills sessions one per line, so their VAT never drifts; one merged line would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 500_000 }),
        rate,
        (sessions, unitCents, rateBasisPoints) => {
          const separate = invoiceTotals(
            Array.from({ length: sessions }, () => ({ amountCents: unitCents, rateBasisPoints })),
          );
          expect(separate.vatCents).toBe(sessions * lineVat(unitCents, rateBasisPoints));
          expect(separate.subtotalCents).toBe(sessions * unitCents);
          // The bound documented in vat.ts, were the sessions ever put on one line.
          const merged = lineVat(sessions * unitCents, rateBasisPoints);
          expect(Math.abs(merged - separate.vatCents)).toBeLessThanOrEqual((sessions + 1) / 2);
        },
      ),
    );
  });
});
