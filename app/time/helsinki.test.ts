import { describe, expect, it } from 'vitest';

import { addDays, helsinkiDate, helsinkiInstant, helsinkiTime, testing } from './helsinki';

describe('Helsinki time', () => {
  it('turns a local date and time into an instant and back', () => {
    const nine = helsinkiInstant('2026-11-23', '09:00');
    expect(nine.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(helsinkiDate(nine)).toBe('2026-11-23');
    expect(helsinkiTime(nine)).toBe('09:00');
    expect(helsinkiInstant('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    // Just after midnight Helsinki is still the previous day in UTC.
    expect(helsinkiDate(new Date('2026-11-22T22:15:00Z'))).toBe('2026-11-23');
  });

  it('handles the hours the clocks skip and repeat', () => {
    // 25.10.2026: 4.00 summer time becomes 3.00 winter time, so 3.30 happens twice.
    expect(helsinkiInstant('2026-10-25', '03:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(helsinkiInstant('2026-10-25', '05:00').toISOString()).toBe('2026-10-25T03:00:00.000Z');
    // 29.3.2026: 3.00 becomes 4.00; 4.30 exists and is summer time.
    expect(helsinkiInstant('2026-03-29', '04:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(helsinkiInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('adds calendar days without drifting', () => {
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(() => helsinkiInstant('2026-02-30', '09:00')).toThrow(RangeError);
  });
});

describe('the wall-clock reading kept per hour', () => {
  it('reads every instant as Intl does, across the daylight-saving changes and in the past', () => {
    const { exactParts, helsinkiParts } = testing;
    const instants: Date[] = [];
    // Each minute around the changes of 2026 (29 March, 25 October at 01:00 UTC).
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let m = -90; m <= 90; m += 1) instants.push(new Date(change + m * 60_000 + 1234));
    }
    // Spread over 1900–2100 (Helsinki's offset before 1921 was not a whole hour), twice each
    // so the second reading comes from what the first kept.
    let seed = 7;
    for (let i = 0; i < 3000; i += 1) {
      seed = (seed * 48271) % 2147483647;
      const t =
        Date.UTC(1900, 0, 1) + (seed / 2147483647) * (Date.UTC(2100, 0, 1) - Date.UTC(1900, 0, 1));
      instants.push(new Date(Math.floor(t)), new Date(Math.floor(t)));
    }
    for (const instant of instants) {
      expect(helsinkiParts(instant), instant.toISOString()).toEqual(exactParts(instant));
    }
  });
});
