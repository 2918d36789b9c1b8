import ical, { escape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One supervision session as it should appear in a subscribed calendar. */
export interface FeedEvent {
  /** Stable per supervision session, e.g. "<sessionId>@ohjaamo". */
  uid: string;
  /** Incremented by the caller on every change (reschedule, cancel). */
  sequence: number;
  start: Date;
  end: Date;
  /** STATUS:CANCELLED instead of CONFIRMED. */
  cancelled: boolean;
  /** Already privacy-filtered by the caller (initials or a contract code). */
  summary: string;
  location?: string | null;
  description?: string | null;
  /** When the session last changed. */
  lastModified: Date;
}

// Clients poll subscriptions on their own schedule; this is only a hint, and
// Outlook/Google/Apple clamp it anyway. One hour keeps reschedules reasonably fresh.
const REFRESH_INTERVAL_SECONDS = 60 * 60;

/**
 * Render a supervisor's subscription feed as iCalendar (RFC 5545) text.
 *
 * Pure: no I/O. All times are written in UTC (`…Z`), so no VTIMEZONE is needed.
 */
export function buildCalendarFeed(input: {
  calendarName: string;
  events: readonly FeedEvent[];
  now?: Date;
}): string {
  const now = input.now ?? new Date();

  const calendar = ical({
    prodId: { company: 'Ohjaamo', product: 'Ohjaamo', language: 'FI' },
    // PUBLISH = read-only feed; clients must not treat events as invitations.
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes NAME / X-WR-CALNAME verbatim (unlike SUMMARY etc.),
    // so escape it ourselves: a comma, semicolon or newline in a name would
    // otherwise corrupt the feed or inject properties.
    name: escape(input.calendarName, false),
    // Emits REFRESH-INTERVAL;VALUE=DURATION:PT1H and X-PUBLISHED-TTL:PT1H.
    ttl: REFRESH_INTERVAL_SECONDS,
    // No calendar timezone → every DATE-TIME is formatted as UTC with a Z suffix.
    timezone: null,
  });

  for (const event of input.events) {
    calendar.createEvent({
      // UID is also written verbatim by the library; escaping keeps a stray
      // newline from breaking the feed and is a no-op for "<id>@ohjaamo".
      id: escape(event.uid, false),
      sequence: event.sequence,
      start: event.start,
      end: event.end,
      stamp: now,
      lastModified: event.lastModified,
      summary: event.summary,
      // Cancelled sessions stay in the feed under the same UID (with a higher
      // SEQUENCE) so subscribed calendars update the existing entry instead of
      // silently keeping a stale copy.
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Treat empty strings as absent (an empty DESCRIPTION line is just noise).
      location: event.location || null,
      description: event.description || null,
    });
  }

  // RFC 5545's grammar ends every content line with CRLF, END:VCALENDAR
  // included; ical-generator omits that final one, so add it.
  return `${calendar.toString()}\r\n`;
}
