import { describe, expect, it } from 'vitest';

import { businessIdCheckDigit, normaliseBusinessId } from './business-id';

describe('Y-tunnus', () => {
  it('computes the check digit with the weights 7, 9, 10, 5, 8, 4, 2', () => {
    // 0·7 + 1·9 + 1·10 + 2·5 + 0·8 + 3·4 + 8·2 = 57; 57 mod 11 = 2; 11 − 2 = 9.
    expect(businessIdCheckDigit('0112038')).toBe(9);
    // 2·9 + 4·10 + 5·5 + 4·8 + 3·4 + 7·2 = 141; 141 mod 11 = 9 → 2.
    expect(businessIdCheckDigit('0245437')).toBe(2);
    // 1·7 + 1·4 = 11 → remainder 0 → check digit 0.
    expect(businessIdCheckDigit('1000010')).toBe(0);
    // 3·4 = 12 → remainder 1: no business ID is issued with these digits.
    expect(businessIdCheckDigit('0000030')).toBeNull();
  });

  it('accepts valid IDs in the usual spellings and writes them canonically', () => {
    expect(normaliseBusinessId('0112038-9')).toBe('0112038-9');
    expect(normaliseBusinessId(' 0112038 - 9 ')).toBe('0112038-9');
    expect(normaliseBusinessId('01120389')).toBe('0112038-9');
    expect(normaliseBusinessId('1000010-0')).toBe('1000010-0');
    // An old six-digit ID is the same ID with a leading zero.
    expect(normaliseBusinessId('245437-2')).toBe('0245437-2');
  });

  it('refuses a wrong check digit and anything that is not shaped like a Y-tunnus', () => {
    expect(normaliseBusinessId('0112038-8')).toBeNull();
    expect(normaliseBusinessId('0000030-0')).toBeNull();
    expect(normaliseBusinessId('0112038')).toBeNull();
    expect(normaliseBusinessId('A112038-9')).toBeNull();
    expect(normaliseBusinessId('12345678-9')).toBeNull();
    expect(normaliseBusinessId('')).toBeNull();
  });
});
