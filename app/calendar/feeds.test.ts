import type { AppLoadContext } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  calendarFeeds,
  clients,
  contractParticipants,
  memberships,
  supervisionSessions,
  users,
} from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { createSession, validateSessionToken } from '~/auth/session.server';
import { loadConfig } from '~/config.server';
import { AppError } from '~/errors';
import { unwrapActionResult } from '~/forms/respond.server';
import type { MemberActor } from '~/practices/actor';
import { action as settingsAction } from '~/routes/_app.settings.calendar';
import { loader as feedLoader } from '~/routes/feeds.$token';
import { sha256Hex } from '~/security/tokens.server';

import {
  createFeed,
  feedForToken,
  getFeedSettings,
  revokeFeed,
  setFeedShowNames,
} from './feeds.server';

const queries = queryCounter();
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ logger: queries });
});
afterAll(() => database.close());
const db = () => database.db;

const NOW = new Date('2026-10-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

interface SessionSpec {
  days: number;
  status?: 'scheduled' | 'held' | 'cancelled' | 'no_show';
  sequence?: number;
  location?: string | null;
}

async function insertSessions(actor: MemberActor, contractId: string, specs: SessionSpec[]) {
  const rows = await db()
    .insert(supervisionSessions)
    .values(
      specs.map((spec) => ({
        practiceId: actor.practiceId,
        contractId,
        supervisorId: actor.userId,
        startsAt: at(spec.days),
        endsAt: new Date(at(spec.days).getTime() + 90 * 60 * 1000),
        status: spec.status ?? 'scheduled',
        cancelledAt: spec.status === 'cancelled' ? NOW : null,
        icalSequence: spec.sequence ?? 0,
        location: spec.location ?? null,
      })),
    )
    .returning({ id: supervisionSessions.id, updatedAt: supervisionSessions.updatedAt });
  return rows;
}

/** A supervisor with one contract "TO-2026-001" and sessions in and out of the window. */
async function supervisorWithSessions() {
  const { owner } = await createPracticeWithOwner(db());
  const fixture = await createContractFixture(db(), owner, {
    code: 'TO-2026-001',
    location: 'Kauppakatu 5, 2. krs',
    guidingQuestion: 'Miten jaksan esihenkilönä muutoksessa?',
  });
  const [scheduled, cancelled, moved, tooOld, tooFar] = await insertSessions(
    owner,
    fixture.contractId,
    [
      { days: 7 },
      { days: 14, status: 'cancelled', sequence: 2 },
      { days: -30, status: 'held', sequence: 1, location: 'Etäyhteys' },
      { days: -90 },
      { days: 420 },
    ],
  );
  if (!scheduled || !cancelled || !moved || !tooOld || !tooFar) throw new Error('no sessions');
  return { owner, ...fixture, sessions: { scheduled, cancelled, moved, tooOld, tooFar } };
}

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function eventByUid(events: ICAL.Event[], uid: string): ICAL.Event {
  const event = events.find((candidate) => candidate.uid === uid);
  if (!event) throw new Error(`${uid} not in feed`);
  return event;
}

async function feedText(token: string, now = NOW): Promise<string> {
  const text = await feedForToken(testContext(db(), now), token);
  if (text === null) throw new Error('feed not found');
  return text;
}

describe('feedForToken', () => {
  it("lists the supervisor's sessions in the window, cancelled ones as CANCELLED", async () => {
    const { owner, sessions } = await supervisorWithSessions();
    const token = await createFeed(testContext(db()), owner, { showNames: false });
    const events = parseFeed(await feedText(token));

    expect(events.map((event) => event.uid).sort()).toEqual(
      [sessions.scheduled.id, sessions.cancelled.id, sessions.moved.id]
        .map((id) => `${id}@ohjaamo`)
        .sort(),
    );
    const scheduled = eventByUid(events, `${sessions.scheduled.id}@ohjaamo`);
    expect(scheduled.summary).toBe('Työnohjaus TO-2026-001');
    expect(scheduled.sequence).toBe(0);
    expect(scheduled.startDate.toJSDate().getTime()).toBe(at(7).getTime());
    expect(scheduled.endDate.toJSDate().getTime()).toBe(at(7).getTime() + 90 * 60 * 1000);
    // The place names the client's workplace: hidden while names are.
    expect(scheduled.location).toBeFalsy();
    expect(scheduled.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const lastModified = scheduled.component.getFirstPropertyValue('last-modified');
    expect(lastModified instanceof ICAL.Time && lastModified.toJSDate().getTime()).toBe(
      Math.floor(sessions.scheduled.updatedAt.getTime() / 1000) * 1000,
    );

    const cancelled = eventByUid(events, `${sessions.cancelled.id}@ohjaamo`);
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');

    const moved = eventByUid(events, `${sessions.moved.id}@ohjaamo`);
    expect(moved.sequence).toBe(1);
    expect(moved.location).toBeFalsy();
  });

  it('shows meeting places only when the supervisor opts in to names, and hides them again', async () => {
    const { owner, sessions } = await supervisorWithSessions();
    const token = await createFeed(testContext(db()), owner, { showNames: false });
    expect(await feedText(token)).not.toContain('Kauppakatu');
    expect(await feedText(token)).not.toContain('LOCATION');

    await setFeedShowNames(testContext(db()), owner, true);
    const events = parseFeed(await feedText(token));
    expect(eventByUid(events, `${sessions.scheduled.id}@ohjaamo`).location).toBe(
      'Kauppakatu 5, 2. krs',
    );
    // The session's own place wins over the contract's.
    expect(eventByUid(events, `${sessions.moved.id}@ohjaamo`).location).toBe('Etäyhteys');

    await setFeedShowNames(testContext(db()), owner, false);
    expect(await feedText(token)).not.toContain('Kauppakatu');
  });

  it('names nobody by default: no supervisee, organisation, commissioner or contract text', async () => {
    const { owner } = await supervisorWithSessions();
    const token = await createFeed(testContext(db()), owner, { showNames: false });
    const text = await feedText(token);

    expect(text).toContain('Työnohjaus TO-2026-001');
    // Supervisee, their organisation, the commissioner and the contract's guiding question.
    for (const secret of ['Maria', 'Lehtonen', 'Kuopio', 'jaksan', 'DESCRIPTION']) {
      expect(text).not.toContain(secret);
    }
  });

  it("adds the participants' names, alphabetically, only when the supervisor opts in", async () => {
    const { owner, contractId, sessions } = await supervisorWithSessions();
    const [second] = await db()
      .insert(clients)
      .values({ practiceId: owner.practiceId, name: 'Aino Airaksinen' })
      .returning({ id: clients.id });
    if (!second) throw new Error('no client');
    await db()
      .insert(contractParticipants)
      .values({ contractId, clientId: second.id, practiceId: owner.practiceId });

    const token = await createFeed(testContext(db()), owner, { showNames: true });
    const events = parseFeed(await feedText(token));
    expect(eventByUid(events, `${sessions.scheduled.id}@ohjaamo`).summary).toBe(
      'Työnohjaus: Aino Airaksinen, Maria Lehtonen',
    );

    await setFeedShowNames(testContext(db()), owner, false);
    expect(await feedText(token)).not.toContain('Lehtonen');
  });

  it("writes in the supervisor's language", async () => {
    const { owner, sessions } = await supervisorWithSessions();
    await db().update(users).set({ locale: 'en' }).where(eq(users.id, owner.userId));
    const token = await createFeed(testContext(db()), owner, { showNames: false });
    const events = parseFeed(await feedText(token));
    expect(eventByUid(events, `${sessions.scheduled.id}@ohjaamo`).summary).toBe(
      'Supervision TO-2026-001',
    );
  });

  it("never shows another supervisor's sessions, in the same practice or another", async () => {
    const mine = await supervisorWithSessions();
    const colleague = await addMember(db(), mine.owner.practiceId, 'supervisor');
    const theirs = await createContractFixture(db(), colleague, { code: 'TO-2026-002' });
    const [colleagueSession] = await insertSessions(colleague, theirs.contractId, [{ days: 7 }]);
    const stranger = await supervisorWithSessions();

    const myText = await feedText(
      await createFeed(testContext(db()), mine.owner, { showNames: true }),
    );
    expect(myText).not.toContain(colleagueSession?.id);
    expect(myText).not.toContain('TO-2026-002');
    expect(myText).not.toContain(stranger.sessions.scheduled.id);

    const colleagueEvents = parseFeed(
      await feedText(await createFeed(testContext(db()), colleague, { showNames: false })),
    );
    expect(colleagueEvents.map((event) => event.uid)).toEqual([`${colleagueSession?.id}@ohjaamo`]);
  });

  it('answers with a constant number of queries however many sessions there are', async () => {
    const few = await supervisorWithSessions();
    const many = await supervisorWithSessions();
    const extra = await createContractFixture(db(), many.owner, { code: 'TO-2026-009' });
    await insertSessions(
      many.owner,
      extra.contractId,
      Array.from({ length: 12 }, (_, index) => ({ days: 3 + index })),
    );
    const fewToken = await createFeed(testContext(db()), few.owner, { showNames: true });
    const manyToken = await createFeed(testContext(db()), many.owner, { showNames: true });

    queries.reset();
    await feedText(fewToken);
    const fewQueries = queries.count;
    queries.reset();
    const manyEvents = parseFeed(await feedText(manyToken));
    expect(manyEvents).toHaveLength(15);
    expect(queries.count).toBe(fewQueries);
    expect(fewQueries).toBeLessThanOrEqual(3);
  });
});

describe('feed tokens', () => {
  it('stores only the SHA-256 of the token', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const token = await createFeed(testContext(db()), owner, { showNames: false });
    const rows = await db()
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, owner.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('stops answering once revoked, and for unknown or malformed tokens', async () => {
    const { owner } = await supervisorWithSessions();
    const token = await createFeed(testContext(db()), owner, { showNames: false });
    expect(await feedForToken(testContext(db(), NOW), token)).not.toBeNull();

    await revokeFeed(testContext(db()), owner);
    expect(await feedForToken(testContext(db(), NOW), token)).toBeNull();
    expect(await getFeedSettings(testContext(db()), owner)).toBeNull();
    expect(await feedForToken(testContext(db(), NOW), 'A'.repeat(43))).toBeNull();
    expect(await feedForToken(testContext(db(), NOW), '')).toBeNull();
    expect(await feedForToken(testContext(db(), NOW), `${token}'; --`)).toBeNull();
  });

  it('keeps one live feed: a new address revokes the old one and keeps the names choice', async () => {
    const { owner } = await supervisorWithSessions();
    const first = await createFeed(testContext(db()), owner, { showNames: true });
    const second = await createFeed(testContext(db()), owner, {});

    expect(await feedForToken(testContext(db(), NOW), first)).toBeNull();
    expect(await feedText(second)).toContain('Maria Lehtonen');
    const live = await db()
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, owner.userId)));
    expect(live.filter((feed) => feed.revokedAt === null)).toHaveLength(1);
    expect(await getFeedSettings(testContext(db()), owner)).toMatchObject({ showNames: true });
  });

  it('stops answering when its owner leaves the practice', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const member = await addMember(db(), owner.practiceId, 'supervisor');
    const token = await createFeed(testContext(db()), member, { showNames: false });
    await db()
      .delete(memberships)
      .where(
        and(eq(memberships.userId, member.userId), eq(memberships.practiceId, member.practiceId)),
      );
    expect(await feedForToken(testContext(db(), NOW), token)).toBeNull();
    const refused = await createFeed(testContext(db()), member, {}).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
  });

  it('refuses to change the names choice when there is no feed', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const error = await setFeedShowNames(testContext(db()), owner, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });
});

