/**
 * Who reaches what a supervisee writes between sessions, asked through the use cases as a
 * table of the six people the portal must tell apart (docs/decisions/014).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { outcomeOf } from '#db/testing/access-cast';
import { publishActions } from '#db/testing/between-sessions';
import { testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';
import { cancelSessionAsSupervisee } from '~/sessions/outcomes.server';

import { listOwnActions, markAgreedAction } from './action-marks.server';
import { getOwnReflections, saveReflection } from './reflections.server';
import { askSupervisor } from './requests.server';
import { getSuperviseeWork } from './supervisee-work.server';

const NOW = new Date('2026-12-01T10:00:00Z');
const COMMENT = 'Kysyin tiimiltä, vastaukset yllättivät';
const REFLECTION = 'Haluan puhua siitä, miten kerron huonoja uutisia';
const MESSAGE = 'Pääsisinkö torstaina iltapäivällä?';

let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
let actionId: string;
/** A coming session of an individual contract of `self`. */
let ownComingSessionId: string;
/** A coming session of the group contract of `self` and `sameGroup`. */
let groupComingSessionId: string;

const ctx = () => testContext(database.db, NOW);
type Supervisees = 'self' | 'sameGroup' | 'samePractice' | 'otherPractice';
const supervisees: Supervisees[] = ['self', 'sameGroup', 'samePractice', 'otherPractice'];
const superviseeOf = (who: Supervisees): SuperviseeActor => cast[who];
const members = (): Record<'staff' | 'owner', MemberActor> => ({
  staff: cast.author,
  owner: cast.owner,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  cast = await createPortalCast(db);
  [actionId = ''] = await publishActions(db, cast.author, cast.sessionId, ['Kysy palautetta']);
  const own = await createContractFixture(db, cast.author, { participants: [cast.clientId] });
  const coming = (contractId: string) =>
    insertSession(db, {
      practiceId: cast.owner.practiceId,
      contractId,
      supervisorId: cast.author.userId,
      startsAt: new Date('2026-12-20T08:00:00Z'),
    });
  ownComingSessionId = await coming(own.contractId);
  groupComingSessionId = await coming(cast.contractId);
  // What `self` wrote, which nobody but they and the supervisor may read.
  await markAgreedAction(ctx(), cast.self, { actionId, state: 'done', comment: COMMENT });
  await saveReflection(ctx(), cast.self, cast.sessionId, { moment: 'after', text: REFLECTION });
  await askSupervisor(ctx(), cast.self, groupComingSessionId, {
    kind: 'cannot_attend',
    message: MESSAGE,
    appOrigin: 'https://ohjaamo.test',
  });
}, 60_000);
afterAll(() => database.close());

describe('agreed actions', () => {
  it('each supervisee of the group marks the group’s action; nobody else reaches it', async () => {
    const expected: Record<Supervisees, string> = {
      self: 'allowed',
      sameGroup: 'allowed',
      samePractice: 'not_found',
      otherPractice: 'not_found',
    };
    for (const who of supervisees) {
      const outcome = await outcomeOf(
        markAgreedAction(ctx(), superviseeOf(who), { actionId, state: 'not_done', comment: null }),
      );
      expect({ who, outcome }).toEqual({ who, outcome: expected[who] });
    }
    // Put self's mark back as the other tests expect it.
    await markAgreedAction(ctx(), cast.self, { actionId, state: 'done', comment: COMMENT });
  });

  it('a participant sees their own mark and comment only', async () => {
    const seen = async (who: Supervisees) =>
      (await listOwnActions(ctx(), superviseeOf(who))).flatMap((s) =>
        s.actions.map((a) => [a.text, a.state, a.comment]),
      );
    expect(await seen('self')).toEqual([['Kysy palautetta', 'done', COMMENT]]);
    expect(await seen('sameGroup')).toEqual([['Kysy palautetta', 'not_done', '']]);
    expect(await seen('samePractice')).toEqual([]);
    expect(await seen('otherPractice')).toEqual([]);
  });
});

describe('reflections', () => {
  it('are written by the participants of the session only', async () => {
    const expected: Record<Supervisees, string> = {
      self: 'allowed',
      sameGroup: 'allowed',
      samePractice: 'not_found',
      otherPractice: 'not_found',
    };
    for (const who of supervisees) {
      const outcome = await outcomeOf(
        saveReflection(ctx(), superviseeOf(who), cast.sessionId, {
          moment: 'before',
          text: `${who} kirjoitti`,
        }),
      );
      expect({ who, outcome }).toEqual({ who, outcome: expected[who] });
    }
  });

  it('are read by their author, never by another participant of the group', async () => {
    expect(await getOwnReflections(ctx(), cast.self, cast.sessionId)).toEqual({
      before: 'self kirjoitti',
      after: REFLECTION,
    });
    expect(await getOwnReflections(ctx(), cast.sameGroup, cast.sessionId)).toEqual({
      before: 'sameGroup kirjoitti',
      after: '',
    });
    for (const who of ['samePractice', 'otherPractice'] as const) {
      const outcome = await outcomeOf(getOwnReflections(ctx(), cast[who], cast.sessionId));
      expect({ who, outcome }).toEqual({ who, outcome: 'not_found' });
    }
  });
});

describe('the supervisor’s view on the session page', () => {
  it('shows the session’s supervisor everything; the owner reaches nothing', async () => {
    const { staff, owner } = members();
    const work = await getSuperviseeWork(ctx(), staff, cast.sessionId);
    const self = work.participants.find((p) => p.clientId === cast.clientId);
    expect(self?.reflections.map((r) => r.text)).toEqual(['self kirjoitti', REFLECTION]);
    expect(self?.marks.map((m) => [m.state, m.comment])).toEqual([['done', COMMENT]]);
    const requests = await getSuperviseeWork(ctx(), staff, groupComingSessionId);
    expect(requests.participants.flatMap((p) => p.requests.map((r) => r.message))).toEqual([
      MESSAGE,
    ]);
    expect(await outcomeOf(getSuperviseeWork(ctx(), owner, cast.sessionId))).toBe('not_found');
    expect(await outcomeOf(getSuperviseeWork(ctx(), owner, groupComingSessionId))).toBe(
      'not_found',
    );
  });
});

describe('cancelling in the portal', () => {
  it('only the supervisee of an individual contract cancels its session', async () => {
    const expected: Record<Supervisees, string> = {
      self: 'allowed',
      sameGroup: 'not_found',
      samePractice: 'not_found',
      otherPractice: 'not_found',
    };
    // Self last: the others must meet the session still scheduled.
    for (const who of ['otherPractice', 'samePractice', 'sameGroup', 'self'] as const) {
      const outcome = await outcomeOf(
        cancelSessionAsSupervisee(ctx(), superviseeOf(who), ownComingSessionId, {
          acknowledgeLate: false,
          appOrigin: 'https://ohjaamo.test',
        }),
      );
      expect({ who, outcome }).toEqual({ who, outcome: expected[who] });
    }
  });

  it('a group’s session is the group’s: a participant cannot cancel it, only say so', async () => {
    for (const who of ['self', 'sameGroup'] as const) {
      const outcome = await outcomeOf(
        cancelSessionAsSupervisee(ctx(), cast[who], groupComingSessionId, {
          acknowledgeLate: true,
          appOrigin: 'https://ohjaamo.test',
        }),
      );
      expect({ who, outcome }).toEqual({ who, outcome: 'forbidden' });
    }
  });
});
