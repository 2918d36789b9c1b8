/**
 * Every route's loader and action, called as four visitors would call them: anonymous, the
 * practice's owner, the supervisor of the contract and session in question, and the owner
 * of another practice. The expected outcome of every cell is written below; a route added
 * to app/routes without its row fails the first test.
 *
 * The other practice's owner acting in their own practice gets their own pages (200) and a
 * 404 for this practice's records.
 *
 * Outcomes: a status number, 'login' (redirect to the log-in page), '→/path' (another
 * redirect), 'no loader' (the page has no data of its own). Actions get an empty form.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { supervisionSessions } from '#db/schema';
import { createAccessCast } from '#db/testing/access-cast';
import { insertPendingInvoice } from '#db/testing/billing';
import { loadContextFor } from '#db/testing/context';
import { createTestDatabase } from '#db/testing/test-database';

import { type Outcome, outcomesFor } from './route-outcomes.testing';

/** anonymous, owner, supervisor, other practice */
type Row = [Outcome, Outcome, Outcome, Outcome];
interface RouteRow {
  loader: Row;
  action: Row;
}

const all = (outcome: Outcome): Row => [outcome, outcome, outcome, outcome];
const noAction = all(405);

const table: Record<string, RouteRow> = {
  '$.tsx': { loader: all(404), action: noAction },
  // Billing is the owner's. An empty form names nothing to do (400); connecting without
  // Stripe configured (as in this test) is refused on the page (409, app/billing/billing-page.test.ts).
  '_app.billing._index.tsx': {
    loader: ['login', 200, 403, 200],
    action: ['login', 400, 403, 400],
  },
  // Where Stripe sends the owner back (GETs, owner only). Without Stripe configured, and
  // without an account, there is nothing to read or renew: back to the billing page.
  '_app.billing.connect.refresh.tsx': {
    loader: ['login', '→/billing', 403, '→/billing'],
    action: noAction,
  },
  '_app.billing.connect.return.tsx': {
    loader: ['login', '→/billing', 403, '→/billing'],
    action: noAction,
  },
  // The invoice run is the owner's: its preview, and its confirmation (an empty form names no
  // month: 400; nothing to invoice or no Stripe would be 409).
  // The invoices are the owner's. Another practice's invoice is not found; an empty form names
  // nothing to do (400) before any invoice is read, so it tells the outsider nothing either.
  '_app.billing.invoices._index.tsx': { loader: ['login', 200, 403, 200], action: noAction },
  '_app.billing.invoices.$invoiceId.tsx': {
    loader: ['login', 200, 403, 404],
    action: ['login', 400, 403, 400],
  },
  // Crediting a paid invoice: the page is the owner's; an empty form (no reason) is answered
  // with its errors before any invoice is read.
  '_app.billing.invoices.$invoiceId_.credit.tsx': {
    loader: ['login', 200, 403, 404],
    action: ['login', 400, 403, 400],
  },
  '_app.billing.run.tsx': { loader: ['login', 200, 403, 200], action: ['login', 400, 403, 400] },
  '_app.calendar.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_app.clients.$clientId._index.tsx': {
    loader: ['login', 200, 200, 404],
    action: ['login', '→/clients/:clientId', '→/clients/:clientId', 404],
  },
  // Edit actions check the form first: an empty form is answered with its errors (400)
  // before the record is looked up, whoever sends it (a valid one: see the last test).
  '_app.clients.$clientId.edit.tsx': {
    loader: ['login', 200, 200, 404],
    action: ['login', 400, 400, 400],
  },
  '_app.clients._index.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_app.clients.new.tsx': { loader: ['login', 200, 200, 200], action: ['login', 400, 400, 400] },
  '_app.commissioners.$commissionerId._index.tsx': {
    loader: ['login', 200, 200, 404],
    action: ['login', '→/commissioners/:commissionerId', '→/commissioners/:commissionerId', 404],
  },
  '_app.commissioners.$commissionerId.edit.tsx': {
    loader: ['login', 200, 200, 404],
    action: ['login', 400, 400, 400],
  },
  '_app.commissioners._index.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_app.commissioners.new.tsx': {
    loader: ['login', 200, 200, 200],
    action: ['login', 400, 400, 400],
  },
  '_app.contracts.$contractId._index.tsx': {
    loader: ['login', 200, 200, 404],
    action: ['login', 400, 400, 400],
  },
  '_app.contracts.$contractId.edit.tsx': {
    loader: ['login', 200, 200, 404],
    action: ['login', 400, 400, 400],
  },
  // Evaluations belong to their author: the owner sees none of the supervisor's.
  '_app.contracts.$contractId.evaluations.tsx': {
    loader: ['login', 404, 200, 404],
    action: ['login', 404, 400, 404],
  },
  // The report to the commissioner is the owner's to make and send.
  '_app.contracts.$contractId.commissioner-report.tsx': {
    loader: ['login', 200, 403, 404],
    action: noAction,
  },
  '_app.contracts._index.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_app.contracts.new.tsx': { loader: ['login', 200, 200, 200], action: ['login', 400, 400, 400] },
  // The development mail viewer (on in tests, never in production) is the owner's.
  '_app.dev.mail.tsx': { loader: ['login', 200, 403, 200], action: noAction },
  // A session is its supervisor's: the owner reaches the contract, not the session page.
  // The header search: every member searches what they may open (app/search/search.test.ts).
  '_app.search.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_app.sessions.$sessionId._index.tsx': {
    loader: ['login', 404, 200, 404],
    action: ['login', 400, 400, 400],
  },
  '_app.sessions.$sessionId.notes.tsx': {
    loader: ['login', 404, 200, 404],
    action: ['login', 404, 200, 404],
  },
  // The summary as the supervisee will see it: its author's alone, like the notes.
  '_app.sessions.$sessionId.summary-preview.tsx': {
    loader: ['login', 404, 200, 404],
    action: noAction,
  },
  '_app.sessions.new.tsx': { loader: ['login', 200, 200, 200], action: ['login', 400, 400, 400] },
  // A series' result page is its supervisor's, like its sessions; an empty form is answered
  // with its errors (400) before the series is read.
  '_app.sessions.series.$seriesId.tsx': {
    loader: ['login', 404, 200, 404],
    action: ['login', 400, 400, 400],
  },
  // Today: every member's own day, and the practice's for the owner.
  '_app.today.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_app.settings._index.tsx': {
    loader: ['login', 200, 200, 200],
    action: ['login', 400, 400, 400],
  },
  '_app.settings.calendar.tsx': {
    loader: ['login', 200, 200, 200],
    action: ['login', 400, 400, 400],
  },
  // Owner-only pages: a supervisor gets 403; the other practice's owner sees their own practice.
  '_app.settings.members.tsx': {
    loader: ['login', 200, 403, 200],
    action: ['login', 400, 403, 400],
  },
  '_app.settings.prompts.tsx': {
    loader: ['login', 200, 403, 200],
    action: ['login', 400, 403, 400],
  },
  // Every member reads the exercise toolkit (they give its exercises); only the owner edits.
  '_app.settings.exercises.tsx': {
    loader: ['login', 200, 200, 200],
    action: ['login', 400, 403, 400],
  },
  '_app.settings.feedback.tsx': {
    loader: ['login', 200, 403, 200],
    action: ['login', 400, 403, 400],
  },
  // The seller's details on every invoice and the account it is paid to: the owner's.
  '_app.settings.invoicing.tsx': {
    loader: ['login', 200, 403, 200],
    action: ['login', 400, 403, 400],
  },
  // The practice's name and contact details: the owner's (an empty form has no name: 400).
  '_app.settings.practice.tsx': {
    loader: ['login', 200, 403, 200],
    action: ['login', 400, 403, 400],
  },
  '_app.tsx': { loader: ['login', 200, 200, 200], action: noAction },
  '_index.tsx': { loader: all(200), action: noAction },
  // Every signed-in user's own second factor, outside the staff layout (supervisees too);
  // an empty form names no step and is answered 400.
  'account.two-factor.tsx': {
    loader: ['login', 200, 200, 200],
    action: ['login', 400, 400, 400],
  },
  'check-email.tsx': { loader: all('no loader'), action: noAction },
  'feeds.$token.ts': { loader: all(404), action: noAction },
  // A feedback respondent's link: an unknown token is a 404, for anyone, answered or not.
  'feedback.$token.tsx': { loader: all(404), action: all(404) },
  'forgot-password.tsx': { loader: all('no loader'), action: all(400) },
  // A signed-in visitor accepting an unknown invitation is told so on the form, as a 404.
  'invite.$token.tsx': { loader: all(200), action: [400, 404, 404, 404] },
  'language.tsx': { loader: all('→/'), action: all('→/') },
  'login.tsx': { loader: [200, '→/today', '→/today', '→/today'], action: all(400) },
  // Sign-in by a mailed code: the same answer (400 for an empty form) whoever asks.
  'login_.code.tsx': {
    loader: [200, '→/today', '→/today', '→/today'],
    action: all(400),
  },
  // An unknown link: the page says so (with status 404 once the button is pressed).
  'login_.link.$token.tsx': { loader: all(200), action: all(404) },
  // The second sign-in step needs a pending sign-in's cookie: without one, back to log-in.
  'login_.two-factor.tsx': { loader: all('login'), action: all('login') },
  'logout.tsx': { loader: all('→/'), action: all('login') },
  'practice.tsx': { loader: all('→/today'), action: ['login', 400, 400, 400] },
  'reset-password.$token.tsx': { loader: all(200), action: all(400) },
  'signup.tsx': { loader: [200, '→/today', '→/today', '→/today'], action: all(400) },
  // An unknown token: the page says so (with status 404 once the form is sent), for anyone.
  'verify-email.$token.tsx': { loader: all(200), action: all(404) },
  'verify-email.resend.tsx': {
    loader: ['login', 200, 200, 200],
    action: ['login', 200, 200, 200],
  },
  // Stripe's webhook answers no visitor: a GET is refused, and without Stripe configured
  // (as in this test) there is no endpoint; with it, the signature decides (stripe-webhook.test.ts).
  'webhooks.stripe.ts': { loader: all(405), action: all(404) },
};

