/**
 * What a supervisee reads in the portal: their contracts and sessions, the summaries their
 * supervisor published (the group's too), a theme across sessions — and never a draft, a
 * private note, or another supervisee's material. Each page costs the same number of queries
 * however much there is.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { contractGoals, noteAuditLog, sessionNotes, supervisionSessions } from '#db/schema';
import { testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import { AppError } from '~/errors';
import { startTestApp, type TestApp } from '~/http/test-app';
import { emptyPrivateNote, emptySharedDraft, type SharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import { themesOverTime } from '~/notes/themes-over-time.server';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';

import { getPortalContract, listPortalContracts } from './contracts.server';
import {
  getPortalSummary,
  listPortalSummaries,
  summariesAboutTheme,
} from './published-summaries.server';
import { portalSessionCalendar } from './session-calendar.server';
import { portalThemesOverTime } from './themes-over-time.server';

const MARKER = 'SALAINEN-MERKKIJONO-7731';
const NOW = new Date('2026-11-20T10:00:00Z');

const counter = queryCounter();
let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
const ctx = () => testContext(database.db, NOW);

/** Writes a note on the session (its private part always holds the marker) and saves it. */
async function writeNote(
  author: MemberActor,
  sessionId: string,
  shared: Partial<SharedDraft>,
  privatePart: Partial<typeof emptyPrivateNote> = {},
) {
  const [note] = await database.db
    .select({ version: sessionNotes.version })
    .from(sessionNotes)
    .where(eq(sessionNotes.sessionId, sessionId));
  await saveNote(ctx(), author, sessionId, {
    baseVersion: note?.version ?? 0,
    private: { ...emptyPrivateNote, general: MARKER, ...privatePart },
    shared: { ...emptySharedDraft, ...shared },
    themes: null,
  });
}

const held = (actor: MemberActor, contractId: string, startsAt: string) =>
  insertSession(database.db, {
    practiceId: actor.practiceId,
    contractId,
    supervisorId: actor.userId,
    startsAt: new Date(startsAt),
    status: 'held',
  });

let draftSessionId: string;
let futureSessionId: string;

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  cast = await createPortalCast(database.db);
  const { author } = cast;
  // The group session: published twice (the portal shows the latest), the private part
  // about the role.
  await writeNote(author, cast.sessionId, { power: 'Ensimmäinen versio' }, { role: 'Rooli' });
  await publishSummary(ctx(), author, cast.sessionId, null);
  await writeNote(
    author,
    cast.sessionId,
    { power: 'Päätös tehtiin yhdessä.', actions: ['Kysy tiimiltä palautetta'] },
    { role: 'Rooli' },
  );
  await publishSummary(ctx(), author, cast.sessionId, null);
  // A later group session whose summary is only a draft.
  draftSessionId = await held(author, cast.contractId, '2026-11-17T08:00:00Z');
  await writeNote(author, draftSessionId, { power: MARKER, dialogue: MARKER });
  // The individual contract of samePractice: published, about dialogue.
  await writeNote(author, cast.individualSessionId, { dialogue: 'Palaverikäytäntö' });
  await publishSummary(ctx(), author, cast.individualSessionId, null);
  // The group's next session, held elsewhere than the contract says.
  futureSessionId = await insertSession(database.db, {
    practiceId: author.practiceId,
    contractId: cast.contractId,
    supervisorId: author.userId,
    startsAt: new Date('2026-12-01T08:00:00Z'),
    status: 'scheduled',
  });
  await database.db
    .update(supervisionSessions)
    .set({ location: 'https://meet.example/ohjaus' })
    .where(eq(supervisionSessions.id, futureSessionId));
}, 60_000);
afterAll(() => database.close());

async function queriesOf(run: () => Promise<unknown>): Promise<number> {
  counter.reset();
  await run();
  return counter.count;
}

