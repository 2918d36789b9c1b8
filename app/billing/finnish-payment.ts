/**
 * Paying a Finnish invoice: the reference number (viitenumero) and its RF form, the payee's
 * IBAN, and the virtual barcode (virtuaaliviivakoodi) that a payer's bank reads all of them
 * from. Pure functions, no server code: invoices, pages and e-mails use the same ones.
 *
 * Sources: Finance Finland's guides to the national reference (7-3-1 check digit) and to the
 * bank barcode (Pankkiviivakoodi-opas, versions 4 and 5), ISO 11649 for the RF reference.
 * Checking and formatting go through `finnish-bank-utils`; what it does not do, or does
 * wrongly, is written here with the reason beside it.
 */
import bankUtils from 'finnish-bank-utils';

import { isLocalDate, type LocalDate } from '~/time/helsinki';

const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();
const withoutLeadingZeros = (digits: string) => digits.replace(/^0+/, '');

/**
 * A national reference is a base of 3–19 digits and one check digit. Leading zeros carry no
 * meaning (banks drop them), so they do not count towards the minimum.
 */
const MIN_BASE_DIGITS = 3;
const MAX_BASE_DIGITS = 19;

/**
 * The viitenumero of a base: the base's digits followed by the 7-3-1 check digit (weights 7,
 * 3, 1, … from the right; the check digit is what brings the sum to the next multiple of ten).
 * Throws a RangeError for a base that is not 3–19 significant digits.
 */
export function referenceNumber(base: string | number): string {
  const digits = typeof base === 'number' ? integerDigits(base) : base.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) throw new RangeError(`a reference base has digits only: ${base}`);
  const significant = withoutLeadingZeros(digits);
  if (significant.length < MIN_BASE_DIGITS || significant.length > MAX_BASE_DIGITS) {
    throw new RangeError(`a reference base has 3–19 significant digits: ${base}`);
  }
  return bankUtils.generateFinnishRefNumber(significant);
}

/**
 * The viitenumero of an invoice, made from its sequential number (ADR 017). Numbers start at
 * 1, and a base needs three significant digits, so the number cannot be the base as it is.
 * Padding with zeros would not help (leading zeros are not significant), and prefixing only
 * the short numbers would give invoice 1 and invoice 1001 the same base. So every invoice
 * number gets the same treatment: a leading 1 and the number padded to three digits —
 * invoice 1 → base 1001 → 10016, invoice 1234 → base 11234 → 112341. Every invoice
 * number maps to its own reference, and the number can still be read inside it.
 */
export function invoiceReferenceNumber(invoiceNumber: number): string {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber < 1) {
    throw new RangeError(`an invoice number is a positive integer: ${invoiceNumber}`);
  }
  return referenceNumber(`1${String(invoiceNumber).padStart(3, '0')}`);
}

/** A national viitenumero (whitespace allowed) with at least four significant digits. */
export function isValidReferenceNumber(input: string): boolean {
  const digits = compact(input);
  return (
    /^\d{4,20}$/.test(digits) &&
    withoutLeadingZeros(digits).length > MIN_BASE_DIGITS &&
    bankUtils.isValidFinnishRefNumber(digits)
  );
}

/**
 * The RF creditor reference (ISO 11649) of a national viitenumero: RF, two check digits,
 * the reference. `finnish-bank-utils` checks RF references but cannot make one, so the
 * check digits are computed here: move "RF00" to the end, turn letters into numbers (R = 27,
 * F = 15), take the remainder modulo 97, and subtract it from 98.
 */
export function rfReference(viitenumero: string): string {
  if (!isValidReferenceNumber(viitenumero)) {
    throw new RangeError(`not a valid viitenumero: ${viitenumero}`);
  }
  const reference = withoutLeadingZeros(compact(viitenumero));
  const remainder = BigInt(`${reference}271500`) % 97n;
  return `RF${String(98n - remainder).padStart(2, '0')}${reference}`;
}

/**
 * An RF reference that carries a Finnish viitenumero (RF, check digits, 4–20 digits, both
 * check digits right). ISO 11649 also allows letters (RF97 C2H5OH); such references are
 * refused here, since the Finnish barcode and Finnish banks carry digits only.
 */
export function isValidRfReference(input: string): boolean {
  const reference = compact(input);
  const match = /^RF\d{2}(\d{4,20})$/.exec(reference);
  return (
    match?.[1] !== undefined &&
    isValidReferenceNumber(match[1]) &&
    bankUtils.isValidFinnishRefNumber(reference)
  );
}

