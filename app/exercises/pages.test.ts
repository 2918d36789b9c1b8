/**
 * The exercise and evaluation pages through the real HTTP stack: a supervisee answers and
 * shares an exercise in the portal; the supervisor reads the shared answer on the contract
 * page; a participant of the same group never reaches it; private notes never show.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { testContext } from '#db/testing/context';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import { startTestApp, type TestApp } from '~/http/test-app';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { saveNote } from '~/notes/save-note.server';

import { assignExercise } from './assignments.server';
import { listExercises } from './toolkit.server';

let database: TestDatabase;
let app: TestApp;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
let assignmentId: string;
const cookies: Record<'self' | 'sameGroup' | 'author' | 'owner', string> = {
  self: '',
  sameGroup: '',
  author: '',
  owner: '',
};

const ANSWER = 'Tiimini-sanoi-että-kuuntelen-huonosti';
const PRIVATE = 'Yksityinen-merkintä-jota-ei-näytetä';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
  const db = database.db;
  cast = await createPortalCast(db);
  const [exercise] = await listExercises(testContext(db), cast.author);
  if (!exercise) throw new Error('no exercise');
  assignmentId = await assignExercise(testContext(db), cast.author, cast.contractId, {
    exerciseId: exercise.id,
    clientId: cast.clientId,
    dueOn: '2026-12-20',
  });
  await saveNote(testContext(db), cast.author, cast.sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, general: PRIVATE },
    shared: { ...emptySharedDraft, role: PRIVATE },
    themes: null,
  });
  for (const who of ['self', 'sameGroup', 'author', 'owner'] as const) {
    cookies[who] = `ohjaamo_session=${(await createSession(db, cast[who].userId)).token}`;
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const html = { Accept: 'text/html', 'Accept-Language': 'fi' };
const get = (path: string, who: keyof typeof cookies) =>
  fetch(`${app.origin}${path}`, { redirect: 'manual', headers: { ...html, Cookie: cookies[who] } });
const post = (path: string, who: keyof typeof cookies, values: Record<string, string>) =>
  fetch(`${app.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...html, Origin: app.origin, Cookie: cookies[who] },
    body: new URLSearchParams(values),
  });

it('a supervisee answers and shares an exercise; the supervisor reads it; a group-mate cannot', async () => {
  const list = await get('/portal/exercises', 'self');
  expect(list.status).toBe(200);
  const listed = await list.text();
  expect(listed).toContain('Kysymyksiä neuvojen sijaan');
  expect(listed).toContain('20.12.2026');

  const page = await get(`/portal/exercises/${assignmentId}`, 'self');
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Jaa vastaus työnohjaajalleni');

  // Before anything is shared, the contract page shows no answer.
  const before = await (await get(`/contracts/${cast.contractId}`, 'author')).text();
  expect(before).toContain('Ei jaettua vastausta.');

  const saved = await post(`/portal/exercises/${assignmentId}`, 'self', {
    answer: ANSWER,
    intent: 'submit',
    share: 'on',
  });
  expect(saved.status).toBe(302);
  expect(saved.headers.get('location')).toBe(`/portal/exercises/${assignmentId}?saved=shared`);

  const contractPage = await (await get(`/contracts/${cast.contractId}`, 'author')).text();
  expect(contractPage).toContain(ANSWER);
  expect(contractPage).not.toContain(PRIVATE);

  expect((await get(`/portal/exercises/${assignmentId}`, 'sameGroup')).status).toBe(404);
  const mates = await (await get('/portal/exercises', 'sameGroup')).text();
  expect(mates).not.toContain(ANSWER);
  expect(mates).toContain('Sinulle ei ole annettu harjoituksia.');
  // The owner does not supervise the contract: no exercise section, no answer.
  expect(await (await get(`/contracts/${cast.contractId}`, 'owner')).text()).not.toContain(ANSWER);
});

it('renders the evaluations page and records an answer; nothing private shows', async () => {
  const page = await get('/portal/evaluations', 'self');
  expect(page.status).toBe(200);
  const text = await page.text();
  expect(text).toContain('Alkuarviointi');
  expect(text).toContain('Avoinna: voit vastata nyt.');
  expect(text).not.toContain(PRIVATE);
  const saved = await post('/portal/evaluations', 'self', {
    contractId: cast.contractId,
    kind: 'start',
    comment: 'Alku tuntuu hyvältä',
  });
  expect(saved.status).toBe(302);
  const after = await (await get('/portal/evaluations', 'self')).text();
  expect(after).toContain('Alku tuntuu hyvältä');
  const mate = await (await get('/portal/evaluations', 'sameGroup')).text();
  expect(mate).not.toContain('Alku tuntuu hyvältä');
  const staff = await (await get(`/contracts/${cast.contractId}/evaluations`, 'author')).text();
  expect(staff).toContain('Alku tuntuu hyvältä');
});

it('the toolkit page shows the starter set to a supervisor, read-only', async () => {
  const page = await get('/settings/exercises', 'author');
  expect(page.status).toBe(200);
  const text = await page.text();
  expect(text).toContain('Viisi askelta kohti itseohjautuvaa työtä');
  expect(text).toContain('Vain vastaanoton omistaja voi muokata harjoituspankkia.');
  const ownerPage = await (await get('/settings/exercises', 'owner')).text();
  expect(ownerPage).toContain('Uusi harjoitus');
});
