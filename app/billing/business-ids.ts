/**
 * Finnish business IDs (Y-tunnus) and VAT numbers (ALV-tunniste), checked by
 * `finnish-business-ids`. The rules live here once; commissioners and the practice's own
 * invoicing details both use them.
 *
 * A Y-tunnus is seven digits, a hyphen and a check digit: 11 minus the weighted sum of the
 * digits (weights 7, 9, 10, 5, 8, 4, 2) modulo 11, 0 when the remainder is 0; a remainder
 * of 1 is never issued. Old six-digit IDs are written with a leading zero. A Finnish VAT
 * number is FI and the same eight digits without the hyphen.
 */
import { FinnishBusinessIds } from 'finnish-business-ids';

/** The check digit of seven digits, or null when no business ID has them. */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  // The library sums whatever it is given, so the shape is checked first.
  if (!/^\d{7}$/.test(sevenDigits)) return null;
  const checkDigit = FinnishBusinessIds.calculateChecksum(sevenDigits);
  return checkDigit < 0 ? null : checkDigit;
}

/**
 * The canonical form `1234567-8`, or null when the input is not a valid Y-tunnus. Spaces
 * and a missing hyphen are forgiven; a six-digit ID gets its leading zero.
 */
export function normaliseBusinessId(input: string): string | null {
  const match = /^(\d{6,7})-?(\d)$/.exec(input.replace(/\s+/g, ''));
  if (!match?.[1] || match[2] === undefined) return null;
  const canonical = `${match[1].padStart(7, '0')}-${match[2]}`;
  return FinnishBusinessIds.isValidBusinessId(canonical) ? canonical : null;
}

/**
 * The canonical form `FI12345678`, or null when the input is not a valid Finnish VAT number.
 * Spaces, a hyphen before the check digit and a lower-case prefix are forgiven; the FI prefix
 * is not optional, so a Y-tunnus typed into the VAT field is not silently taken for one.
 */
export function normaliseVatNumber(input: string): string | null {
  const match = /^FI(\d{7})-?(\d)$/.exec(input.replace(/\s+/g, '').toUpperCase());
  if (!match?.[1] || match[2] === undefined) return null;
  const canonical = `FI${match[1]}${match[2]}`;
  return FinnishBusinessIds.isValidVatNumber(canonical) ? canonical : null;
}

/** The VAT number that belongs to a (canonical) Y-tunnus: 0112038-9 → FI01120389. */
export function vatNumberOf(businessId: string): string {
  return `FI${businessId.replace('-', '')}`;
}
