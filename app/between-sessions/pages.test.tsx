/**
 * The portal pages and the staff session page as the server renders them, after `self`
 * wrote a reflection and a comment: their author and the session's supervisor see them,
 * the other participant of the group never does.
 */
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
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
import { supervisionSessions } from '#db/schema';
import { publishActions } from '#db/testing/between-sessions';
import { loadContextFor, testContext } from '#db/testing/context';
import { createContractFixture } from '#db/testing/factories';
import { createPortalCast } from '#db/testing/portal';
import { insertSession } from '#db/testing/sessions';
import { createTestDatabase } from '#db/testing/test-database';
import * as staffSession from '~/routes/_app.sessions.$sessionId._index';
import * as actionsPage from '~/routes/portal.actions';
import * as sessionPage from '~/routes/portal.sessions.$sessionId';

import { markAgreedAction } from './action-marks.server';
import { saveReflection } from './reflections.server';

const REFLECTION = 'Haluan tuoda esiin vuorosuunnittelun riidan';
const COMMENT = 'Palaveri pidetty kahdesti';

let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;

beforeAll(async () => {
  database = await createTestDatabase();
  cast = await createPortalCast(database.db);
  const [actionId = ''] = await publishActions(database.db, cast.author, cast.sessionId, [
    'Pidä viikkopalaveri',
  ]);
  const ctx = testContext(database.db);
  await markAgreedAction(ctx, cast.self, { actionId, state: 'done', comment: COMMENT });
  await saveReflection(ctx, cast.self, cast.sessionId, { moment: 'after', text: REFLECTION });
}, 60_000);
afterAll(() => database.close());

type DataFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => Promise<unknown>;

interface RouteModule {
  loader: DataFunction;
  action?: DataFunction;
  default: ComponentType;
}

async function render(
  module: RouteModule,
  path: string,
  url: string,
  userId: string,
  form?: Record<string, string>,
) {
  const context = await loadContextFor(database.db, userId);
  const handler = createStaticHandler([
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale: 'fi' }),
      element: <Outlet />,
      children: [
        {
          path,
          loader: ({ request, params }) =>
            module.loader({ request, params: params as Record<string, string>, context }),
          action: async ({ request, params }) =>
            (await module.action?.({
              request,
              params: params as Record<string, string>,
              context,
            })) ?? null,
          Component: module.default,
        },
      ],
    },
  ]);
  let init: RequestInit = {};
  if (form) {
    const body = new FormData();
    for (const [name, value] of Object.entries(form)) body.set(name, value);
    init = { method: 'POST', body };
  }
  const routerContext = await handler.query(new Request(`http://localhost${url}`, init));
  if (routerContext instanceof Response) return routerContext;
  const router = createStaticRouter(handler.dataRoutes, routerContext);
  return renderToString(
    <StaticRouterProvider router={router} context={routerContext} hydrate={false} />,
  );
}

const sessionUrl = () => `/portal/sessions/${cast.sessionId}`;

describe('the session page in the portal', () => {
  it('shows the author their reflection and never to the other participant', async () => {
    const own = await render(
      sessionPage,
      'portal/sessions/:sessionId',
      sessionUrl(),
      cast.self.userId,
    );
    expect(own).toContain(REFLECTION);
    expect(own).toContain('Lue tapaamisen yhteenveto');
    const other = await render(
      sessionPage,
      'portal/sessions/:sessionId',
      sessionUrl(),
      cast.sameGroup.userId,
    );
    expect(other).toContain('Omat pohdintasi');
    expect(other).not.toContain(REFLECTION);
  });
});

describe('the actions page', () => {
  it('shows each participant the group’s action with their own mark only', async () => {
    const own = await render(actionsPage, 'portal/actions', '/portal/actions', cast.self.userId);
    expect(own).toContain('Pidä viikkopalaveri');
    expect(own).toContain(COMMENT);
    const other = await render(
      actionsPage,
      'portal/actions',
      '/portal/actions',
      cast.sameGroup.userId,
    );
    expect(other).toContain('Pidä viikkopalaveri');
    expect(other).not.toContain(COMMENT);
    expect(other).toContain('Ei merkitty');
  });
});

describe('the staff session page', () => {
  it('shows the session’s supervisor the reflection and the marked action', async () => {
    const html = await render(
      staffSession as unknown as RouteModule,
      'sessions/:sessionId',
      `/sessions/${cast.sessionId}`,
      cast.author.userId,
    );
    expect(html).toContain('Työnohjattavan merkinnät');
    expect(html).toContain(REFLECTION);
    expect(html).toContain(COMMENT);
  });
});

describe('cancelling late in the portal, without JavaScript', () => {
  it('shows the rule and the charge, and cancels only when confirmed', async () => {
    const { contractId } = await createContractFixture(database.db, cast.author, {
      participants: [cast.clientId],
      cancellationNoticeHours: 24,
      priceCents: 12_050,
    });
    const sessionId = await insertSession(database.db, {
      practiceId: cast.owner.practiceId,
      contractId,
      supervisorId: cast.author.userId,
      startsAt: new Date(Date.now() + 3 * 60 * 60_000),
    });
    const url = `/portal/sessions/${sessionId}`;
    const path = 'portal/sessions/:sessionId';
    const page = await render(sessionPage, path, url, cast.self.userId);
    expect(page).toContain('viimeistään 24 tuntia ennen');
    expect(page).toContain('120,50');

    const asked = await render(sessionPage, path, url, cast.self.userId, { intent: 'cancel' });
    expect(asked).toContain('Vahvista myöhäinen peruminen');
    expect(asked).toContain('name="acknowledgeLate"');
    const status = async () =>
      (
        await database.db
          .select({ status: supervisionSessions.status })
          .from(supervisionSessions)
          .where(eq(supervisionSessions.id, sessionId))
      )[0]?.status;
    expect(await status()).toBe('scheduled');

    const confirmed = await render(sessionPage, path, url, cast.self.userId, {
      intent: 'cancel',
      acknowledgeLate: 'on',
    });
    expect(confirmed).toBeInstanceOf(Response);
    expect(await status()).toBe('cancelled');
  });
});
