/**
 * The lists that grow with a practice (clients, commissioners, contracts, invoices) through the real HTTP
 * stack, as a browser without JavaScript uses them: a page at a time with plain links that
 * keep the search and filters, GET forms, any page parameter answered, and the same few
 * queries per page however long the practice's history.
 */
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertPendingInvoice } from '#db/testing/billing';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import {
  insertClients,
  insertCommissioners,
  insertContracts,
  insertSessions,
} from '#db/testing/list-rows';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import type { MemberActor } from '~/practices/actor';

import { startTestApp, type TestApp } from './test-app';

let sent = 0;
const counter: Logger = {
  logQuery() {
    sent += 1;
  },
};

let database: TestDatabase;
let app: TestApp;
let owner: MemberActor;
let supervisor: MemberActor;
const cookies = { owner: '', supervisor: '', newOwner: '' };
const contractIds: string[] = [];
let invoiceNumber = 0;

/**
 * `count` clients, commissioners, and contracts of `count` more: the owner's, and five of the
 * supervisor (all ordered by the first of the commissioners).
 */
async function addRows(count: number) {
  const db = database.db;
  const [commissionerId = ''] = await insertCommissioners(
    db,
    owner.practiceId,
    Array.from({ length: count }, (_, n) => ({ name: `Kuopion kaupunki ${n}`, city: 'Kuopio' })),
  );
  const clientIds = await insertClients(
    db,
    owner.practiceId,
    Array.from({ length: count }, (_, n) => ({ name: `Asiakas ${n}`, organisation: 'Kuopio' })),
  );
  const ids = await insertContracts(
    db,
    owner.practiceId,
    clientIds.map((clientId, n) => ({
      code: `K-${contractIds.length + n}`,
      supervisorId: n < 5 ? supervisor.userId : owner.userId,
      commissionerId,
      participants: [clientId],
    })),
  );
  contractIds.push(...ids);
  const payer = { commissionerId, contractId: ids[ids.length - 1] ?? '' };
  for (let n = 0; n < count; n++) {
    await insertPendingInvoice(db, owner, {
      number: ++invoiceNumber,
      stripeAccountId: 'acct_lists',
      payer,
    });
  }
}

