/** One session of the supervisee's as an iCalendar file, to add it to their own calendar. */
import { and, eq } from 'drizzle-orm';

import { contracts, practices, supervisionSessions } from '#db/schema';
import { buildCalendarFeed } from '~/calendar/ical-feed.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { type Locale, translate } from '~/i18n';
import type { SuperviseeActor } from '~/practices/actor';

import { participatedSessions } from './access.server';
import { meetingPlace } from './meeting-place';

/**
 * The session as a calendar event. Its UID is the same as in every other calendar of the
 * session (`<id>@ohjaamo`) and its SEQUENCE the session's, so importing it again after a
 * change updates the entry instead of adding a second. not_found for any session that is
 * not of the supervisee's contracts.
 */
export async function portalSessionCalendar(
  { db, now }: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
  locale: Locale,
): Promise<string> {
  const [row] = await db
    .select({
      id: supervisionSessions.id,
      startsAt: supervisionSessions.startsAt,
      endsAt: supervisionSessions.endsAt,
      status: supervisionSessions.status,
      location: supervisionSessions.location,
      icalSequence: supervisionSessions.icalSequence,
      updatedAt: supervisionSessions.updatedAt,
      contractLocation: contracts.location,
      contractRemoteLink: contracts.remoteLink,
      practiceName: practices.name,
    })
    .from(supervisionSessions)
    .innerJoin(
      contracts,
      and(
        eq(contracts.id, supervisionSessions.contractId),
        eq(contracts.practiceId, supervisionSessions.practiceId),
      ),
    )
    .innerJoin(practices, eq(practices.id, supervisionSessions.practiceId))
    .where(and(eq(supervisionSessions.id, sessionId), participatedSessions(actor)));
  if (!row) throw new AppError('not_found');
  const where = meetingPlace(row.location, {
    location: row.contractLocation,
    remoteLink: row.contractRemoteLink,
  });
  return buildCalendarFeed({
    calendarName: translate(locale, 'portal.ics.calendarName', { practice: row.practiceName }),
    events: [
      {
        uid: `${row.id}@ohjaamo`,
        sequence: row.icalSequence,
        start: row.startsAt,
        end: row.endsAt,
        cancelled: row.status === 'cancelled',
        summary: translate(locale, 'portal.ics.summary', { practice: row.practiceName }),
        location: where.place ?? where.remoteLink,
        description: where.remoteLink,
        lastModified: row.updatedAt,
      },
    ],
    now,
  });
}
