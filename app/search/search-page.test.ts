/**
 * The search page over the real HTTP stack: the header's search form on every member page,
 * the results page keeping the query, hostile queries answered 400 with a message, and a
 * fixed number of queries whatever the size of the practice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, supervisionSessions } from '#db/schema';
import { createAccessCast } from '#db/testing/access-cast';
import { createContractFixture } from '#db/testing/factories';
import { countPageQueries } from '#db/testing/page-queries';
import { createTestDatabase, queryCounter } from '#db/testing/test-database';
import { createSession } from '~/auth/session.server';
import { unwrapActionResult } from '~/forms/respond.server';
import { startTestApp, type TestApp } from '~/http/test-app';
import type { MemberActor } from '~/practices/actor';
import * as searchRoute from '~/routes/_app.search';

const counter = queryCounter();
let database: Database;
let app: TestApp;
let cast: Awaited<ReturnType<typeof createAccessCast>>;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  cast = await createAccessCast(database.db);
  const { token } = await createSession(database.db, cast.author.userId);
  cookie = `ohjaamo_session=${token}`;
  app = await startTestApp(database);
}, 60_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

async function get(path: string) {
  const response = await fetch(`${app.origin}${path}`, {
    headers: { Cookie: cookie, Accept: 'text/html' },
  });
  return { status: response.status, html: await response.text() };
}

/** The header's search form, as the server wrote it. */
function searchForm(html: string): string | undefined {
  return /<form[^>]*role="search"[^>]*>.*?<\/form>/s.exec(html)?.[0];
}

describe('the search page', () => {
  it('puts a labelled GET search form in the header of member pages', async () => {
    for (const path of ['/today', '/clients', `/contracts/${cast.contractId}`]) {
      const { status, html } = await get(path);
      expect(status, path).toBe(200);
      const form = searchForm(html);
      expect(form, path).toMatch(/method="get"/);
      expect(form, path).toMatch(/action="\/search"/);
      expect(form, path).toMatch(/aria-label="Haku"/);
      expect(form, path).toMatch(
        /<input[^>]*name="q"[^>]*aria-label="Hae työnohjattavia, sopimuksia ja istuntoja"/,
      );
    }
  });

  it('shows the results, each a link to its page, with the query kept in the field', async () => {
    const { status, html } = await get('/search?q=Lehtonen');
    expect(status).toBe(200);
    expect(html).toContain('<title>Haku: Lehtonen – Ohjaamo</title>');
    expect(html).toMatch(/<meta name="robots" content="noindex/);
    expect(searchForm(html)).toMatch(/<input[^>]*value="Lehtonen"/);
    expect(html).toContain(`href="/clients/${cast.clientId}"`);
    expect(html).toContain(`href="/contracts/${cast.contractId}"`);
    expect(html).toContain(`href="/sessions/${cast.sessionId}"`);
    for (const heading of ['Työnohjattavat', 'Sopimukset', 'Istunnot']) {
      expect(html).toMatch(new RegExp(`<h2[^>]*>${heading}</h2>`));
    }
  });

  it('without a query shows only the form and what can be searched', async () => {
    const { status, html } = await get('/search?q=%20%20');
    expect(status).toBe(200);
    expect(html).toContain('<title>Haku – Ohjaamo</title>');
    expect(html).toContain('Kirjoita yläreunan hakukenttään');
    expect(html).not.toContain('<h2');
  });

  it('tells what to try when nothing matched', async () => {
    const { status, html } = await get('/search?q=Kaarnalaiva');
    expect(status).toBe(200);
    expect(html).toContain('Haulla ”Kaarnalaiva” ei löytynyt mitään.');
  });

  it('shows the day of a date with no sessions, with the way to its week', async () => {
    const { status, html } = await get('/search?q=24.12.2026');
    expect(status).toBe(200);
    expect(html).toContain('Istuntosi 24.12.2026.');
    expect(html).toContain('href="/calendar?week=2026-W52"');
    expect(html).not.toContain('ei löytynyt mitään');
  });

  it('answers a hostile query with 400 and a message, never a 500', async () => {
    const long = await get(`/search?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.html).toContain('Hakusana on liian pitkä.');
    const control = await get('/search?q=Lehtonen%07');
    expect(control.status).toBe(400);
    expect(control.html).toContain('Hakusanassa on merkkejä, joilla ei voi hakea.');
    expect((await get('/search?q=Lehtonen%00')).status).toBe(400);
    // Broken UTF-8 arrives as replacement characters: searched, found nothing.
    expect((await get('/search?q=%FF%FE%C3')).status).toBe(200);
    expect((await get(`/search?q=${'%25_'.repeat(100)}`)).status).toBe(200);
  });
});

describe('page queries', () => {
  /** The queries of /search?q=… read by `actor`, and what it found. */
  async function queriesOf(actor: MemberActor, q: string) {
    const request = new Request(`http://localhost/search?q=${encodeURIComponent(q)}`);
    let found = [0, 0, 0];
    const queries = await countPageQueries(database.db, counter, actor.userId, async (context) => {
      const page = await searchRoute.loader({ request, params: {}, context });
      const { results } = unwrapActionResult(page).data;
      found = results
        ? [results.clients.total, results.contracts.total, results.sessions.total]
        : [0, 0, 0];
    });
    return { queries, found };
  }

  it('sends as many for one match as for hundreds, one per group after sign-in', async () => {
    const small = await createAccessCast(database.db);
    const large = await createAccessCast(database.db);
    const { practiceId, userId } = large.author;
    // 40 more supervisees, 15 contracts and 300 sessions that all match "Lehtonen".
    const more = await database.db
      .insert(clients)
      .values(Array.from({ length: 40 }, (_, n) => ({ practiceId, name: `Eeva Lehtonen ${n}` })))
      .returning({ id: clients.id });
    for (let n = 0; n < 15; n++) {
      const participant = more[n]?.id ?? '';
      const { contractId } = await createContractFixture(database.db, large.author, {
        participants: [participant],
      });
      await database.db.insert(supervisionSessions).values(
        Array.from({ length: 20 }, (_, week) => {
          const startsAt = new Date(Date.UTC(2026, 0, 5 + week * 7, 8 + (n % 8)));
          return {
            practiceId,
            contractId,
            supervisorId: userId,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3_600_000),
          };
        }),
      );
    }
    const few = await queriesOf(small.author, 'Lehtonen');
    const many = await queriesOf(large.author, 'Lehtonen');
    expect(few.found).toEqual([1, 1, 1]);
    expect(many.found).toEqual([41, 16, 301]);
    expect(many.queries).toBe(few.queries);
    // A date search reads the day instead: the same count.
    expect((await queriesOf(large.author, '5.1.2026')).queries).toBe(few.queries);
    // The sign-in check, then one query per group.
    const signInOnly = await countPageQueries(database.db, counter, small.author.userId, () =>
      Promise.resolve(),
    );
    expect(few.queries - signInOnly).toBe(3);
  }, 60_000);
});
