/**
 * Types for the parts of `finnish-bank-utils` 1.3 that Ohjaamo uses; the package ships none.
 * Written from its source (src/finnish-bank-utils.js): every function accepts anything and
 * answers false or undefined for what it cannot read, so the inputs are typed as strings and
 * the "cannot" answers are part of each return type.
 */
declare module 'finnish-bank-utils' {
  /** What `parseFinnishVirtualBarCode` reads back: formatted IBAN and reference, d.M.yyyy date. */
  interface ParsedVirtualBarCode {
    iban: string | undefined;
    /** Euros as a JavaScript number (e.g. 482.99): for reading only, never for arithmetic. */
    sum: number;
    reference: string | undefined;
    date: string | undefined;
  }

  interface FinnishBankUtils {
    /** A national viitenumero (4–20 digits) or its RF form; whitespace is allowed. */
    isValidFinnishRefNumber(refNumber: string): boolean;
    /** A Finnish IBAN (FI + 16 digits) with valid IBAN and account check digits. */
    isValidFinnishIBAN(iban: string): boolean;
    /** National references in groups of five from the right, RF ones in groups of four. */
    formatFinnishRefNumber(refNumber: string, separator?: string): string | undefined;
    /** In groups of four: FI90 8000 2627 7613 48. */
    formatFinnishIBAN(iban: string, separator?: string): string | undefined;
    /** The base followed by its 7-3-1 check digit; the base is not validated. */
    generateFinnishRefNumber(base: string): string;
    /** A random valid Finnish IBAN (for tests). */
    generateFinnishIBAN(): string;
    /** Reads a version 4 or 5 virtual barcode; false when it is not one. */
    parseFinnishVirtualBarCode(barCode: string): ParsedVirtualBarCode | false;
  }

  const utils: Readonly<FinnishBankUtils>;
  export default utils;
}