const modules = import.meta.glob<Record<string, unknown>>('../routes/*.{ts,tsx}');
const routesDir = path.resolve(__dirname, '../routes');

let database: Database;
let contexts: AppLoadContext[] = [];
let params: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const { owner, author: supervisor, outsider, ...cast } = await createAccessCast(db);
  // The cast's session stands for a series of one, for the series' result page.
  const seriesId = randomUUID();
  await db
    .update(supervisionSessions)
    .set({ seriesId })
    .where(eq(supervisionSessions.id, cast.sessionId));
  const { invoiceId } = await insertPendingInvoice(db, owner, {
    number: 1,
    stripeAccountId: 'acct_route_table',
  });
  params = {
    invoiceId,
    clientId: cast.clientId,
    commissionerId: cast.commissionerId,
    contractId: cast.contractId,
    sessionId: cast.sessionId,
    seriesId,
    token: 'tuntematon-token-0123456789abcdefghij',
    '*': 'no/such/page',
  };
  contexts = [];
  for (const userId of [null, owner.userId, supervisor.userId, outsider.userId]) {
    contexts.push(await loadContextFor(db, userId));
  }
}, 60_000);
afterAll(() => database.close());

async function rowFor(file: string, kind: 'loader' | 'action'): Promise<Row> {
  const load = modules[`../routes/${file}`];
  if (!load) throw new Error(`no module for ${file}`);
  const row = await outcomesFor(await load(), file, kind, contexts, params);
  if (row === 'none') return kind === 'action' ? noAction : all('no loader');
  return row as Row;
}

