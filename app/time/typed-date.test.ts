import { describe, expect, it } from 'vitest';

import { helsinkiInstant } from './helsinki';
import { parseTypedDate } from './typed-date';

const now = helsinkiInstant('2026-12-01', '10:00');

describe('a date typed into a search', () => {
  it.each([
    ['1.12.2026', '2026-12-01'],
    ['01.12.2026', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['1.12.', '2026-12-01'],
    ['1.12', '2026-12-01'],
    [' 24.12. ', '2026-12-24'],
    ['3.6.2025', '2025-06-03'],
  ])('reads %s as %s', (typed, date) => {
    expect(parseTypedDate(typed, now)).toBe(date);
  });

  it('takes a day without a year in the year that puts it nearest to today', () => {
    expect(parseTypedDate('2.1.', now)).toBe('2027-01-02');
    expect(parseTypedDate('30.11.', now)).toBe('2026-11-30');
    expect(parseTypedDate('1.6.', helsinkiInstant('2026-01-10'))).toBe('2026-06-01');
    expect(parseTypedDate('20.12.', helsinkiInstant('2026-01-10'))).toBe('2025-12-20');
  });

  it('reads the Helsinki date of today, not the UTC one', () => {
    // 23.30 UTC on 30 November is already 1 December in Helsinki.
    expect(parseTypedDate('1.12.', new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });

  it.each([
    '31.2.2026',
    '2026-02-30',
    '32.1.',
    '1.13.',
    '0.1.',
    '1.122026',
    'Lehtonen',
    '12',
    '1.12.26',
    '',
    '2026-1-1x',
  ])('is no date: %j', (typed) => {
    expect(parseTypedDate(typed, now)).toBeNull();
  });
});
