/**
 * Issue 8, done-when 3, through the real HTTP stack: a supervisee whose supervisor keeps
 * private notes, an unpublished revision of a published summary, a summary never published,
 * an evaluation comment and a client background — each holding a marker — opens every portal
 * page (as HTML and as Remix's single-fetch data) and downloads both exports. The marker
 * appears in none of them. So does nothing a group-mate wrote, nor another supervisee's
 * published summary; the published summary itself does show, in the pages and the exports.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { publishActions } from '#db/testing/between-sessions';
import { testContext } from '#db/testing/context';
import { createFeedbackRound, sharedToken } from '#db/testing/feedback';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import { markAgreedAction } from '~/between-sessions/action-marks.server';
import { saveReflection } from '~/between-sessions/reflections.server';
import { askSupervisor } from '~/between-sessions/requests.server';
import { updateClient } from '~/clients/clients.server';
import { recordEvaluation } from '~/evaluations/evaluations.server';
import { answerEvaluation } from '~/evaluations/portal-evaluations.server';
import { saveAnswer } from '~/exercises/answers.server';
import { assignExercise } from '~/exercises/assignments.server';
import { listExercises } from '~/exercises/toolkit.server';
import { startTestApp, type TestApp } from '~/http/test-app';
import { emptySharedDraft, type PrivateNote } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import { themes } from '~/notes/themes';

/** Written by the supervisor and never released to `self`, or by someone else than `self`. */
const SECRET = 'SALAINEN-MERKKI-7f3a';
/** In the summary the supervisor published to the group. */
const VISIBLE = 'NAKYVA-MERKKI-91c2';
/** What `self` wrote: in their own pages and export, never in their group-mate's. */
const OWN = 'OMA-MERKKI-2d81';

const secretNote: PrivateNote = {
  general: SECRET,
  role: SECRET,
  power: SECRET,
  environment: SECRET,
  dialogue: SECRET,
};
const secretDraft = { role: SECRET, power: SECRET, environment: SECRET, dialogue: SECRET };

