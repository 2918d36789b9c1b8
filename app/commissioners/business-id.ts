/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The check digit
 * is 11 minus the weighted sum (weights 7, 9, 10, 5, 8, 4, 2) modulo 11; a remainder of 0
 * gives 0 and a remainder of 1 is never issued. Old six-digit IDs are written with a
 * leading zero.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export function businessIdCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) return null;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(sevenDigits[i]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** The canonical form `1234567-8`, or null when the input is not a valid Y-tunnus. */
export function normaliseBusinessId(input: string): string | null {
  const match = /^(\d{6,7})-?(\d)$/.exec(input.replace(/\s+/g, ''));
  if (!match?.[1] || match[2] === undefined) return null;
  const digits = match[1].padStart(7, '0');
  return businessIdCheckDigit(digits) === Number(match[2]) ? `${digits}-${match[2]}` : null;
}
