import { describe, expect, it } from 'vitest';

import { calendarHref, parseCalendarQuery, shiftMonth, stepDate, viewDays } from './view';

const today = '2026-12-01';
const parse = (search: string) => parseCalendarQuery(new URLSearchParams(search), today);
const id = '0b7f1c1e-3a55-4c1f-9d7e-2f1a0e6b9c11';

describe('the calendar URL', () => {
  it("opens this week when nothing is asked, and the older ?week= link's week", () => {
    expect(parse('')).toEqual({ view: 'week', date: today, supervisorId: null, contractId: null });
    expect(parse('week=2025-W30')).toMatchObject({ view: 'week', date: '2025-07-21' });
    // An explicit date wins over the week.
    expect(parse('week=2025-W30&date=2026-03-04')).toMatchObject({ date: '2026-03-04' });
  });

  it('reads a view, a date and the filters', () => {
    expect(
      parse(`view=month&date=2027-02-14&supervisor=${id}&contract=${id.toUpperCase()}`),
    ).toEqual({ view: 'month', date: '2027-02-14', supervisorId: id, contractId: id });
  });

  it('falls back instead of failing on anything unreadable', () => {
    expect(
      parse('view=year&date=2026-02-30&supervisor=1%27%3B--&contract=x&week=2026-W60'),
    ).toEqual({ view: 'week', date: today, supervisorId: null, contractId: null });
    expect(parse('date=0001-01-01').date).toBe(today);
    expect(parse('date=9999-12-31').date).toBe(today);
  });

  it('round-trips through the links it makes, leaving out today and empty filters', () => {
    const query = parse(`view=day&date=2026-12-24&contract=${id}`);
    const href = calendarHref(query, { view: 'month' });
    expect(href).toBe(`/calendar?view=month&date=2026-12-24&contract=${id}`);
    expect(parse(href.split('?')[1] ?? '')).toEqual({ ...query, view: 'month' });
    expect(calendarHref(query, { date: null, contractId: null })).toBe('/calendar?view=day');
  });
});

describe('the days a view shows', () => {
  it('a day, a Monday-to-Sunday week, or a month as whole weeks', () => {
    expect(viewDays('day', '2026-12-24')).toEqual(['2026-12-24']);
    expect(viewDays('week', '2026-12-24')).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
    ]);
    // December 2026 starts on a Tuesday and ends on a Thursday: five whole weeks.
    const december = viewDays('month', '2026-12-24');
    expect(december[0]).toBe('2026-11-30');
    expect(december[december.length - 1]).toBe('2027-01-03');
    expect(december).toHaveLength(35);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(viewDays('month', '2027-02-10')).toHaveLength(28);
  });

  it('steps by a day, a week or a month, across years and month lengths', () => {
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('week', '2027-01-02', -1)).toBe('2026-12-26');
    expect(stepDate('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(stepDate('month', '2026-01-15', -1)).toBe('2025-12-01');
    expect(shiftMonth('2026-11-30', 14)).toBe('2028-01-01');
  });
});
