import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { type CastRole, createAccessCast } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import { isAppError } from '~/errors';

import { rescheduleSession } from './booking.server';
import { getCalendarWeek } from './calendar.server';
import { markNoShow } from './outcomes.server';
import { getSession } from './queries.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

type Cast = Awaited<ReturnType<typeof createAccessCast>>;
type Rule = 'read the session' | 'move it' | 'record its outcome' | 'see it in the calendar';

// The cast's session is held on Tuesday 10.11.2026, ISO week 46.
const rules: Record<Rule, (cast: Cast, who: CastRole) => Promise<unknown>> = {
  'read the session': (c, who) => getSession(testContext(db()), c.actors[who], c.sessionId),
  'move it': (c, who) =>
    rescheduleSession(
      testContext(db(), new Date('2026-11-12T08:00:00Z')),
      c.actors[who],
      c.sessionId,
      { startsAt: new Date('2026-11-11T08:00:00Z'), confirmPast: true },
    ),
  'record its outcome': (c, who) =>
    markNoShow(testContext(db(), new Date('2026-11-12T08:00:00Z')), c.actors[who], c.sessionId),
  'see it in the calendar': async (c, who) => {
    const week = await getCalendarWeek(testContext(db()), c.actors[who], { year: 2026, week: 46 });
    const ids = week.days.flatMap((day) => day.sessions.map((s) => s.id));
    return ids.includes(c.sessionId) ? 'allowed' : 'absent';
  },
};

async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    const result = await attempt;
    return result === 'absent' ? 'absent' : 'allowed';
  } catch (error) {
    // Any other refusal (e.g. "already held") came after the access check had let them in.
    if (isAppError(error)) return error.code === 'not_found' ? 'not_found' : 'allowed';
    throw error;
  }
}

const refused = (rule: Rule) => (rule === 'see it in the calendar' ? 'absent' : 'not_found');
const table = (
  ['read the session', 'move it', 'record its outcome', 'see it in the calendar'] as const
).flatMap((rule) => [
  [rule, 'author', 'allowed'] as const,
  [rule, 'colleague', refused(rule)] as const,
  [rule, 'owner', refused(rule)] as const,
  [rule, 'outsider', refused(rule)] as const,
]);

describe('who may do what with a session (author = its supervisor)', () => {
  it.each(table)('%s as %s: %s', async (rule, who, result) => {
    const cast = await createAccessCast(db());
    expect(await outcome(rules[rule](cast, who))).toBe(result);
  });
});