/**
 * A reference as it is printed: national ones in groups of five from the right
 * (1 23118 06525 26617), as the Finnish guide has it; RF ones in groups of four from the left
 * (RF34 1234 561), as ISO 11649 has it. Leading zeros are dropped.
 */
export function formatReference(reference: string): string {
  const valid = isValidReferenceNumber(reference) || isValidRfReference(reference);
  const formatted = valid ? bankUtils.formatFinnishRefNumber(compact(reference)) : undefined;
  if (formatted === undefined) throw new RangeError(`not a valid reference: ${reference}`);
  return formatted;
}

/**
 * A Finnish IBAN as it is stored: FI and 16 digits without spaces, or null when the input
 * is not one (both the IBAN and the account number check digits are verified). Only Finnish
 * accounts are accepted: the virtual barcode has room for a Finnish IBAN only, and a practice
 * paid to a foreign account could not print one.
 */
export function normaliseIban(input: string): string | null {
  const iban = compact(input);
  return bankUtils.isValidFinnishIBAN(iban) ? iban : null;
}

/** FI90 8000 2627 7613 48: the printed form, in groups of four. */
export function formatIban(iban: string): string {
  const formatted = bankUtils.formatFinnishIBAN(iban);
  if (formatted === undefined) throw new RangeError('not a valid Finnish IBAN');
  return formatted;
}

export interface VirtualBarcodeInput {
  /** The payee's Finnish IBAN. */
  iban: string;
  amountCents: number;
  /** A national viitenumero (version 4) or an RF reference (version 5). */
  reference: string;
  /** The due date in Helsinki, or null for none. */
  dueDate: LocalDate | null;
}

/** The largest amount the barcode's 6 + 2 digits can hold: 999 999,99 €. */
export const MAX_BARCODE_CENTS = 99_999_999;

/**
 * The 54-digit virtual barcode (virtuaaliviivakoodi) that a payer types or scans into their
 * bank: version 4 for a national reference, 5 for an RF reference.
 *
 *   v4: 4 | IBAN digits (16) | euros (6) | cents (2) | 000 | reference (20) | YYMMDD
 *   v5: 5 | IBAN digits (16) | euros (6) | cents (2) | RF check (2) | reference (21) | YYMMDD
 *
 * As the barcode guide says, an amount over 999 999,99 € is written as zeros (the payer
 * types the amount), and so is a missing due date; a date outside 2000–2099, which two
 * year digits cannot express, is treated as missing. Composed here rather than by
 * `finnish-bank-utils`: it takes the amount as a JavaScript number and computes the cents
 * with floating point (0.29 € becomes "28.999999999999996" cents and a 70-character code),
 * and it refuses large amounts instead of writing zeros.
 */
export function virtualBarcode({ iban, amountCents, reference, dueDate }: VirtualBarcodeInput) {
  const account = normaliseIban(iban);
  if (!account) throw new RangeError('the barcode needs a valid Finnish IBAN');
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new RangeError(`an amount is a non-negative whole number of cents: ${amountCents}`);
  }
  const amount = amountCents > MAX_BARCODE_CENTS ? 0 : amountCents;
  const euros = String(Math.floor(amount / 100)).padStart(6, '0');
  const cents = String(amount % 100).padStart(2, '0');
  const date = barcodeDate(dueDate);
  const ibanDigits = account.slice(2);

  if (isValidReferenceNumber(reference)) {
    const digits = withoutLeadingZeros(compact(reference)).padStart(20, '0');
    return `4${ibanDigits}${euros}${cents}000${digits}${date}`;
  }
  if (isValidRfReference(reference)) {
    const rf = compact(reference);
    const digits = withoutLeadingZeros(rf.slice(4)).padStart(21, '0');
    return `5${ibanDigits}${euros}${cents}${rf.slice(2, 4)}${digits}${date}`;
  }
  throw new RangeError(`not a valid reference: ${reference}`);
}

function barcodeDate(dueDate: LocalDate | null): string {
  if (dueDate === null) return '000000';
  if (!isLocalDate(dueDate)) throw new RangeError(`not a date: ${dueDate}`);
  if (!dueDate.startsWith('20')) return '000000';
  return `${dueDate.slice(2, 4)}${dueDate.slice(5, 7)}${dueDate.slice(8, 10)}`;
}

function integerDigits(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`a reference base is a non-negative integer: ${value}`);
  }
  return String(value);
}
