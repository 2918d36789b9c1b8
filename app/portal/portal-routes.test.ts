/**
 * Every portal route's loader and action, called by the six visitors the portal must tell
 * apart. The ids in the URL are always those of `self` (the group contract, its session, …);
 * a route added under /portal without its row fails the first test.
 *
 * Outcomes as in app/http/route-authorization.test.ts: a status, 'login', '→/path',
 * 'no loader'. Actions get an empty form unless `fields` says otherwise.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database, Db } from '#db/client';
import { publishActions } from '#db/testing/between-sessions';
import { loadContextFor, testContext } from '#db/testing/context';
import { createFeedbackRound } from '#db/testing/feedback';
import { createPortalCast, type PortalPersona } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import { assignExercise } from '~/exercises/assignments.server';
import { listExercises } from '~/exercises/toolkit.server';
import { type Outcome, outcomesFor } from '~/http/route-outcomes.testing';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';

const personas: PortalPersona[] = [
  'anonymous',
  'self',
  'sameGroup',
  'samePractice',
  'otherPractice',
  'staff',
];
/** anonymous, self, a participant of the same group, another supervisee of the practice, a supervisee of another practice, a staff member */
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
interface RouteRow {
  loader: Row | 'none';
  action: Row | 'none';
  /** Fields the action is sent; `$name` stands for `params[name]`. */
  fields?: Record<string, string>;
}

const all = (outcome: Outcome): Row => [outcome, outcome, outcome, outcome, outcome, outcome];
/** Only supervisees with live access get in; everyone else is stopped at the door. */
const supervisees = (outcome: Outcome, others: Outcome = outcome): Row => [
  'login',
  outcome,
  others,
  others,
  others,
  403,
];
/** What a group contract's participants share: theirs, and to anyone else not there at all. */
const groupShares = (outcome: Outcome): Row => ['login', outcome, outcome, 404, 404, 403];

const table: Record<string, RouteRow> = {
  'portal.tsx': { loader: supervisees(200), action: 'none' },
  'portal._index.tsx': { loader: supervisees(200), action: 'none' },
  // Reading: the group's contract, its sessions and its published summary are shared by its
  // participants; to anyone else of the practice (or another) they do not exist.
  'portal.contracts.$contractId.tsx': { loader: groupShares(200), action: 'none' },
  'portal.sessions.$sessionId[.ics].ts': { loader: groupShares(200), action: 'none' },
  'portal.summaries.$sessionId.tsx': { loader: groupShares(200), action: 'none' },
  // Lists and theme pages show each supervisee their own (possibly empty) material.
  'portal.summaries._index.tsx': { loader: supervisees(200), action: 'none' },
  'portal.themes._index.tsx': { loader: supervisees(200), action: 'none' },
  'portal.themes.$theme.tsx': { loader: supervisees(200), action: 'none' },
  // Switching to a practice one is not a supervisee of is refused; an empty form is such.
  'portal.practice.tsx': { loader: all('→/portal'), action: supervisees(403) },
  // An unknown token: the page says so, for anyone; sending the form answers 404 (or 400 for
  // an anonymous visitor's empty account form).
  // Between sessions: the group's published action, marked by each participant for themself;
  // a reflection on the group's session is each participant's own.
  'portal.actions.tsx': {
    loader: supervisees(200),
    action: ['login', 200, 200, 404, 404, 403],
    fields: { actionId: '$actionId', state: 'done' },
  },
  'portal.sessions.$sessionId.tsx': {
    loader: ['login', 200, 200, 404, 404, 403],
    action: ['login', 200, 200, 404, 404, 403],
    fields: { intent: 'reflection', moment: 'after', text: 'Mitä jäi mieleen' },
  },
  'portal_.invite.$token.tsx': { loader: all(200), action: [400, 404, 404, 404, 404, 404] },
  'portal.exercises._index.tsx': { loader: supervisees(200), action: 'none' },
  // An exercise given to self is self's alone: a group-mate on the same contract gets 404.
  // An empty form is a valid (empty) draft.
  'portal.exercises.$assignmentId.tsx': {
    loader: supervisees(200, 404),
    action: supervisees('→/portal/exercises/:assignmentId', 404),
  },
  // Each supervisee sees their own contracts' evaluations; an empty form names no contract.
  'portal.evaluations.tsx': { loader: supervisees(200), action: supervisees(400) },
  // Feedback rounds are personal: another participant of the same group finds none of self's.
  'portal.feedback._index.tsx': { loader: supervisees(200), action: 'none' },
  // Any supervisee may create their own round; an empty form is answered with its errors.
  'portal.feedback.new.tsx': { loader: supervisees(200), action: supervisees(400) },
  // The export page and both downloads: each supervisee gets their own export, never
  // anyone else's; a staff member is not a supervisee.
  'portal.export.tsx': { loader: supervisees(200), action: 'none' },
  'portal.export[.json].ts': { loader: supervisees(200), action: 'none' },
  'portal.export[.html].ts': { loader: supervisees(200), action: 'none' },
  'portal.feedback.$roundId.tsx': {
    loader: supervisees(200, 404),
    action: supervisees(400, 404),
  },
};

