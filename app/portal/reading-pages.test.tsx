/**
 * The portal's reading pages as the server renders them for a supervisee of a group whose
 * supervisor keeps private notes and an unpublished draft holding a marker: the published
 * summary shows, the marker never does, in Finnish and in English.
 */
import type { AppLoadContext } from '@remix-run/node';
import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { Outlet } from 'react-router-dom';
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { loadContextFor, testContext } from '#db/testing/context';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import * as home from '~/routes/portal._index';
import * as contractPage from '~/routes/portal.contracts.$contractId';
import * as summariesPage from '~/routes/portal.summaries._index';
import * as summaryPage from '~/routes/portal.summaries.$sessionId';
import * as themesPage from '~/routes/portal.themes._index';
import * as themePage from '~/routes/portal.themes.$theme';

const MARKER = 'MERKKI-ei-koskaan-näkyvissä-5521';
const PUBLISHED = 'Päätimme kokeilla viikkopalaveria.';

let database: Database;
let context: AppLoadContext;
let params: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const cast = await createPortalCast(database.db);
  const ctx = testContext(database.db);
  await saveNote(ctx, cast.author, cast.sessionId, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, general: MARKER, power: MARKER },
    shared: { ...emptySharedDraft, power: PUBLISHED, actions: ['Kysy palautetta'] },
    themes: null,
  });
  await publishSummary(ctx, cast.author, cast.sessionId, null);
  const draft = await insertSession(database.db, {
    practiceId: cast.author.practiceId,
    contractId: cast.contractId,
    supervisorId: cast.author.userId,
    startsAt: new Date('2026-11-17T08:00:00Z'),
    status: 'held',
  });
  await saveNote(ctx, cast.author, draft, {
    baseVersion: 0,
    private: { ...emptyPrivateNote, role: MARKER },
    shared: { ...emptySharedDraft, power: MARKER, role: MARKER },
    themes: null,
  });
  context = await loadContextFor(database.db, cast.sameGroup.userId);
  params = { contractId: cast.contractId, sessionId: cast.sessionId, theme: 'power' };
}, 60_000);
afterAll(() => database.close());

interface RouteModule {
  loader: (args: {
    request: Request;
    params: Record<string, string>;
    context: AppLoadContext;
  }) => Promise<unknown>;
  default: ComponentType;
}

async function renderPage(route: RouteModule, locale: string): Promise<string> {
  const Page = route.default;
  const data = await route.loader({
    request: new Request('http://localhost/portal'),
    params,
    context,
  });
  const handler = createStaticHandler([
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale }),
      element: <Outlet />,
      children: [{ index: true, loader: () => data as Record<string, unknown>, element: <Page /> }],
    },
  ]);
  const routerContext = await handler.query(new Request('https://ohjaamo.example/'));
  if (routerContext instanceof Response) throw new Error('the route answered with a response');
  const router = createStaticRouter(handler.dataRoutes, routerContext);
  return renderToString(
    <StaticRouterProvider router={router} context={routerContext} hydrate={false} />,
  );
}

const pages: [string, RouteModule, string | null][] = [
  ['home', home, null],
  ['contract', contractPage, null],
  ['summaries', summariesPage, null],
  ['summary', summaryPage, PUBLISHED],
  ['theme', themePage, PUBLISHED],
  ['themes', themesPage, null],
];

describe('portal reading pages', () => {
  it.each(pages)('%s shows what was published and never the marker', async (_, route, shown) => {
    for (const locale of ['fi', 'en']) {
      const html = await renderPage(route, locale);
      expect(html).not.toContain(MARKER);
      if (shown) expect(html).toContain(shown);
    }
  });

  it('the home page says the contract’s cancellation rule and progress in words', async () => {
    const fi = await renderPage(home, 'fi');
    expect(fi).toContain(
      'Peru viimeistään 24 tuntia ennen tapaamista. Myöhemmin perutusta tapaamisesta veloitetaan.',
    );
    expect(fi).toContain('Tapaaminen 2/10.');
    const en = await renderPage(home, 'en');
    expect(en).toContain(
      'Cancel at least 24 hours before the session; later cancellations are charged.',
    );
    expect(en).toContain('Session 2 of 10.');
  });
});