/** `perContract` more sessions on every contract. */
async function addHistory(perContract: number) {
  for (const contractId of contractIds) {
    await insertSessions(
      database.db,
      { practiceId: owner.practiceId, contractId, supervisorId: owner.userId },
      Array.from({ length: perContract }, (_, n) => (n % 7 === 0 ? 'scheduled' : 'held')),
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  app = await startTestApp(database);
  ({ owner } = await createPracticeWithOwner(database.db));
  supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = `ohjaamo_session=${(await createSession(database.db, owner.userId)).token}`;
  cookies.supervisor = `ohjaamo_session=${(await createSession(database.db, supervisor.userId)).token}`;
  const { owner: newOwner } = await createPracticeWithOwner(database.db);
  cookies.newOwner = `ohjaamo_session=${(await createSession(database.db, newOwner.userId)).token}`;
  await addRows(60);
  await addHistory(2);
}, 180_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (path: string, who: keyof typeof cookies = 'owner') =>
  fetch(`${app.origin}${path}`, {
    redirect: 'manual',
    // A new connection each time: a kept-alive one may be closed by the server while the
    // test writes more rows, and the next request would meet a reset.
    headers: {
      Accept: 'text/html',
      'Accept-Language': 'fi',
      Cookie: cookies[who],
      Connection: 'close',
    },
  });
const html = async (path: string, who: keyof typeof cookies = 'owner') => {
  const response = await get(path, who);
  expect(response.status, path).toBe(200);
  return response.text();
};
/** A link to the previous or next page as React writes it into the HTML. */
const pageLink = (rel: 'prev' | 'next', path: string) =>
  new RegExp(
    `<a rel="${rel}"[^>]*href="${path.replaceAll('&', '&amp;').replace(/[?.]/g, '\\$&')}"`,
  );

const lists = ['/clients', '/commissioners', '/contracts', '/billing/invoices'];

describe('the growing lists', () => {
  it('show 50 rows a page, with where the page stands', async () => {
    for (const list of lists) {
      const first = await html(list);
      expect(first, list).toContain('Sivu 1/2.');
      expect(first, list).toContain('Rivit 1–50, yhteensä 60.');
      expect(first, list).toMatch(pageLink('next', `${list}?page=2`));
      expect(first, list).not.toContain('rel="prev"');
      const second = await html(`${list}?page=2`);
      expect(second, list).toContain('Sivu 2/2.');
      expect(second, list).toContain('Rivit 51–60, yhteensä 60.');
      expect(second, list).toMatch(pageLink('prev', list));
      expect(second, list).not.toContain('rel="next"');
    }
  });

  it('answer any page parameter with the first page, never an error', async () => {
    for (const list of lists) {
      for (const page of ['abc', '0', '-3', '2.5', '3', '1e400', '99999999999999999999', '']) {
        const body = await html(`${list}?page=${encodeURIComponent(page)}`);
        expect(body, `${list}?page=${page}`).toContain('Rivit 1–50, yhteensä 60.');
      }
    }
  });

  it('keep the search and the filters on the page links, and search with labelled GET forms', async () => {
    const clients = await html('/clients?q=asiakas&status=active&page=2');
    expect(clients).toContain('Rivit 51–60, yhteensä 60.');
    expect(clients).toMatch(pageLink('prev', '/clients?q=asiakas&status=active'));
    const commissioners = await html('/commissioners?q=kuopio&status=active&page=2');
    expect(commissioners).toContain('Rivit 51–60, yhteensä 60.');
    expect(commissioners).toMatch(pageLink('prev', '/commissioners?q=kuopio&status=active'));
    const active = await html('/contracts?q=kuopio&status=active&page=2');
    expect(active).toContain('Rivit 51–60, yhteensä 60.');
    expect(active).toMatch(pageLink('prev', '/contracts?q=kuopio&status=active'));
    const invoices = await html('/billing/invoices?status=pending&month=2027-04&reference=');
    expect(invoices).toMatch(
      pageLink('next', '/billing/invoices?status=pending&month=2027-04&reference=&page=2'),
    );
    // The search fields: labelled, in forms sent with GET that carry no page (a new search
    // starts from the first page).
    for (const [body, label] of [
      [clients, 'Hae nimellä, sähköpostilla tai organisaatiolla'],
      [commissioners, 'Hae nimellä, Y-tunnuksella tai paikkakunnalla'],
      [active, 'Hae tunnuksella, työnohjattavalla tai tilaajalla'],
    ] as const) {
      expect(body).toMatch(/<form method="get"[^>]*role="search"/);
      expect(body).toContain(`<label for="filter-q" class="font-medium">${label}</label>`);
      expect(body).toMatch(/<input id="filter-q" name="q" type="search"/);
      expect(body).not.toMatch(/name="page"/);
    }
  });

  it('take % and _ in a search literally', async () => {
    for (const list of ['/clients', '/commissioners']) {
      // As wildcards either would match every row.
      for (const q of ['%', '_']) {
        const body = await html(`${list}?q=${encodeURIComponent(q)}`);
        expect(body, `${list}?q=${q}`).toContain('Haulla ei löytynyt mitään.');
        expect(body, `${list}?q=${q}`).not.toContain('Rivit');
        expect(body, `${list}?q=${q}`).toMatch(new RegExp(`href="${list}"[^>]*>Tyhjennä haku<`));
      }
    }
  });

  it('tell a new practice what fills each empty list, with a link to do it', async () => {
    const steps: Record<string, [message: string, to: string, label: string]> = {
      '/clients': ['Ei vielä työnohjattavia.', '/clients/new', 'Uusi työnohjattava'],
      '/commissioners': ['Ei vielä tilaajia.', '/commissioners/new', 'Uusi tilaaja'],
      '/contracts': ['Ei sopimuksia tällä rajauksella.', '/contracts/new', 'Uusi sopimus'],
      '/billing/invoices': ['Ei laskuja näillä ehdoilla.', '/billing/run', 'Laskutusajoon'],
    };
    for (const [list, [message, to, label]] of Object.entries(steps)) {
      const body = await html(list, 'newOwner');
      expect(body, list).toContain(message);
      // The link is in the empty list's box, not only the page header.
      expect(body, list).toMatch(
        new RegExp(`${message.replace('.', '\\.')}[^<]*</p><a[^>]*href="${to}"[^>]*>${label}<`),
      );
    }
  });

  it('show a supervisor the contracts they supervise', async () => {
    const body = await html('/contracts', 'supervisor');
    expect(body).toContain('Rivit 1–5, yhteensä 5.');
    expect(body).not.toContain('rel="next"');
  });

  it('ask the same few queries with a long history as with a short one', async () => {
    const paths = [
      ...lists,
      '/clients?q=asiakas&page=2',
      '/commissioners?q=kuopio&page=2',
      '/contracts?q=kuopio&status=active&page=2',
    ];
    const queriesOf = async () => {
      const counts: number[] = [];
      for (const path of paths) {
        await get(path); // the first request of a route compiles it
        sent = 0;
        expect((await get(path)).status).toBe(200);
        counts.push(sent);
      }
      return counts;
    };
    const short = await queriesOf();
    await addRows(60);
    await addHistory(40);
    const long = await queriesOf();
    expect(long).toEqual(short);
    for (const count of long) expect(count).toBeLessThanOrEqual(6);
  }, 180_000);
});
