import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { type CastRole, createAccessCast } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';
import { isAppError } from '~/errors';

import { rescheduleSession } from './booking.server';
import { getCalendar } from './calendar.server';
import { markNoShow } from './outcomes.server';
import { getSession } from './queries.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

type Cast = Awaited<ReturnType<typeof createAccessCast>>;
type Rule =
  | 'read the session'
  | 'move it'
  | 'record its outcome'
  | 'see it in the calendar'
  | "see it in its supervisor's calendar";

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
  'see it in the calendar': (c, who) => inWeek46(c, who, null),
  // Asking for the author's calendar by id: the owner may look, others see their own.
  "see it in its supervisor's calendar": (c, who) => inWeek46(c, who, c.actors.author.userId),
};

async function inWeek46(c: Cast, who: CastRole, supervisorId: string | null) {
  const calendar = await getCalendar(testContext(db()), c.actors[who], {
    from: '2026-11-09',
    to: '2026-11-15',
    supervisorId,
    contractId: null,
  });
  return calendar.sessions.some((s) => s.id === c.sessionId) ? 'allowed' : 'absent';
}

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

const refused = (rule: Rule) => (rule.startsWith('see it') ? 'absent' : 'not_found');
const table = [
  ...(
    ['read the session', 'move it', 'record its outcome', 'see it in the calendar'] as const
  ).flatMap((rule) => [
    [rule, 'author', 'allowed'] as const,
    [rule, 'colleague', refused(rule)] as const,
    [rule, 'owner', refused(rule)] as const,
    [rule, 'outsider', refused(rule)] as const,
  ]),
  ["see it in its supervisor's calendar", 'author', 'allowed'] as const,
  ["see it in its supervisor's calendar", 'colleague', 'absent'] as const,
  // The owner sees every member's sessions as contract metadata (times, codes, states).
  ["see it in its supervisor's calendar", 'owner', 'allowed'] as const,
  ["see it in its supervisor's calendar", 'outsider', 'absent'] as const,
];

describe('who may do what with a session (author = its supervisor)', () => {
  it.each(table)('%s as %s: %s', async (rule, who, result) => {
    const cast = await createAccessCast(db());
    expect(await outcome(rules[rule](cast, who))).toBe(result);
  });
});