describe('routes', () => {
  async function contextFor(userId: string | null): Promise<AppLoadContext> {
    let auth = null;
    if (userId) {
      const { token } = await createSession(db(), userId);
      auth = await validateSessionToken(db(), token);
    }
    return {
      db: db(),
      config: loadConfig({ NODE_ENV: 'test', APP_ORIGIN: 'https://ohjaamo.example' }),
      clientIp: '127.0.0.1',
      cspNonce: 'n',
      auth,
      keyring: testKeyring,
    };
  }

  async function getFeed(token: string): Promise<Response> {
    const url = `https://ohjaamo.example/feeds/${token}.ics`;
    const response: unknown = await feedLoader({
      request: new Request(url),
      params: { token: `${token}.ics` },
      context: await contextFor(null),
    });
    if (!(response instanceof Response)) throw new Error('the loader must answer a Response');
    return response;
  }

  it('serves the feed as text/calendar without a login, and 404 after revoking', async () => {
    const { owner, sessions } = await supervisorWithSessions();
    const token = await createFeed(testContext(db()), owner, { showNames: false });

    const response = await getFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('inline; filename="ohjaamo.ics"');
    expect(response.headers.get('Cache-Control')).toBeNull();
    const body = await response.text();
    expect(body).toContain(`${sessions.scheduled.id}@ohjaamo`);

    await revokeFeed(testContext(db()), owner);
    const gone = await getFeed(token);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe('');
  });

  it('settings page: creating shows a working address once, under the configured origin', async () => {
    const { owner } = await supervisorWithSessions();
    const form = new FormData();
    form.set('intent', 'create');
    const { data: result } = unwrapActionResult(
      await settingsAction({
        request: new Request('https://ohjaamo.example/settings/calendar', {
          method: 'POST',
          body: form,
        }),
        params: {},
        context: await contextFor(owner.userId),
      }),
    );
    if (result.intent !== 'create') throw new Error('expected the create result');
    const match = /^https:\/\/ohjaamo\.example\/feeds\/([\w-]+)\.ics$/.exec(result.feedUrl);
    expect(match).not.toBeNull();
    expect((await getFeed(match?.[1] ?? '')).status).toBe(200);
  });
});
