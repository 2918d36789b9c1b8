import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildCalendarFeed, type FeedEvent } from './ical-feed.server';

// Whole seconds only: iCalendar DATE-TIME has no sub-second precision, so
// milliseconds are truncated on output.
const NOW = new Date('2025-05-20T09:15:00Z');

function feedEvent(overrides: Partial<FeedEvent> & Pick<FeedEvent, 'uid'>): FeedEvent {
  return {
    sequence: 0,
    start: new Date('2025-06-02T06:00:00Z'),
    end: new Date('2025-06-02T07:30:00Z'),
    cancelled: false,
    summary: 'Työnohjaus M.M.',
    lastModified: new Date('2025-05-19T12:00:00Z'),
    ...overrides,
  };
}

/** Parse with ical.js, a third-party parser, rather than trusting our generator. */
function parseFeed(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

function findEvent(events: readonly ICAL.Event[], uid: string): ICAL.Event {
  const found = events.find((event) => event.uid === uid);
  if (!found) throw new Error(`event ${uid} missing from feed`);
  return found;
}

// ical.js types NAME and X-WR-CALNAME as "unknown" and so returns them still
// escaped. Both are TEXT (RFC 7986 / the de-facto X-WR convention), so teach
// the parser that, making the calendar-name round trip a real check.
const TEXT_CALENDAR_PROPERTIES = ['name', 'x-wr-calname'] as const;
beforeAll(() => {
  for (const name of TEXT_CALENDAR_PROPERTIES) {
    ICAL.design.icalendar.property[name] = { defaultType: 'text' };
  }
});
afterAll(() => {
  for (const name of TEXT_CALENDAR_PROPERTIES) {
    delete ICAL.design.icalendar.property[name];
  }
});

describe('buildCalendarFeed', () => {
  it('writes the calendar header: name, PRODID, METHOD and refresh hints', () => {
    const text = buildCalendarFeed({
      calendarName: 'Ohjaamo – Työnohjaukset',
      events: [],
      now: NOW,
    });
    const { calendar } = parseFeed(text);

    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Ohjaamo//Ohjaamo//FI');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Ohjaamo – Työnohjaukset');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(calendar.getFirstProperty('refresh-interval')?.type).toBe('duration');
    expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT1H');
  });

  it('uses CRLF line endings throughout, including after END:VCALENDAR', () => {
    const text = buildCalendarFeed({
      calendarName: 'Kalenteri',
      events: [feedEvent({ uid: 'a@ohjaamo', description: 'rivi 1\nrivi 2' })],
      now: NOW,
    });

    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('yields a valid, empty VCALENDAR for an empty event list', () => {
    const text = buildCalendarFeed({ calendarName: 'Tyhjä', events: [], now: NOW });
    const { calendar, events } = parseFeed(text);

    expect(calendar.name).toBe('vcalendar');
    expect(events).toHaveLength(0);
    expect(calendar.getAllSubcomponents()).toHaveLength(0);
  });

  it('writes every event with uid, sequence, UTC times, summary, status and location', () => {
    const input: FeedEvent[] = [
      feedEvent({
        uid: 'session-1@ohjaamo',
        sequence: 0,
        start: new Date('2025-06-02T06:00:00Z'),
        end: new Date('2025-06-02T07:30:00Z'),
        summary: 'M.M.',
        location: 'Hämeenkatu 1, Tampere',
        lastModified: new Date('2025-05-01T10:00:00Z'),
      }),
      feedEvent({
        uid: 'session-2@ohjaamo',
        sequence: 3,
        start: new Date('2025-06-03T11:00:00Z'),
        end: new Date('2025-06-03T12:00:00Z'),
        summary: 'SOP-2025-014',
        cancelled: true,
        location: null,
        lastModified: new Date('2025-05-18T08:30:00Z'),
      }),
    ];

    const text = buildCalendarFeed({ calendarName: 'Kalenteri', events: input, now: NOW });
    const { events } = parseFeed(text);

    expect(events).toHaveLength(input.length);
    for (const expected of input) {
      const event = findEvent(events, expected.uid);
      expect(event.sequence).toBe(expected.sequence);
      expect(event.startDate.toJSDate().getTime()).toBe(expected.start.getTime());
      expect(event.endDate.toJSDate().getTime()).toBe(expected.end.getTime());
      // Written as UTC, so no VTIMEZONE is needed.
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect(event.summary).toBe(expected.summary);
      expect(event.component.getFirstPropertyValue('status')).toBe(
        expected.cancelled ? 'CANCELLED' : 'CONFIRMED',
      );
      const lastModified = event.component.getFirstPropertyValue('last-modified');
      expect(lastModified).toBeInstanceOf(ICAL.Time);
      expect(lastModified instanceof ICAL.Time && lastModified.toJSDate().getTime()).toBe(
        expected.lastModified.getTime(),
      );
      const stamp = event.component.getFirstPropertyValue('dtstamp');
      expect(stamp instanceof ICAL.Time && stamp.toJSDate().getTime()).toBe(NOW.getTime());
    }

    expect(findEvent(events, 'session-1@ohjaamo').location).toBe('Hämeenkatu 1, Tampere');
    // Absent location / description must not produce empty properties.
    const second = findEvent(events, 'session-2@ohjaamo').component;
    expect(second.hasProperty('location')).toBe(false);
    expect(second.hasProperty('description')).toBe(false);
    expect(text).toContain('DTSTART:20250602T060000Z\r\n');
    expect(text).not.toContain('VTIMEZONE');
  });

  it('represents a rescheduled session by the same uid with the new sequence and time', () => {
    const original = feedEvent({
      uid: 'session-7@ohjaamo',
      sequence: 0,
      start: new Date('2025-06-10T06:00:00Z'),
      end: new Date('2025-06-10T07:00:00Z'),
    });
    const rescheduled: FeedEvent = {
      ...original,
      sequence: 1,
      start: new Date('2025-06-12T12:00:00Z'),
      end: new Date('2025-06-12T13:30:00Z'),
      lastModified: new Date('2025-05-20T09:00:00Z'),
    };

    const before = parseFeed(
      buildCalendarFeed({ calendarName: 'K', events: [original], now: NOW }),
    ).events;
    const after = parseFeed(
      buildCalendarFeed({ calendarName: 'K', events: [rescheduled], now: NOW }),
    ).events;

    expect(before).toHaveLength(1);
    expect(after).toHaveLength(1);
    const [oldEvent] = before;
    const [newEvent] = after;
    expect(newEvent?.uid).toBe(oldEvent?.uid);
    expect(newEvent?.sequence).toBe(1);
    expect(newEvent?.sequence).toBeGreaterThan(oldEvent?.sequence ?? Infinity);
    expect(newEvent?.startDate.toJSDate().getTime()).toBe(rescheduled.start.getTime());
    expect(newEvent?.endDate.toJSDate().getTime()).toBe(rescheduled.end.getTime());
  });

  it('keeps a cancelled session in the feed under the same uid', () => {
    const cancelled = feedEvent({ uid: 'session-9@ohjaamo', sequence: 2, cancelled: true });
    const { events } = parseFeed(
      buildCalendarFeed({ calendarName: 'K', events: [cancelled], now: NOW }),
    );

    expect(events).toHaveLength(1);
    const event = findEvent(events, 'session-9@ohjaamo');
    expect(event.sequence).toBe(2);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('round-trips special characters in text fields and the calendar name', () => {
    const calendarName = 'Työnohjaus; Äänekoski, Östersundom\nrivi 2 \\ loppu';
    const summary = 'Ä.Ö., ryhmä; "A" \\ B';
    const location = 'Pyhäjärventie 3; 2. krs, Jyväskylä';
    const description =
      'Käsitellään: työhyvinvointi, ajankäyttö; rajat.\nToinen rivi – ääkköset öÖäÄåÅ.\n\n' +
      'Pitkä rivi, joka ylittää 75 oktetin rajan ja taitetaan siksi monibittisten merkkien kohdalta: ' +
      'äöäöäöäöäöäöäöäöäöäöäöäöäöäöäöäöäöäöäö € 😀 loppu.';

    const text = buildCalendarFeed({
      calendarName,
      events: [feedEvent({ uid: 'special@ohjaamo', summary, location, description })],
      now: NOW,
    });
    const { calendar, events } = parseFeed(text);
    const event = findEvent(events, 'special@ohjaamo');

    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(calendarName);
    expect(calendar.getFirstPropertyValue('name')).toBe(calendarName);
    expect(event.summary).toBe(summary);
    expect(event.location).toBe(location);
    expect(event.description).toBe(description);
    // Folding is by octets; no physical line may exceed 75 octets.
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('cannot be broken by a newline smuggled into a uid or calendar name', () => {
    const text = buildCalendarFeed({
      calendarName: 'Nimi\r\nMETHOD:REQUEST',
      events: [feedEvent({ uid: 'x@ohjaamo\r\nSTATUS:CANCELLED' })],
      now: NOW,
    });
    const { calendar, events } = parseFeed(text);

    expect(calendar.getAllProperties('method')).toHaveLength(1);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    const statuses = events[0]?.component.getAllProperties('status') ?? [];
    expect(statuses.map((property) => property.getFirstValue())).toEqual(['CONFIRMED']);
  });
});