const modules = import.meta.glob<Record<string, unknown>>('../routes/portal*.{ts,tsx}');
const routesDir = path.resolve(__dirname, '../routes');
const routeFiles = readdirSync(routesDir).filter(
  (f) => f.startsWith('portal') && /\.tsx?$/.test(f) && !f.includes('.test.'),
);

/** Exercises: one exercise of the toolkit given to self on the group contract. */
async function assignedExercise(db: Db, cast: Awaited<ReturnType<typeof createPortalCast>>) {
  const [exercise] = await listExercises(testContext(db), cast.author);
  if (!exercise) throw new Error('the toolkit is empty');
  return assignExercise(testContext(db), cast.author, cast.contractId, {
    exerciseId: exercise.id,
    clientId: cast.clientId,
    dueOn: null,
  });
}

let database: Database;
let contexts: AppLoadContext[] = [];
let params: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const cast = await createPortalCast(database.db);
  params = {
    contractId: cast.contractId,
    sessionId: cast.sessionId,
    clientId: cast.clientId,
    token: 'tuntematon-token-0123456789abcdefghij',
    assignmentId: await assignedExercise(database.db, cast),
  };
  // Reading summaries and themes: the group session's summary is published, about power.
  await saveNote(testContext(database.db), cast.author, cast.sessionId, {
    baseVersion: 0,
    private: emptyPrivateNote,
    shared: { ...emptySharedDraft, power: 'Päätös tehtiin yhdessä.' },
    themes: null,
  });
  await publishSummary(testContext(database.db), cast.author, cast.sessionId, null);
  params.theme = 'power';
  // Between sessions: an agreed action published on the group's session.
  // (The summary above is version 1 of the note; this publishes its next version.)
  const [actionId] = await publishActions(
    database.db,
    cast.author,
    cast.sessionId,
    ['Kysy tiimiltä palautetta'],
    { baseVersion: 1 },
  );
  if (actionId) params.actionId = actionId;
  // Feedback rounds: a round of self's.
  params.roundId = await createFeedbackRound(database.db, cast.self);
  contexts = [];
  for (const persona of personas) {
    contexts.push(await loadContextFor(database.db, cast.userIds[persona]));
  }
}, 60_000);
afterAll(() => database.close());

describe('portal route authorization', () => {
  it('has a row for every portal route file, and none for a route that is gone', () => {
    expect(Object.keys(table).sort()).toEqual([...routeFiles].sort());
  });

  it.each(routeFiles)('%s answers each visitor as the table says', async (file) => {
    const load = modules[`../routes/${file}`];
    if (!load) throw new Error(`no module for ${file}`);
    const module = await load();
    const fields = Object.fromEntries(
      Object.entries(table[file]?.fields ?? {}).map(([name, value]) => [
        name,
        value.startsWith('$') ? (params[value.slice(1)] ?? '') : value,
      ]),
    );
    const actual = {
      loader: await outcomesFor(module, file, 'loader', contexts, params),
      action: await outcomesFor(module, file, 'action', contexts, params, fields),
    };
    if (process.env.PRINT_ROUTE_TABLE) console.log(`  '${file}': ${JSON.stringify(actual)},`);
    const { loader, action } = table[file] ?? {};
    expect(actual).toEqual({ loader, action });
  });
});
