import { describe, expect, it } from 'vitest';

import type { EvaluationKind } from '#db/schema/values';

import { type DueFacts, evaluationPoints } from './due';

const now = new Date('2026-11-30T10:00:00Z');
const facts = (overrides: Partial<DueFacts> = {}): DueFacts => ({
  status: 'active',
  sessionsAgreed: 10,
  sessionsUsed: 0,
  markedSessions: [],
  ...overrides,
});
const openKinds = (f: DueFacts) =>
  evaluationPoints(f, now)
    .filter((p) => p.open)
    .map((p) => p.kind);

describe('when evaluations are due', () => {
  it.each<[string, Partial<DueFacts>, EvaluationKind[]]>([
    ['a draft contract: nothing', { status: 'draft', sessionsUsed: 9 }, []],
    ['an active contract before any session: the start', {}, ['start']],
    ['four of ten used: still only the start', { sessionsUsed: 4 }, ['start']],
    ['five of ten used: the middle too', { sessionsUsed: 5 }, ['start', 'middle']],
    ['nine of ten used: the end too', { sessionsUsed: 9 }, ['start', 'middle', 'end']],
    [
      'an ended contract: the end whatever was used',
      { status: 'ended', sessionsUsed: 2 },
      ['start', 'end'],
    ],
    [
      'one agreed session: the middle and the end from the start',
      { sessionsAgreed: 1, sessionsUsed: 1 },
      ['start', 'middle', 'end'],
    ],
  ])('%s', (_, overrides, expected) => {
    expect(openKinds(facts(overrides))).toEqual(expected);
  });

  it('a point marked on a session opens a week before it, whatever the count', () => {
    const marked = (startsAt: string, status: 'scheduled' | 'cancelled' = 'scheduled') =>
      facts({
        sessionsUsed: 1,
        markedSessions: [{ evaluationKind: 'middle', startsAt: new Date(startsAt), status }],
      });
    expect(openKinds(marked('2026-12-07T09:00:00Z'))).toEqual(['start', 'middle']);
    expect(openKinds(marked('2026-12-08T09:00:00Z'))).toEqual(['start']);
    const [, middle] = evaluationPoints(marked('2026-12-08T09:00:00Z'), now);
    expect(middle).toMatchObject({ open: false, opensAt: new Date('2026-12-01T09:00:00Z') });
    // A cancelled evaluation session no longer sets the point: the count does.
    expect(openKinds(marked('2026-12-07T09:00:00Z', 'cancelled'))).toEqual(['start']);
  });

  it('says after how many sessions an unmarked point opens', () => {
    const [, middle, end] = evaluationPoints(facts({ sessionsUsed: 2 }), now);
    expect(middle).toMatchObject({ open: false, afterSessions: 5 });
    expect(end).toMatchObject({ open: false, afterSessions: 9 });
  });
});
