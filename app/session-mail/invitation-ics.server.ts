/**
 * The iCalendar part of a session mail (RFC 5545 + iTIP, RFC 5546): an invitation the
 * supervisee's calendar adds or updates (REQUEST), or removes (CANCEL). The UID is the one
 * the supervisor's subscription feed uses, and SEQUENCE the session's `ical_sequence`, so a
 * later mail replaces the earlier event instead of adding a second one.
 */
import ical, {
  escape,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalLuxonDateTimeStub,
} from 'ical-generator';

import type { CalendarMethod } from '#db/schema/values';
import { helsinkiDate, helsinkiTime, timeZone } from '~/time/helsinki';

export interface SessionInvitation {
  method: CalendarMethod;
  /** Stable per session: `<sessionId>@ohjaamo`, as in the feed. */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  /** A neutral title: never a supervisee's name. */
  title: string;
  location: string | null;
  remoteLink: string | null;
  description: string;
  organizer: { name: string; email: string };
  /** The one recipient of this mail; other participants are never listed. */
  attendeeEmail: string;
  stamp: Date;
}

/** The session's event id, shared with the supervisor's calendar feed. */
export const sessionUid = (sessionId: string) => `${sessionId}@ohjaamo`;

/**
 * Europe/Helsinki as a VTIMEZONE: EET, with EU summer time (EEST) from the last Sunday of
 * March 03.00 to the last Sunday of October 04.00. Calendars need it to read TZID times.
 */
const helsinkiVtimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${timeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An instant as Helsinki wall-clock time, in the date-object shape ical-generator accepts
 * (its Luxon interface). A plain Date would be written in the server process's own time
 * zone, which is UTC in production and anything on a developer's machine.
 */
function helsinkiWallClock(instant: Date): ICalLuxonDateTimeStub {
  const seconds = String(instant.getUTCSeconds()).padStart(2, '0');
  const stub: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: 'iana' },
    setZone: () => stub,
    toJSDate: () => instant,
    toJSON: () => instant.toISOString(),
    toFormat(format) {
      if (format === 'yyyyLLdd') return helsinkiDate(instant).replaceAll('-', '');
      if (format === 'HHmmss') return `${helsinkiTime(instant).replace(':', '')}${seconds}`;
      throw new Error(`unexpected date format ${format}`);
    },
  };
  return stub;
}

export function buildSessionInvitation(invitation: SessionInvitation): string {
  const cancel = invitation.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'Ohjaamo', product: 'Ohjaamo', language: 'FI' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const event = calendar.createEvent({
    // Written verbatim by the library; escaping keeps a stray newline out of the text.
    id: escape(invitation.uid, false),
    sequence: invitation.sequence,
    timezone: timeZone,
    start: helsinkiWallClock(invitation.start),
    end: helsinkiWallClock(invitation.end),
    stamp: invitation.stamp,
    summary: invitation.title,
    description: invitation.description,
    location: invitation.location ?? invitation.remoteLink ?? null,
    url: invitation.remoteLink ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invitation.organizer,
  });
  event.createAttendee({
    email: invitation.attendeeEmail,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: false,
  });
  // The VTIMEZONE goes in by hand: given a calendar-wide zone, ical-generator would also
  // write DTSTAMP in local time, where RFC 5545 wants UTC.
  const text = calendar
    .toString()
    .replace('\r\nBEGIN:VEVENT', `\r\n${helsinkiVtimezone}\r\nBEGIN:VEVENT`);
  return `${text}\r\n`;
}
