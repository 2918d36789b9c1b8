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

import type { Database } from '#db/client';
import { loadContextFor } from '#db/testing/context';
import { createFeedbackRound } from '#db/testing/feedback';
import { createPortalCast, type PortalPersona } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import { type Outcome, outcomesFor } from '~/http/route-outcomes.testing';

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

const table: Record<string, RouteRow> = {
  'portal.tsx': { loader: supervisees(200), action: 'none' },
  'portal._index.tsx': { loader: supervisees(200), action: 'none' },
  // Switching to a practice one is not a supervisee of is refused; an empty form is such.
  'portal.practice.tsx': { loader: all('→/portal'), action: supervisees(403) },
  // An unknown token: the page says so, for anyone; sending the form answers 404 (or 400 for
  // an anonymous visitor's empty account form).
  'portal_.invite.$token.tsx': { loader: all(200), action: [400, 404, 404, 404, 404, 404] },
  // Feedback rounds are personal: another participant of the same group finds none of self's.
  'portal.feedback._index.tsx': { loader: supervisees(200), action: 'none' },
  // Any supervisee may create their own round; an empty form is answered with its errors.
  'portal.feedback.new.tsx': { loader: supervisees(200), action: supervisees(400) },
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
  };
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
    const actual = {
      loader: await outcomesFor(module, file, 'loader', contexts, params),
      action: await outcomesFor(module, file, 'action', contexts, params),
    };
    if (process.env.PRINT_ROUTE_TABLE) console.log(`  '${file}': ${JSON.stringify(actual)},`);
    expect(actual).toEqual(table[file]);
  });
});
