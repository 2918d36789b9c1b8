import { describe, expect, it } from 'vitest';

import { centsToEuros, eurosToCents, formatMoney } from './cents';

describe('money in integer cents', () => {
  it('reads euros as people type them, a Finnish comma included', () => {
    expect(eurosToCents('150')).toBe(15_000);
    expect(eurosToCents('150,50')).toBe(15_050);
    expect(eurosToCents('150,5')).toBe(15_050);
    expect(eurosToCents('1 500,00 €')).toBe(150_000);
    expect(eurosToCents('1\u00a0234,50\u00a0€')).toBe(123_450);
    expect(eurosToCents('150.25')).toBe(15_025);
  });

  it('refuses what is no amount: negative, a third decimal, words, seven digits', () => {
    for (const bad of ['-5', '150,505', 'sata', '', '1234567', '1,2,3']) {
      expect(eurosToCents(bad), bad).toBeNull();
    }
  });

  it('writes cents back as the form shows them, so an edit reads the same amount again', () => {
    expect(centsToEuros(15_050)).toBe('150,50');
    expect(centsToEuros(15_000)).toBe('150');
    expect(centsToEuros(15_005)).toBe('150,05');
    expect(centsToEuros(0)).toBe('0');
    for (const cents of [0, 1, 99, 15_050, 99_999_999]) {
      expect(eurosToCents(centsToEuros(cents))).toBe(cents);
    }
  });

  it('shows money in Finnish as 1 234,50 € and in English as €1,234.50', () => {
    expect(formatMoney(123_450, 'fi')).toBe('1\u00a0234,50\u00a0€');
    expect(formatMoney(9_900, 'en')).toBe('€99.00');
    expect(formatMoney(123_450, 'en')).toBe('€1,234.50');
  });
});