let database: TestDatabase;
let app: TestApp;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
let params: Record<string, string>;
let unpublishedSessionId: string;
const cookies = { self: '', sameGroup: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
  const db = database.db;
  const ctx = testContext(db);
  cast = await createPortalCast(db);
  const { author } = cast;
  const mate = cast.sameGroup;

  // The group's session: published once with the visible marker, then revised in secret.
  const [actionId] = await publishActions(db, author, cast.sessionId, ['Kokeile viikkopalaveria'], {
    privateText: SECRET,
    draftText: VISIBLE,
  });
  if (!actionId) throw new Error('no action');
  await saveNote(ctx, author, cast.sessionId, {
    baseVersion: 1,
    private: secretNote,
    shared: { ...secretDraft, actions: ['Kokeile viikkopalaveria', SECRET] },
    themes: null,
  });
  // A later session of the group, written up and never published.
  unpublishedSessionId = await insertSession(db, {
    practiceId: author.practiceId,
    contractId: cast.contractId,
    supervisorId: author.userId,
    startsAt: new Date('2026-11-24T08:00:00Z'),
    status: 'held',
  });
  await saveNote(ctx, author, unpublishedSessionId, {
    baseVersion: 0,
    private: secretNote,
    shared: { ...secretDraft, actions: [SECRET] },
    themes: null,
  });
  // Another supervisee's summary, published to them only.
  await saveNote(ctx, author, cast.individualSessionId, {
    baseVersion: 0,
    private: secretNote,
    shared: { ...emptySharedDraft, ...secretDraft },
    themes: null,
  });
  await publishSummary(ctx, author, cast.individualSessionId, null);
  // The supervisor's own evaluation, and their background notes on the client.
  await recordEvaluation(ctx, author, cast.contractId, {
    kind: 'start',
    respondentClientId: null,
    scores: {},
    comment: SECRET,
  });
  await updateClient(ctx, author, cast.clientId, {
    name: 'Maria Lehtonen',
    email: null,
    phone: null,
    title: null,
    organisation: null,
    background: SECRET,
    streetAddress: null,
    postalCode: null,
    city: null,
  });

  // A coming session, so that messages to the supervisor can be sent.
  const comingSessionId = await insertSession(db, {
    practiceId: author.practiceId,
    contractId: cast.contractId,
    supervisorId: author.userId,
    startsAt: new Date(Date.now() + 7 * 24 * 60 * 60_000),
  });
  const [exercise] = await listExercises(ctx, author);
  if (!exercise) throw new Error('the toolkit is empty');
  const assignTo = (clientId: string) =>
    assignExercise(ctx, author, cast.contractId, {
      exerciseId: exercise.id,
      clientId,
      dueOn: null,
    });

  // What self writes, and what their group-mate writes on the same session and contract.
  const ownAssignment = await assignTo(cast.clientId);
  await saveAnswer(ctx, cast.self, ownAssignment, { answer: OWN, submit: false, share: false });
  await markAgreedAction(ctx, cast.self, { actionId, state: 'done', comment: OWN });
  await saveReflection(ctx, cast.self, cast.sessionId, { moment: 'after', text: OWN });
  await askSupervisor(ctx, cast.self, comingSessionId, {
    kind: 'cannot_attend',
    message: OWN,
    appOrigin: app.origin,
  });
  await answerEvaluation(ctx, cast.self, cast.contractId, {
    kind: 'start',
    scores: {},
    comment: OWN,
  });
  const ownRound = await createFeedbackRound(db, cast.self, { title: OWN });
  await sharedToken(db, cast.self, ownRound);

  const matesAssignment = await assignTo(mate.clientIds[0] ?? '');
  await saveAnswer(ctx, mate, matesAssignment, { answer: SECRET, submit: true, share: true });
  await markAgreedAction(ctx, mate, { actionId, state: 'not_done', comment: SECRET });
  await saveReflection(ctx, mate, cast.sessionId, { moment: 'after', text: SECRET });
  await askSupervisor(ctx, mate, comingSessionId, {
    kind: 'new_time',
    message: SECRET,
    appOrigin: app.origin,
  });
  await answerEvaluation(ctx, mate, cast.contractId, {
    kind: 'start',
    scores: {},
    comment: SECRET,
  });
  await createFeedbackRound(db, mate, { title: SECRET });

  params = {
    contractId: cast.contractId,
    sessionId: cast.sessionId,
    assignmentId: ownAssignment,
    roundId: ownRound,
    theme: 'power',
    token: 'tuntematon-kutsu-0123456789abcdefghij',
  };
  for (const who of ['self', 'sameGroup'] as const) {
    cookies[who] = `ohjaamo_session=${(await createSession(db, cast[who].userId)).token}`;
  }
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (urlPath: string, who: keyof typeof cookies, language = 'fi') =>
  fetch(`${app.origin}${urlPath}`, {
    redirect: 'manual',
    headers: { Accept: 'text/html', 'Accept-Language': language, Cookie: cookies[who] },
  });

/**
 * The URL of a route file with the cast's ids for its parameters: `.` separates segments
 * except inside `[…]`, `_`-prefixed segments add nothing, a trailing `_` only un-nests.
 */
function pathOf(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split(/\.(?![^[]*\])/)
    .filter((segment) => !segment.startsWith('_'))
    .map((segment) =>
      segment
        .replace(/_$/, '')
        .replace(/\[(.*?)\]/g, '$1')
        .replace(/^\$(\w+)/, (_, name: string) => params[name] ?? ''),
    );
  return `/${segments.join('/')}`;
}

const routeFiles = readdirSync(path.resolve(__dirname, '../routes')).filter(
  (f) => f.startsWith('portal') && /\.tsx?$/.test(f) && !f.includes('.test.'),
);
/** Pages (with a component) are also fetched as single-fetch data; resource routes are not. */
const pageFiles = routeFiles.filter((f) => f.endsWith('.tsx'));
/** What each page answers `self`; anything not listed answers 200. */
const expectedStatus: Record<string, number> = { 'portal.practice.tsx': 302 };

describe('no supervisor-only text reaches the supervisee', () => {
  it('knows the URL of every portal route', () => {
    expect(pathOf('portal.tsx')).toBe('/portal');
    expect(pathOf('portal.export[.json].ts')).toBe('/portal/export.json');
    expect(pathOf('portal.sessions.$sessionId[.ics].ts')).toBe(
      `/portal/sessions/${cast.sessionId}.ics`,
    );
    expect(pathOf('portal_.invite.$token.tsx')).toBe(`/portal/invite/${params.token}`);
    expect(routeFiles).toEqual(
      expect.arrayContaining([
        'portal.export.tsx',
        'portal.export[.json].ts',
        'portal.export[.html].ts',
      ]),
    );
  });

  it.each(routeFiles)('%s, as HTML (or its file), holds no marker', async (file) => {
    for (const language of ['fi', 'en']) {
      const response = await get(pathOf(file), 'self', language);
      expect(response.status, `${file} ${language}`).toBe(expectedStatus[file] ?? 200);
      const body = await response.text();
      expect(body).not.toContain(SECRET);
    }
  });

  it.each(pageFiles)('%s, as single-fetch data, holds no marker', async (file) => {
    const dataPath = `${pathOf(file)}.data`;
    const response = await get(dataPath, 'self');
    // A redirecting loader answers single fetch with 202 and the redirect in the body.
    expect(response.status, dataPath).toBe(expectedStatus[file] ? 202 : 200);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('shows the published summary; the never-published session and other themes show nothing', async () => {
    for (const urlPath of [`/portal/summaries/${cast.sessionId}`, '/portal/themes/environment']) {
      for (const url of [urlPath, `${urlPath}.data`]) {
        expect(await (await get(url, 'self')).text(), url).toContain(VISIBLE);
      }
    }
    const unpublished = await get(`/portal/summaries/${unpublishedSessionId}`, 'self');
    expect(unpublished.status).toBe(404);
    expect(await unpublished.text()).not.toContain(SECRET);
    for (const theme of themes) {
      const page = await (await get(`/portal/themes/${theme}`, 'self')).text();
      expect(page, theme).not.toContain(SECRET);
    }
  });
});

/** Cache-Control's directives once each (the route and the server's default both say it). */
const directives = (header: string | null) => [...new Set((header ?? '').split(/,\s*/))];

describe('the exports', () => {
  it('download as dated, uncached attachments holding the published summary and self’s own text', async () => {
    const day = /^attachment; filename="ohjaamo-export-\d{4}-\d{2}-\d{2}\.(json|html)"$/;
    const json = await get('/portal/export.json', 'self');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toMatch(day);
    expect(directives(json.headers.get('cache-control'))).toEqual(['no-store']);
    const data = await json.text();
    expect(data).toContain(VISIBLE);
    expect(data).toContain(OWN);
    expect(data).not.toContain(SECRET);
    expect(JSON.parse(data)).toMatchObject({ profile: { email: cast.self.email } });

    for (const language of ['fi', 'en'] as const) {
      const html = await get('/portal/export.html', 'self', language);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('content-disposition')).toMatch(day);
      expect(directives(html.headers.get('cache-control'))).toEqual(['no-store']);
      const document = await html.text();
      expect(document).toMatch(new RegExp(`^<!doctype html><html lang="${language}">`));
      expect(document).not.toMatch(/<script/i);
      expect(document).toContain(VISIBLE);
      expect(document).toContain(OWN);
      expect(document).not.toContain(SECRET);
    }
  });

  it('of the group-mate hold nothing self wrote', async () => {
    for (const urlPath of ['/portal/export.json', '/portal/export.html']) {
      const response = await get(urlPath, 'sameGroup');
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body, urlPath).toContain(VISIBLE);
      expect(body, urlPath).not.toContain(OWN);
    }
  });
});
