import { describe, expect, it } from 'vitest';

import { monthPeriod, previousMonth } from './period';

describe('invoice run periods', () => {
  it('are calendar months, leap days and year ends included', () => {
    expect(monthPeriod('2027-03')).toEqual({ start: '2027-03-01', end: '2027-03-31' });
    expect(monthPeriod('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthPeriod('2027-12')).toEqual({ start: '2027-12-01', end: '2027-12-31' });
    for (const bad of ['2027-13', '2027-3', 'maaliskuu', '', '2027-00']) {
      expect(monthPeriod(bad), bad).toBeNull();
    }
  });

  it('default to the month before, in Helsinki time', () => {
    // 1 April 00:30 in Helsinki is still 31 March in UTC: April's previous month is March.
    expect(previousMonth(new Date('2027-03-31T21:30:00Z'))).toBe('2027-03');
    expect(previousMonth(new Date('2027-01-15T10:00:00Z'))).toBe('2026-12');
  });
});