/** What a route's action answers the other practice's owner for a form that is valid. */
async function outsiderPosts(file: string, fields: Record<string, string>): Promise<Outcome> {
  const load = modules[`../routes/${file}`];
  if (!load) throw new Error(`no module for ${file}`);
  const context = contexts[3];
  if (!context) throw new Error('no context');
  const [outcome] = await outcomesFor(await load(), file, 'action', [context], params, fields);
  return outcome as Outcome;
}

// The portal's routes have their own table with the six visitors the portal must tell apart
// (app/portal/portal-routes.test.ts).
const routeFiles = readdirSync(routesDir).filter(
  (f) => /\.tsx?$/.test(f) && !f.includes('.test.') && !f.startsWith('portal'),
);

describe('route authorization', () => {
  it('has a row for every route file, and none for a route that is gone', () => {
    expect(Object.keys(table).sort()).toEqual([...routeFiles].sort());
  });

  it.each(routeFiles)('%s answers each visitor as the table says', async (file) => {
    const expected = table[file];
    const actual = { loader: await rowFor(file, 'loader'), action: await rowFor(file, 'action') };
    if (process.env.PRINT_ROUTE_TABLE) console.log(`  '${file}': ${JSON.stringify(actual)},`);
    expect(actual).toEqual(expected);
  });

  it('refuses a valid edit of this practice’s records from another practice with 404', async () => {
    const client = { name: 'Vieras Muokkaaja' };
    const commissioner = { name: 'Vieras Oy', businessId: '0201256-6' };
    expect(await outsiderPosts('_app.clients.$clientId.edit.tsx', client)).toBe(404);
    for (const intent of ['push', 'markPaid', 'void']) {
      const fields = { intent, confirmed: 'yes' };
      expect(await outsiderPosts('_app.billing.invoices.$invoiceId.tsx', fields)).toBe(404);
    }
    const credit = { reason: 'Väärä maksaja', [`line-${crypto.randomUUID()}`]: 'on' };
    expect(await outsiderPosts('_app.billing.invoices.$invoiceId_.credit.tsx', credit)).toBe(404);
    expect(await outsiderPosts('_app.commissioners.$commissionerId.edit.tsx', commissioner)).toBe(
      404,
    );
  });
});
