import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  calendarFeeds,
  clients,
  contractParticipants,
  contracts,
  memberships,
  practices,
  supervisionSessions,
  users,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { defaultLocale, isLocale, translate } from '~/i18n';
import type { MemberActor } from '~/practices/actor';
import { generateToken, sha256Hex } from '~/security/tokens.server';

import { buildCalendarFeed, type FeedEvent } from './ical-feed.server';

const DAY_MS = 24 * 60 * 60 * 1000;
// Recent history helps a supervisor look back at last month; further back is only clutter
// on a phone. Ahead covers a long contract's booked series.
const DAYS_BACK = 60;
const DAYS_AHEAD = 400;

// generateToken() makes 43 base64url characters. Anything far from that shape cannot be
// a feed, so it is refused before hashing or touching the database.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

/** The user's live (not revoked) feed in the actor's practice. */
const liveFeedOf = (actor: MemberActor) =>
  and(
    eq(calendarFeeds.practiceId, actor.practiceId),
    eq(calendarFeeds.userId, actor.userId),
    isNull(calendarFeeds.revokedAt),
  );

/**
 * Creates the actor's subscription feed and returns its token: the only time the token
 * exists in plain text. Any earlier feed of the user in this practice is revoked, so at
 * most one address works at a time. Without `showNames` the earlier feed's choice is kept
 * (off for a first feed).
 */
export async function createFeed(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: { showNames?: boolean | undefined },
): Promise<string> {
  const token = generateToken();
  await db.transaction(async (tx) => {
    // Locking the membership row serialises two concurrent creations by the same user,
    // which could otherwise both leave a live feed behind; it also proves membership.
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(eq(memberships.practiceId, actor.practiceId), eq(memberships.userId, actor.userId)),
      )
      .for('update');
    if (!member) throw new AppError('forbidden');
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(liveFeedOf(actor))
      .returning({ showNames: calendarFeeds.showNames });
    const showNames = input.showNames ?? revoked.some((feed) => feed.showNames);
    await tx.insert(calendarFeeds).values({
      practiceId: actor.practiceId,
      userId: actor.userId,
      tokenHash: sha256Hex(token),
      showNames,
    });
  });
  return token;
}

/** Makes the actor's feed address answer 404 from now on. Revoking nothing is not an error. */
export async function revokeFeed({ db, now }: DomainContext, actor: MemberActor): Promise<void> {
  await db.update(calendarFeeds).set({ revokedAt: now }).where(liveFeedOf(actor));
}

export async function setFeedShowNames(
  { db }: DomainContext,
  actor: MemberActor,
  showNames: boolean,
): Promise<void> {
  const updated = await db
    .update(calendarFeeds)
    .set({ showNames })
    .where(liveFeedOf(actor))
    .returning({ id: calendarFeeds.id });
  if (updated.length === 0) throw new AppError('not_found', 'feeds.noFeed');
}

/** What the settings page shows about the actor's feed; never the token (it is not kept). */
export async function getFeedSettings(
  { db }: DomainContext,
  actor: MemberActor,
): Promise<{ showNames: boolean; createdAt: Date } | null> {
  const [feed] = await db
    .select({ showNames: calendarFeeds.showNames, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(liveFeedOf(actor));
  return feed ?? null;
}

/**
 * The iCalendar text behind a feed address, or null when the token is unknown or revoked,
 * or its owner has left the practice. Three queries at most, however many sessions.
 */
export async function feedForToken(
  { db, now }: DomainContext,
  token: string,
): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [feed] = await db
    .select({
      practiceId: calendarFeeds.practiceId,
      userId: calendarFeeds.userId,
      showNames: calendarFeeds.showNames,
      practiceName: practices.name,
      userLocale: users.locale,
    })
    .from(calendarFeeds)
    .innerJoin(
      memberships,
      and(
        eq(memberships.practiceId, calendarFeeds.practiceId),
        eq(memberships.userId, calendarFeeds.userId),
      ),
    )
    .innerJoin(practices, eq(practices.id, calendarFeeds.practiceId))
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, sha256Hex(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) return null;

  const sessions = await db
    .select({
      id: supervisionSessions.id,
      contractId: supervisionSessions.contractId,
      startsAt: supervisionSessions.startsAt,
      endsAt: supervisionSessions.endsAt,
      status: supervisionSessions.status,
      icalSequence: supervisionSessions.icalSequence,
      updatedAt: supervisionSessions.updatedAt,
      location: supervisionSessions.location,
      contractCode: contracts.code,
      contractLocation: contracts.location,
    })
    .from(supervisionSessions)
    .innerJoin(
      contracts,
      and(
        eq(contracts.id, supervisionSessions.contractId),
        eq(contracts.practiceId, feed.practiceId),
      ),
    )
    .where(
      and(
        eq(supervisionSessions.practiceId, feed.practiceId),
        eq(supervisionSessions.supervisorId, feed.userId),
        gte(supervisionSessions.startsAt, new Date(now.getTime() - DAYS_BACK * DAY_MS)),
        lte(supervisionSessions.startsAt, new Date(now.getTime() + DAYS_AHEAD * DAY_MS)),
      ),
    )
    .orderBy(asc(supervisionSessions.startsAt));

  const names = feed.showNames
    ? await participantNames(db, feed.practiceId, [...new Set(sessions.map((s) => s.contractId))])
    : new Map<string, string[]>();
  const locale = isLocale(feed.userLocale) ? feed.userLocale : defaultLocale;

  const events: FeedEvent[] = sessions.map((session) => {
    const participants = names.get(session.contractId) ?? [];
    return {
      uid: `${session.id}@ohjaamo`,
      sequence: session.icalSequence,
      start: session.startsAt,
      end: session.endsAt,
      cancelled: session.status === 'cancelled',
      // Privacy by default: only the contract code, which means nothing outside Ohjaamo.
      summary:
        participants.length > 0
          ? translate(locale, 'feeds.ics.summaryNames', { names: participants.join(', ') })
          : translate(locale, 'feeds.ics.summary', { code: session.contractCode }),
      // A place often names the client's workplace, so the names switch covers it too.
      location: feed.showNames ? (session.location ?? session.contractLocation ?? null) : null,
      lastModified: session.updatedAt,
    };
  });

  return buildCalendarFeed({
    calendarName: translate(locale, 'feeds.ics.calendarName', { practice: feed.practiceName }),
    events,
    now,
  });
}

/** Supervisees' names per contract, alphabetical; one query for all the feed's contracts. */
async function participantNames(
  db: Db,
  practiceId: string,
  contractIds: string[],
): Promise<Map<string, string[]>> {
  const byContract = new Map<string, string[]>();
  if (contractIds.length === 0) return byContract;
  const rows = await db
    .select({ contractId: contractParticipants.contractId, name: clients.name })
    .from(contractParticipants)
    .innerJoin(
      clients,
      and(eq(clients.id, contractParticipants.clientId), eq(clients.practiceId, practiceId)),
    )
    .where(
      and(
        eq(contractParticipants.practiceId, practiceId),
        inArray(contractParticipants.contractId, contractIds),
      ),
    )
    .orderBy(asc(clients.name));
  for (const row of rows) {
    const list = byContract.get(row.contractId) ?? [];
    list.push(row.name);
    byContract.set(row.contractId, list);
  }
  return byContract;
}
