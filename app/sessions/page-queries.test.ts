/**
 * The session page, its notes page and the calendar week send a fixed, small number of
 * queries however big the practice is (issue 10): the same for a practice with one session
 * and nothing written as for a generated practice of 1,000 sessions with notes, summaries
 * and agreed actions. Counted over the real HTTP stack, sign-in check included.
 */
import type { Logger } from 'drizzle-orm';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generatePractice } from '#db/generate/practice';
import { agreedActions, sessionNotes, supervisionSessions, users } from '#db/schema';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { testKeyring } from '#db/testing/keyring';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import { startTestApp, type TestApp } from '~/http/test-app';
import { helsinkiDate, helsinkiInstant } from '~/time/helsinki';
import { formatIsoWeek, isoWeekOf } from '~/time/iso-week';

const sent: string[] = [];
const recorder: Logger = {
  logQuery(query) {
    sent.push(query);
  },
};

let database: TestDatabase;
let app: TestApp;

interface Seen {
  cookie: string;
  /** The owner and a supervisor who is not the owner, for the Today page. */
  today: { owner: string; supervisor: string };
  sessionId: string;
  week: string;
}
let small: Seen;
let large: Seen;

async function signedIn(userId: string): Promise<string> {
  const { token } = await createSession(database.db, userId);
  return `ohjaamo_session=${token}`;
}

beforeAll(async () => {
  database = await createTestDatabase({ logger: recorder });
  const db = database.db;

  // One supervisor, one contract, one session ahead, nothing written.
  const { owner } = await createPracticeWithOwner(db);
  const { contractId } = await createContractFixture(db, owner);
  const startsAt = helsinkiInstant('2026-11-24', '09:00');
  const onlySession = await insertSession(db, {
    practiceId: owner.practiceId,
    contractId,
    supervisorId: owner.userId,
    startsAt,
  });
  const colleague = await addMember(db, owner.practiceId, 'supervisor');
  small = {
    cookie: await signedIn(owner.userId),
    today: { owner: await signedIn(owner.userId), supervisor: await signedIn(colleague.userId) },
    sessionId: onlySession,
    week: formatIsoWeek(isoWeekOf(helsinkiDate(startsAt))),
  };

  // 1,000 sessions over five years; the supervisor's held session with a note and agreed
  // actions, and the week with most of their sessions.
  const generated = await generatePractice(db, testKeyring, {
    seed: 7,
    scale: 0.02,
    now: new Date('2026-12-01T00:00:00Z'),
    password: 'harjoitus-testi-2026',
  });
  const [supervisor] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, generated.supervisor.email));
  if (!supervisor) throw new Error('the generated supervisor is missing');
  const s = supervisionSessions;
  const [busiest] = await db
    .select({ id: s.id, startsAt: s.startsAt, actions: sql<number>`count(*)::int` })
    .from(s)
    .innerJoin(sessionNotes, eq(sessionNotes.sessionId, s.id))
    .innerJoin(agreedActions, eq(agreedActions.sessionId, s.id))
    .where(
      and(
        eq(s.supervisorId, supervisor.id),
        eq(sessionNotes.authorId, supervisor.id),
        eq(s.status, 'held'),
        isNotNull(sessionNotes.privateEncrypted),
      ),
    )
    .groupBy(s.id, s.startsAt)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  if (!busiest) throw new Error('the generated practice has no held session with actions');
  const [week] = await db
    .select({
      week: sql<string>`to_char(${s.startsAt} at time zone 'Europe/Helsinki', 'IYYY-"W"IW')`,
    })
    .from(s)
    .where(eq(s.supervisorId, supervisor.id))
    .groupBy(sql`1`)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  if (!week) throw new Error('the generated supervisor has no sessions');
  const [generatedOwner] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, generated.owner.email));
  if (!generatedOwner) throw new Error('the generated owner is missing');
  large = {
    cookie: await signedIn(supervisor.id),
    today: { owner: await signedIn(generatedOwner.id), supervisor: await signedIn(supervisor.id) },
    sessionId: busiest.id,
    week: week.week,
  };

  app = await startTestApp(database);
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

/** The queries one request of the page sends (the second: the first compiles the routes). */
async function queriesOf(path: string, cookie: string): Promise<number> {
  const get = () =>
    fetch(`${app.origin}${path}`, { headers: { Cookie: cookie, Accept: 'text/html' } });
  await (await get()).arrayBuffer();
  sent.length = 0;
  const response = await get();
  await response.arrayBuffer();
  expect(response.status, path).toBe(200);
  return sent.length;
}

const pages = {
  'the session page': (seen: Seen) => `/sessions/${seen.sessionId}`,
  'the session notes': (seen: Seen) => `/sessions/${seen.sessionId}/notes`,
};

describe('page queries', () => {
  it.each(Object.entries(pages))(
    '%s sends at most 6, as many for 1,000 sessions as for one',
    async (_, pathOf) => {
      const forOne = await queriesOf(pathOf(small), small.cookie);
      const forMany = await queriesOf(pathOf(large), large.cookie);
      expect(forMany).toBe(forOne);
      expect(forMany).toBeLessThanOrEqual(6);
    },
  );

  // The owner's calendar also lists the members to choose from: one query more than a
  // supervisor's, so each role is compared with itself.
  it.each(['owner', 'supervisor'] as const)(
    'the calendar week of the %s sends at most 6, as many for 1,000 sessions as for one',
    async (who) => {
      const forOne = await queriesOf(`/calendar?week=${small.week}`, small.today[who]);
      const forMany = await queriesOf(`/calendar?week=${large.week}`, large.today[who]);
      expect(forMany).toBe(forOne);
      expect(forMany).toBeLessThanOrEqual(6);
    },
  );

  it.each(['owner', 'supervisor'] as const)(
    'the Today page of the %s sends at most 6, as many for 1,000 sessions as for one',
    async (who) => {
      const forOne = await queriesOf('/today', small.today[who]);
      const forMany = await queriesOf('/today', large.today[who]);
      expect(forMany).toBe(forOne);
      expect(forMany).toBeLessThanOrEqual(6);
    },
  );
});
