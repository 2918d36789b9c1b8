import { describe, expect, it } from 'vitest';

import {
  businessIdCheckDigit,
  normaliseBusinessId,
  normaliseVatNumber,
  vatNumberOf,
} from './business-ids';

/**
 * Business IDs of real Finnish companies, as the Finnish Business Information System (YTJ)
 * publishes them: Nokia Oyj, Kesko Oyj, and the examples in finnish-business-ids' own suite.
 */
const PUBLISHED_IDS = [
  '0112038-9',
  '0109862-8',
  '1790235-0',
  '1643256-1',
  '0114162-2',
  '1633241-3',
  '2617416-4',
  '1629284-5',
  '1008663-7',
  '1837954-9',
];

/** The same ID with every other check digit: exactly one digit can be right. */
const otherCheckDigits = (id: string) =>
  Array.from({ length: 10 }, (_, d) => `${id.slice(0, 8)}${d}`).filter((other) => other !== id);

describe('Y-tunnus', () => {
  it('accepts the published IDs and refuses each of them with any other check digit', () => {
    for (const id of PUBLISHED_IDS) {
      expect(normaliseBusinessId(id), id).toBe(id);
      for (const other of otherCheckDigits(id))
        expect(normaliseBusinessId(other), other).toBeNull();
    }
  });

  it('has no check digit for seven digits whose remainder is 1', () => {
    // 3·4 = 12, 12 mod 11 = 1: no ID is issued with these digits.
    expect(businessIdCheckDigit('0000030')).toBeNull();
    expect(businessIdCheckDigit('1375045')).toBeNull();
    expect(normaliseBusinessId('1375045-1')).toBeNull();
    expect(businessIdCheckDigit('123456')).toBeNull();
    expect(businessIdCheckDigit('123456a')).toBeNull();
  });

  it('forgives spaces, a missing hyphen and the missing zero of an old six-digit ID', () => {
    expect(normaliseBusinessId(' 0112038 - 9 ')).toBe('0112038-9');
    expect(normaliseBusinessId('01120389')).toBe('0112038-9');
    expect(normaliseBusinessId('112038-9')).toBe('0112038-9');
    expect(normaliseBusinessId('FI01120389')).toBeNull();
  });
});

describe('ALV-tunniste (Finnish VAT number)', () => {
  it('is FI and the business ID’s eight digits, and only that', () => {
    for (const id of PUBLISHED_IDS) {
      const vat = vatNumberOf(id);
      expect(vat).toMatch(/^FI\d{8}$/);
      expect(normaliseVatNumber(vat), vat).toBe(vat);
      for (const other of otherCheckDigits(id)) {
        expect(normaliseVatNumber(vatNumberOf(other)), other).toBeNull();
      }
    }
    expect(vatNumberOf('0112038-9')).toBe('FI01120389');
  });

  it('forgives spaces, a hyphen and lower case, but not a missing FI', () => {
    expect(normaliseVatNumber('fi 0112 0389')).toBe('FI01120389');
    expect(normaliseVatNumber('FI0112038-9')).toBe('FI01120389');
    expect(normaliseVatNumber('0112038-9')).toBeNull();
    expect(normaliseVatNumber('01120389')).toBeNull();
    expect(normaliseVatNumber('SE01120389')).toBeNull();
    expect(normaliseVatNumber('FI011203899')).toBeNull();
    expect(normaliseVatNumber('')).toBeNull();
  });
});
