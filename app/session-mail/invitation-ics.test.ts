import { describe, expect, it } from 'vitest';

import {
  buildSessionInvitation,
  type SessionInvitation,
  sessionUid,
} from './invitation-ics.server';

const base: SessionInvitation = {
  method: 'REQUEST',
  uid: sessionUid('0b7e6c1e-3f0a-4d55-9a39-6f1c2b1d9a10'),
  sequence: 2,
  // 9.00–10.00 in Helsinki, in winter (UTC+2) …
  start: new Date('2026-11-24T07:00:00Z'),
  end: new Date('2026-11-24T08:00:00Z'),
  title: 'Työnohjaus / Supervision',
  location: 'Kuopio, Suokatu 1; 2. krs',
  remoteLink: null,
  description: 'Työnohjaaja: Sini Supervisor',
  organizer: { name: 'Sini Supervisor', email: 'sini@example.test' },
  attendeeEmail: 'maria@example.test',
  stamp: new Date('2026-11-16T10:00:00Z'),
};

/** Unfolded content lines, as a calendar reads them. */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('session invitation (.ics)', () => {
  it('is an iTIP REQUEST in Helsinki time with the stable UID and sequence', () => {
    const ics = lines(buildSessionInvitation(base));
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${base.uid}`);
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain('DTSTART;TZID=Europe/Helsinki:20261124T090000');
    expect(ics).toContain('DTEND;TZID=Europe/Helsinki:20261124T100000');
    expect(ics).toContain('DTSTAMP:20261116T100000Z');
    expect(ics).toContain('TZID:Europe/Helsinki');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('LOCATION:Kuopio\\, Suokatu 1\\; 2. krs');
    expect(ics.find((l) => l.startsWith('ORGANIZER'))).toContain('mailto:sini@example.test');
    expect(ics.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(ics.find((l) => l.startsWith('ATTENDEE'))?.toLowerCase()).toContain(
      'mailto:maria@example.test',
    );
    expect(ics.at(-2)).toBe('END:VCALENDAR');
  });

  it('writes summer sessions with the summer offset, whatever zone the server runs in', () => {
    const summer = buildSessionInvitation({
      ...base,
      start: new Date('2027-06-01T06:00:00Z'),
      end: new Date('2027-06-01T07:30:00Z'),
    });
    expect(lines(summer)).toContain('DTSTART;TZID=Europe/Helsinki:20270601T090000');
    expect(lines(summer)).toContain('DTEND;TZID=Europe/Helsinki:20270601T103000');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED under the same UID', () => {
    const ics = lines(buildSessionInvitation({ ...base, method: 'CANCEL', sequence: 3 }));
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain(`UID:${base.uid}`);
    expect(ics).toContain('SEQUENCE:3');
  });

  it('uses a remote link as the place when there is no other, and as the URL', () => {
    const ics = lines(
      buildSessionInvitation({ ...base, location: null, remoteLink: 'https://meet.example/abc' }),
    );
    expect(ics).toContain('LOCATION:https://meet.example/abc');
    expect(ics.some((l) => l.startsWith('URL') && l.endsWith('https://meet.example/abc'))).toBe(
      true,
    );
  });
});
