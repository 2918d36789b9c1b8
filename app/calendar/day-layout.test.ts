import { describe, expect, it } from 'vitest';

import { helsinkiInstant } from '~/time/helsinki';

import { DEFAULT_HOURS, hourSpan, layoutDay, nowLinePlacement } from './day-layout';

const at = (date: string, from: string, to: string, status = 'scheduled', id = from) => ({
  id,
  startsAt: helsinkiInstant(date, from),
  endsAt: helsinkiInstant(date, to),
  status,
});

describe("a day's time grid", () => {
  it('places a session by its start and length, and offers the free half hours around it', () => {
    const session = at('2026-12-15', '10:00', '11:30');
    const day = layoutDay('2026-12-15', [session], DEFAULT_HOURS);
    const placed = day.items.find((item) => item.kind === 'session');
    // 7.00 is line 1; a quarter of an hour is one row: 10.00 is line 13, 90 minutes six rows.
    expect(placed).toMatchObject({ row: 13, rows: 6, lane: 0, alone: true, clash: false });
    const slots = day.items.flatMap((item) => (item.kind === 'slot' ? [item.time] : []));
    expect(slots).toHaveLength(28 - 3);
    expect(slots).toContain('09:30');
    expect(slots).not.toContain('10:00');
    expect(slots).not.toContain('11:00');
    expect(slots).toContain('11:30');
    // Items come in time order: the order of the Tab key.
    const rows = day.items.map((item) => item.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('sets overlapping sessions side by side and marks them as a clash', () => {
    const day = layoutDay(
      '2026-12-15',
      [
        at('2026-12-15', '09:00', '10:00', 'scheduled', 'a'),
        at('2026-12-15', '09:30', '10:30', 'scheduled', 'b'),
        at('2026-12-15', '13:00', '14:00', 'scheduled', 'c'),
      ],
      DEFAULT_HOURS,
    );
    const sessions = day.items.flatMap((item) => (item.kind === 'session' ? [item] : []));
    expect(sessions.map((s) => [s.session.id, s.lane, s.alone, s.clash])).toEqual([
      ['a', 0, false, true],
      ['b', 1, false, true],
      ['c', 0, true, false],
    ]);
    expect(day.lanes).toBe(2);
  });

  it('does not call a cancelled session a clash, and back-to-back sessions do not overlap', () => {
    const day = layoutDay(
      '2026-12-15',
      [
        at('2026-12-15', '09:00', '10:00', 'cancelled', 'cancelled'),
        at('2026-12-15', '09:00', '10:00', 'scheduled', 'rebooked'),
        at('2026-12-15', '10:00', '11:00', 'scheduled', 'next'),
      ],
      DEFAULT_HOURS,
    );
    const sessions = day.items.flatMap((item) => (item.kind === 'session' ? [item] : []));
    expect(sessions.map((s) => [s.session.id, s.clash])).toEqual([
      ['cancelled', false],
      ['rebooked', false],
      ['next', false],
    ]);
    expect(sessions.find((s) => s.session.id === 'next')?.alone).toBe(true);
  });

  it('shades working hours on weekdays only', () => {
    const tuesday = layoutDay('2026-12-15', [], DEFAULT_HOURS);
    const working = (times: string[], day = tuesday) =>
      times.map((time) => day.items.find((i) => i.kind === 'slot' && i.time === time));
    expect(
      working(['07:30', '08:00', '16:30', '17:00']).map((s) => s && 'working' in s && s.working),
    ).toEqual([false, true, true, false]);
    const saturday = layoutDay('2026-12-19', [], DEFAULT_HOURS);
    expect(saturday.items.some((i) => i.kind === 'slot' && i.working)).toBe(false);
  });

  it('widens the hours to an early or late session, and keeps wall-clock times over DST', () => {
    const early = at('2026-12-15', '06:15', '07:15');
    expect(hourSpan([{ date: '2026-12-15', sessions: [early] }])).toEqual({ first: 6, last: 21 });
    const late = at('2026-12-16', '20:30', '22:00');
    expect(hourSpan([{ date: '2026-12-16', sessions: [late] }])).toEqual({ first: 7, last: 22 });
    // 29.3.2026 the clocks go forward at 3.00; 9.00 is still on the 9.00 line.
    const spring = layoutDay('2026-03-29', [at('2026-03-29', '09:00', '10:00')], DEFAULT_HOURS);
    expect(spring.items.find((i) => i.kind === 'session')?.row).toBe(9);
  });

  it('puts the "now" line on the quarter hour and the five minutes within it', () => {
    const hours = { first: 7, last: 21 };
    expect(nowLinePlacement('07:00', hours)).toEqual({ line: 1, step: 0 });
    expect(nowLinePlacement('09:14', hours)).toEqual({ line: 9, step: 2 });
    expect(nowLinePlacement('09:15', hours)).toEqual({ line: 10, step: 0 });
    expect(nowLinePlacement('20:59', hours)).toEqual({ line: 56, step: 2 });
    // Before and after the hours shown there is no line.
    expect(nowLinePlacement('06:59', hours)).toBeNull();
    expect(nowLinePlacement('21:00', hours)).toBeNull();
  });
});