const notFound = (promise: Promise<unknown>) =>
  promise.then(
    () => 'found',
    (error: unknown) => (error instanceof AppError ? error.code : error),
  );

describe('published summaries in the portal', () => {
  it('the group’s summary reaches both its participants, and no one else', async () => {
    const listed = async (actor: SuperviseeActor) =>
      (await listPortalSummaries(ctx(), actor)).rows.map((s) => s.sessionId);
    expect(await listed(cast.self)).toEqual([cast.sessionId]);
    expect(await listed(cast.sameGroup)).toEqual([cast.sessionId]);
    expect(await listed(cast.samePractice)).toEqual([cast.individualSessionId]);
    expect(await listed(cast.otherPractice)).toEqual([]);
    expect((await listPortalSummaries(ctx(), cast.self)).rows[0]).toMatchObject({
      revision: 2,
      themes: ['power'],
    });
  });

  it('opens the latest publication for a participant; not_found for anyone else', async () => {
    for (const actor of [cast.self, cast.sameGroup]) {
      const read = await getPortalSummary(ctx(), actor, cast.sessionId);
      expect(read.summary).toMatchObject({
        power: 'Päätös tehtiin yhdessä.',
        actions: ['Kysy tiimiltä palautetta'],
      });
      expect(read.revision).toBe(2);
    }
    expect(await notFound(getPortalSummary(ctx(), cast.samePractice, cast.sessionId))).toBe(
      'not_found',
    );
    expect(await notFound(getPortalSummary(ctx(), cast.otherPractice, cast.sessionId))).toBe(
      'not_found',
    );
  });

  it('never returns an unpublished draft or a private note', async () => {
    expect(await notFound(getPortalSummary(ctx(), cast.self, draftSessionId))).toBe('not_found');
    const everything = JSON.stringify([
      await listPortalSummaries(ctx(), cast.self),
      await getPortalSummary(ctx(), cast.self, cast.sessionId),
      await summariesAboutTheme(ctx(), cast.self, 'power'),
      await summariesAboutTheme(ctx(), cast.self, 'dialogue'),
      await portalThemesOverTime(ctx(), cast.self),
      await listPortalContracts(ctx(), cast.self),
      await getPortalContract(ctx(), cast.self, cast.contractId),
    ]);
    expect(everything).toContain('Päätös tehtiin yhdessä.');
    expect(everything).not.toContain(MARKER);
    expect(everything).not.toContain('Rooli');
  });

  it('audits each read of summary text by the supervisee, and not the list', async () => {
    const reads = async () =>
      (
        await database.db
          .select({ sessionId: noteAuditLog.sessionId })
          .from(noteAuditLog)
          .where(
            and(
              eq(noteAuditLog.actorId, cast.sameGroup.userId),
              eq(noteAuditLog.action, 'read_shared'),
            ),
          )
      ).length;
    const before = await reads();
    await listPortalSummaries(ctx(), cast.sameGroup);
    expect(await reads()).toBe(before);
    await getPortalSummary(ctx(), cast.sameGroup, cast.sessionId);
    expect(await reads()).toBe(before + 1);
    await summariesAboutTheme(ctx(), cast.sameGroup, 'power');
    expect(await reads()).toBe(before + 2);
    await summariesAboutTheme(ctx(), cast.sameGroup, 'environment');
    expect(await reads()).toBe(before + 2);
  });
});

