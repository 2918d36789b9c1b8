import { describe, expect, it } from 'vitest';

import {
  currentIsoWeek,
  formatIsoWeek,
  isoWeekOf,
  mondayOf,
  parseIsoWeek,
  shiftWeek,
  weekBounds,
} from './iso-week';

describe('ISO weeks', () => {
  it('parses 2026-W48 and rejects anything else', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(parseIsoWeek('2026-W01')).toEqual({ year: 2026, week: 1 });
    for (const bad of ['', null, undefined, '2026-48', '2026-W0', '2026-W00', '2026-W54', 'x']) {
      expect(parseIsoWeek(bad), String(bad)).toBeNull();
    }
    // 2026 starts on a Thursday and so has 53 weeks; 2025 has only 52.
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2025-W53')).toBeNull();
  });

  it('accepts weeks of the years 1900–2999 only, so the weeks beside them are dates too', () => {
    expect(parseIsoWeek('1900-W02')).toEqual({ year: 1900, week: 2 });
    expect(parseIsoWeek('2999-W52')).toEqual({ year: 2999, week: 52 });
    for (const far of ['9999-W52', '1899-W52', '3000-W01', '0001-W01', '0000-W10']) {
      expect(parseIsoWeek(far), far).toBeNull();
    }
  });

  it('finds the Monday of a week, across the turn of the year', () => {
    expect(mondayOf({ year: 2026, week: 48 })).toBe('2026-11-23');
    expect(mondayOf({ year: 2026, week: 1 })).toBe('2025-12-29');
    expect(mondayOf({ year: 2026, week: 53 })).toBe('2026-12-28');
    expect(mondayOf({ year: 2027, week: 1 })).toBe('2027-01-04');
  });

  it('knows which week a date is in, the Thursday deciding the year', () => {
    expect(isoWeekOf('2026-11-29')).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf('2026-11-30')).toEqual({ year: 2026, week: 49 });
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('steps from week to week and formats them', () => {
    expect(formatIsoWeek(shiftWeek({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
    expect(formatIsoWeek(shiftWeek({ year: 2026, week: 1 }, -1))).toBe('2025-W52');
    expect(formatIsoWeek({ year: 2026, week: 5 })).toBe('2026-W05');
  });
});

describe('ISO weeks in Helsinki time', () => {
  it('takes the current week from Helsinki, not UTC', () => {
    // Sunday 23.30 in Helsinki is still week 47; half past midnight on Monday is week 48.
    expect(currentIsoWeek(new Date('2026-11-22T21:30:00Z'))).toEqual({ year: 2026, week: 47 });
    expect(currentIsoWeek(new Date('2026-11-22T22:30:00Z'))).toEqual({ year: 2026, week: 48 });
  });

  it('bounds a week at Monday midnight Helsinki time, winter and summer', () => {
    const winter = weekBounds({ year: 2026, week: 48 });
    expect(winter.days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(winter.start.toISOString()).toBe('2026-11-22T22:00:00.000Z');
    expect(winter.end.toISOString()).toBe('2026-11-29T22:00:00.000Z');

    const summer = weekBounds({ year: 2026, week: 27 });
    expect(summer.start.toISOString()).toBe('2026-06-28T21:00:00.000Z');

    // The week in which the clocks go back is an hour longer.
    const autumn = weekBounds({ year: 2026, week: 43 });
    expect(autumn.start.toISOString()).toBe('2026-10-18T21:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });
});
