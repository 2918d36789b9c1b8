/**
 * VAT on an invoice, in integer cents (ADR 017, point 3). Rates are basis points (2550 =
 * 25.5 %), as contracts store them.
 *
 * VAT is computed per line and rounded to the cent, half away from zero, then summed: this
 * is how Stripe computes exclusive tax rates on invoice line items (its support article on
 * rounding rules works through two line items this way, vat.test.ts repeats it), so our
 * invoice and the one Stripe finalises carry the same VAT to the cent; the local Stripe
 * stand-in follows the same rule. A line is one session (one unit at the contract's price): there is no
 * quantity, so a line's VAT never depends on how sessions were grouped. Were n sessions ever
 * put on one line, its VAT could differ from theirs as separate lines by at most (n + 1) / 2
 * cents, each rounding being off by at most half a cent (vat.test.ts checks that bound).
 */

/** A line taxed at a rate (0–10 000 basis points; 0 is a zero rate, not an exemption). */
export interface TaxedLine {
  amountCents: number;
  rateBasisPoints: number;
}

/** A VAT-exempt line: no VAT, and the legal reason the invoice must print for it. */
export interface ExemptLine {
  amountCents: number;
  rateBasisPoints: null;
  exemptReason: string;
}

export type VatLine = TaxedLine | ExemptLine;

export type VatGroup =
  | { rateBasisPoints: number; baseCents: number; vatCents: number }
  | { rateBasisPoints: null; baseCents: number; vatCents: 0; exemptReasons: string[] };

export interface InvoiceTotals {
  /** The lines as given, each with its own VAT. */
  lines: (VatLine & { vatCents: number })[];
  subtotalCents: number;
  /** One group per rate, the highest rate first and the exempt lines last. */
  vatByRate: VatGroup[];
  vatCents: number;
  totalCents: number;
}

const BASIS = 10_000;
/** Beyond this, amount × rate could leave the integers a JavaScript number holds exactly. */
export const MAX_LINE_CENTS = Math.floor(Number.MAX_SAFE_INTEGER / BASIS);

/**
 * One line's VAT in cents: amount × rate, rounded to the cent, half away from zero (a
 * negative amount, such as a credit, rounds the same way as its positive twin). No VAT on an
 * exempt line (`null` rate).
 */
export function lineVat(amountCents: number, rateBasisPoints: number | null): number {
  assertAmount(amountCents);
  if (rateBasisPoints === null) return 0;
  assertRate(rateBasisPoints);
  // Whole numbers throughout, so whether a remainder is half a cent is decided exactly.
  const exact = Math.abs(amountCents) * rateBasisPoints;
  const remainder = exact % BASIS;
  const whole = (exact - remainder) / BASIS;
  const rounded = remainder * 2 >= BASIS ? whole + 1 : whole;
  // Never -0: a credit of a fraction of a cent has no VAT, not negative-zero VAT.
  return amountCents < 0 && rounded > 0 ? -rounded : rounded;
}

/** An invoice's subtotal, VAT per rate, VAT and total, all in cents, from its lines. */
export function invoiceTotals(lines: readonly VatLine[]): InvoiceTotals {
  const taxed = new Map<number, { baseCents: number; vatCents: number }>();
  const exempt = { baseCents: 0, reasons: new Set<string>(), any: false };
  const withVat = lines.map((line) => {
    const vatCents = lineVat(line.amountCents, line.rateBasisPoints);
    if (line.rateBasisPoints === null) {
      const reason = line.exemptReason.trim();
      if (!reason) throw new RangeError('an exempt line needs the reason for the exemption');
      exempt.any = true;
      exempt.baseCents += line.amountCents;
      exempt.reasons.add(reason);
    } else {
      const group = taxed.get(line.rateBasisPoints) ?? { baseCents: 0, vatCents: 0 };
      group.baseCents += line.amountCents;
      group.vatCents += vatCents;
      taxed.set(line.rateBasisPoints, group);
    }
    return { ...line, vatCents };
  });

  const vatByRate: VatGroup[] = [...taxed.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBasisPoints, group]) => ({ rateBasisPoints, ...group }));
  if (exempt.any) {
    vatByRate.push({
      rateBasisPoints: null,
      baseCents: exempt.baseCents,
      vatCents: 0,
      exemptReasons: [...exempt.reasons].sort(),
    });
  }
  const subtotalCents = withVat.reduce((sum, line) => sum + line.amountCents, 0);
  const vatCents = withVat.reduce((sum, line) => sum + line.vatCents, 0);
  return {
    lines: withVat,
    subtotalCents,
    vatByRate,
    vatCents,
    totalCents: subtotalCents + vatCents,
  };
}

/** The rate as Stripe's tax rate objects take it, a percentage: 2550 → 25.5. */
export function ratePercentage(rateBasisPoints: number): number {
  assertRate(rateBasisPoints);
  return rateBasisPoints / 100;
}

function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || Math.abs(amountCents) > MAX_LINE_CENTS) {
    throw new RangeError(`an amount is a whole number of cents: ${amountCents}`);
  }
}

function assertRate(rateBasisPoints: number): void {
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > BASIS) {
    throw new RangeError(`a VAT rate is 0–10 000 basis points: ${rateBasisPoints}`);
  }
}