describe('themes in the portal', () => {
  it('gathers one theme’s published parts, newest first, for the participants only', async () => {
    const { rows: power } = await summariesAboutTheme(ctx(), cast.self, 'power');
    expect(power.map((p) => [p.sessionId, p.text])).toEqual([
      [cast.sessionId, 'Päätös tehtiin yhdessä.'],
    ]);
    expect((await summariesAboutTheme(ctx(), cast.self, 'dialogue')).rows).toEqual([]);
    expect(
      (await summariesAboutTheme(ctx(), cast.samePractice, 'dialogue')).rows.map((p) => p.text),
    ).toEqual(['Palaverikäytäntö']);
    expect((await summariesAboutTheme(ctx(), cast.otherPractice, 'power')).rows).toEqual([]);
  });

  it('draws the timeline from published summaries, not from the private notes', async () => {
    const [timeline] = await portalThemesOverTime(ctx(), cast.self);
    expect(timeline?.contractId).toBe(cast.contractId);
    expect(timeline?.points.map((p) => [p.sessionId, p.themes])).toEqual([
      [cast.sessionId, ['power']],
      [draftSessionId, []],
      [futureSessionId, []],
    ]);
    // The supervisor's own timeline reads their notes, private parts included.
    const staff = await themesOverTime(ctx(), cast.author, cast.contractId);
    expect(staff.find((p) => p.sessionId === cast.sessionId)?.themes).toEqual(['role', 'power']);
    expect(
      (await portalThemesOverTime(ctx(), cast.otherPractice)).map((t) => t.contractId),
    ).not.toContain(cast.contractId);
  });
});

describe('contracts and sessions in the portal', () => {
  it('shows the supervisee their agreed contracts with progress, next session and rule', async () => {
    const [contract, ...others] = await listPortalContracts(ctx(), cast.self);
    expect(others).toEqual([]);
    expect(contract).toMatchObject({
      id: cast.contractId,
      status: 'active',
      progress: { used: 2, agreed: 10, upcoming: 1 },
      cancellationNoticeHours: 24,
      chargeLateCancellation: true,
      chargeNoShow: true,
      nextSession: {
        id: futureSessionId,
        place: null,
        remoteLink: 'https://meet.example/ohjaus',
      },
    });
    expect((await listPortalContracts(ctx(), cast.samePractice)).map((c) => c.id)).toEqual([
      cast.individualContractId,
    ]);
    expect(await listPortalContracts(ctx(), cast.otherPractice)).not.toContainEqual(
      expect.objectContaining({ id: cast.contractId }),
    );
  });

  it('hides a contract still in draft, and lists active ones before ended ones', async () => {
    const participants = [cast.clientId];
    const draft = await createContractFixture(database.db, cast.author, {
      participants,
      status: 'draft',
    });
    const ended = await createContractFixture(database.db, cast.author, {
      participants,
      status: 'ended',
      startsOn: '2026-10-01',
    });
    const ids = (await listPortalContracts(ctx(), cast.self)).map((c) => c.id);
    expect(ids).toEqual([cast.contractId, ended.contractId]);
    expect(await notFound(getPortalContract(ctx(), cast.self, draft.contractId))).toBe('not_found');
    expect(await notFound(getPortalContract(ctx(), cast.sameGroup, ended.contractId))).toBe(
      'not_found',
    );
  });

  it('lists a contract’s sessions with what has a summary, for its participants only', async () => {
    const page = await getPortalContract(ctx(), cast.sameGroup, cast.contractId);
    expect(page.sessions.map((s) => [s.id, s.status, s.hasSummary, s.coming])).toEqual([
      [cast.sessionId, 'held', true, false],
      [draftSessionId, 'held', false, false],
      [futureSessionId, 'scheduled', false, true],
    ]);
    expect(page.nextSession?.id).toBe(futureSessionId);
    for (const actor of [cast.samePractice, cast.otherPractice]) {
      expect(await notFound(getPortalContract(ctx(), actor, cast.contractId))).toBe('not_found');
    }
  });

  it('counts a late, charged cancellation as used and one cancelled in time as not', async () => {
    const { contractId } = await createContractFixture(database.db, cast.author, {
      participants: [cast.clientId],
    });
    await database.db.insert(supervisionSessions).values(
      [true, false].map((chargeable, i) => ({
        practiceId: cast.author.practiceId,
        contractId,
        supervisorId: cast.author.userId,
        startsAt: new Date(Date.UTC(2026, 10, 2 + i, 8)),
        endsAt: new Date(Date.UTC(2026, 10, 2 + i, 9)),
        status: 'cancelled' as const,
        cancelledLate: chargeable,
        chargeable,
      })),
    );
    const page = await getPortalContract(ctx(), cast.self, contractId);
    expect(page.progress).toMatchObject({ used: 1, upcoming: 0 });
    expect(page.sessions.map((s) => [s.cancelledLate, s.chargeable])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('gives a session as a calendar file with a stable UID, to its participants only', async () => {
    const ics = await portalSessionCalendar(ctx(), cast.self, futureSessionId, 'fi');
    expect(ics).toContain(`UID:${futureSessionId}@ohjaamo`);
    expect(ics).toContain('DTSTART:20261201T080000Z');
    expect(ics).toContain('https://meet.example/ohjaus');
    expect(await portalSessionCalendar(ctx(), cast.sameGroup, futureSessionId, 'en')).toContain(
      `UID:${futureSessionId}@ohjaamo`,
    );
    for (const actor of [cast.samePractice, cast.otherPractice]) {
      expect(await notFound(portalSessionCalendar(ctx(), actor, futureSessionId, 'fi'))).toBe(
        'not_found',
      );
    }
  });
});

describe('query counts', () => {
  const pages = (actor: SuperviseeActor, contractId: string) => ({
    home: () => listPortalContracts(ctx(), actor),
    contract: () => getPortalContract(ctx(), actor, contractId),
    summaries: () => listPortalSummaries(ctx(), actor),
    theme: () => summariesAboutTheme(ctx(), actor, 'power'),
    themes: () => portalThemesOverTime(ctx(), actor),
  });

  it('stay the same however many contracts, goals, sessions and summaries there are', async () => {
    const fresh = await createPortalCast(database.db);
    const measure = async () => {
      const counts: Record<string, number> = {};
      for (const [name, run] of Object.entries(pages(fresh.self, fresh.contractId)))
        counts[name] = await queriesOf(run);
      return counts;
    };
    await writeNote(fresh.author, fresh.sessionId, { power: 'Yksi' });
    await publishSummary(ctx(), fresh.author, fresh.sessionId, null);
    const few = await measure();

    for (let n = 0; n < 3; n += 1) {
      const { contractId } = await createContractFixture(database.db, fresh.author, {
        participants: [fresh.clientId],
      });
      await database.db.insert(contractGoals).values(
        [0, 1].map((position) => ({
          contractId,
          practiceId: fresh.author.practiceId,
          position,
          text: `Tavoite ${position}`,
          theme: 'power' as const,
        })),
      );
      for (const day of [3, 4]) {
        const sessionId = await held(fresh.author, contractId, `2026-11-0${day}T0${n + 7}:00:00Z`);
        await writeNote(fresh.author, sessionId, { power: `Osa ${n} ${day}` });
        await publishSummary(ctx(), fresh.author, sessionId, null);
      }
    }
    const more = await held(fresh.author, fresh.contractId, '2026-11-12T08:00:00Z');
    await writeNote(fresh.author, more, { power: 'Toinen' });
    await publishSummary(ctx(), fresh.author, more, null);

    const many = await measure();
    expect(many).toEqual(few);
    expect((await listPortalSummaries(ctx(), fresh.self)).rows.length).toBe(8);
  });
});

describe('the summaries list, a page at a time', () => {
  let app: TestApp;
  let fresh: Awaited<ReturnType<typeof createPortalCast>>;
  const cookies = { self: '', samePractice: '' };
  /** The self's summaries as the list orders them: newest session first, ties by id. */
  const published: { id: string; startsAt: Date }[] = [];

  async function publishOn(author: MemberActor, sessionId: string, startsAt: Date) {
    await writeNote(author, sessionId, { power: `Kirjattu ${sessionId}` });
    await publishSummary(ctx(), author, sessionId, null);
    published.push({ id: sessionId, startsAt });
    published.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /** Publishes summaries of new sessions of the group contract until self has `total`. */
  async function publishUpTo(total: number) {
    while (published.length < total) {
      const n = published.length;
      // Two sessions share a start (n = 3 and 4): the session id orders them.
      const startsAt = new Date(Date.UTC(2026, 6, n === 4 ? n : n + 1, 8));
      const sessionId = await held(fresh.author, fresh.contractId, startsAt.toISOString());
      await publishOn(fresh.author, sessionId, startsAt);
    }
  }

  const get = (path: string, who: keyof typeof cookies = 'self') =>
    fetch(`${app.origin}${path}`, {
      redirect: 'manual',
      headers: {
        Accept: 'text/html',
        'Accept-Language': 'fi',
        Cookie: cookies[who],
        Connection: 'close',
      },
    });
  const html = async (path: string, who: keyof typeof cookies = 'self') => {
    const response = await get(path, who);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  /** The sessions whose summaries a page links to, in its order. */
  const listed = (body: string) =>
    [...body.matchAll(/href="\/portal\/summaries\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

  beforeAll(async () => {
    app = await startTestApp(database);
    fresh = await createPortalCast(database.db);
    cookies.self = `ohjaamo_session=${(await createSession(database.db, fresh.self.userId)).token}`;
    cookies.samePractice = `ohjaamo_session=${(await createSession(database.db, fresh.samePractice.userId)).token}`;
    // Another supervisee of the practice has a summary of their own.
    await writeNote(fresh.author, fresh.individualSessionId, { power: 'Toisen oma' });
    await publishSummary(ctx(), fresh.author, fresh.individualSessionId, null);
    // The group session is published twice: listed once, as its latest revision.
    await publishOn(fresh.author, fresh.sessionId, new Date('2026-11-10T08:00:00Z'));
    await writeNote(fresh.author, fresh.sessionId, { power: 'Toinen versio', dialogue: 'Uusi' });
    await publishSummary(ctx(), fresh.author, fresh.sessionId, null);
  }, 120_000);
  afterAll(() => app.close());

  it('costs the same queries for 3 summaries as for 25, on either page', async () => {
    await publishUpTo(3);
    expect(listed(await html('/portal/summaries'))).toEqual(published.map((p) => p.id));
    const few = await queriesOf(() => html('/portal/summaries'));
    await publishUpTo(25);
    expect(await queriesOf(() => html('/portal/summaries'))).toBe(few);
    expect(await queriesOf(() => html('/portal/summaries?page=2'))).toBe(few);
  }, 120_000);

  it('shows the 20 newest sessions first, the other 5 on page 2, with plain links', async () => {
    await publishUpTo(25);
    const ids = published.map((p) => p.id);
    const first = await html('/portal/summaries');
    expect(listed(first)).toEqual(ids.slice(0, 20));
    expect(first).toContain('Sivu 1/2.');
    expect(first).toContain('Rivit 1–20, yhteensä 25.');
    expect(first).toMatch(/<a rel="next"[^>]*href="\/portal\/summaries\?page=2"/);
    const second = await html('/portal/summaries?page=2');
    expect(listed(second)).toEqual(ids.slice(20));
    expect(second).toContain('Rivit 21–25, yhteensä 25.');
    expect(second).toMatch(/<a rel="prev"[^>]*href="\/portal\/summaries"/);
    expect(second).not.toContain('rel="next"');
    // The latest revision of the twice-published session, once.
    const { rows } = await listPortalSummaries(ctx(), fresh.self, { page: 1 });
    const group = rows.find((row) => row.sessionId === fresh.sessionId);
    expect(group).toMatchObject({ revision: 2, themes: ['power', 'dialogue'] });
  }, 120_000);

  it('answers any page parameter with the first page', async () => {
    await publishUpTo(25);
    const firstPage = published.slice(0, 20).map((p) => p.id);
    for (const page of ['abc', '0', '-1', '2.5', '3', '1e400', '99999999999999999999', '']) {
      const body = await html(`/portal/summaries?page=${encodeURIComponent(page)}`);
      expect(listed(body), page).toEqual(firstPage);
      expect(body, page).toContain('Rivit 1–20, yhteensä 25.');
    }
  }, 120_000);

  it('pages the theme page by 20 summaries, decrypting and auditing only the page’s', async () => {
    await publishUpTo(25);
    const ids = published.map((p) => p.id);
    const reads = async () =>
      (
        await database.db
          .select({ sessionId: noteAuditLog.sessionId })
          .from(noteAuditLog)
          .where(
            and(
              eq(noteAuditLog.actorId, fresh.self.userId),
              eq(noteAuditLog.action, 'read_shared'),
            ),
          )
      ).map((row) => row.sessionId);
    const before = (await reads()).length;
    const first = await summariesAboutTheme(ctx(), fresh.self, 'power');
    expect(first.rows.map((p) => p.sessionId)).toEqual(ids.slice(0, 20));
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 25, pageSize: 20 });
    expect((await reads()).slice(before)).toHaveLength(20);
    // The latest revision of the twice-published session, as the summaries list shows it.
    expect(first.rows.find((p) => p.sessionId === fresh.sessionId)?.text).toBe('Toinen versio');

    const body = await html('/portal/themes/power');
    expect(listed(body)).toEqual(ids.slice(0, 20));
    expect(body).toContain('Rivit 1–20, yhteensä 25.');
    expect(body).toMatch(/<a rel="next"[^>]*href="\/portal\/themes\/power\?page=2"/);
    const second = await html('/portal/themes/power?page=2');
    expect(listed(second)).toEqual(ids.slice(20));
    expect(second).toMatch(/<a rel="prev"[^>]*href="\/portal\/themes\/power"/);
    for (const page of ['abc', '0', '3', '1e400']) {
      expect(listed(await html(`/portal/themes/power?page=${page}`)), page).toEqual(
        ids.slice(0, 20),
      );
    }
    // Only the newest (group) summary speaks of dialogue: page 2 has nothing on it, and says so.
    expect(listed(await html('/portal/themes/dialogue'))).toEqual([fresh.sessionId]);
    const none = await html('/portal/themes/dialogue?page=2');
    expect(listed(none)).toEqual([]);
    expect(none).toContain('Tämän sivun yhteenvedoissa ei ole mitään tästä teemasta.');
    expect(none).toContain('Rivit 21–25, yhteensä 25.');
  }, 120_000);

  it('never shows another supervisee’s summaries, on any page', async () => {
    await publishUpTo(25);
    const mine = new Set(published.map((p) => p.id));
    const pages = [await html('/portal/summaries'), await html('/portal/summaries?page=2')];
    expect(pages.flatMap(listed)).not.toContain(fresh.individualSessionId);
    expect(pages.flatMap(listed).every((id) => mine.has(id ?? ''))).toBe(true);
    const theirs = await html('/portal/summaries', 'samePractice');
    expect(listed(theirs)).toEqual([fresh.individualSessionId]);
    expect(theirs).not.toContain('rel="next"');
    const themePages = [
      await html('/portal/themes/power'),
      await html('/portal/themes/power?page=2'),
    ];
    expect(themePages.flatMap(listed)).not.toContain(fresh.individualSessionId);
    expect(listed(await html('/portal/themes/power', 'samePractice'))).toEqual([
      fresh.individualSessionId,
    ]);
    expect(
      (await summariesAboutTheme(ctx(), fresh.otherPractice, 'power', { page: 2 })).rows,
    ).toEqual([]);
    expect((await listPortalSummaries(ctx(), fresh.otherPractice, { page: 2 })).rows).toEqual([]);
  }, 120_000);
});
