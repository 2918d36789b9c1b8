/**
 * The client's new and edit pages as the server renders them for a plain form post (no
 * JavaScript): the billing address is shown and saved, a wrong postal code is named at its
 * field, and everything typed stays in place. Any member of the practice may change a
 * client's contact details (./access.server), a member of another practice may not.
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
import { clients } from '#db/schema';
import { loadContextFor } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { unwrapActionResult } from '~/forms/respond.server';
import type { MemberActor } from '~/practices/actor';
import * as editPage from '~/routes/_app.clients.$clientId.edit';
import * as newPage from '~/routes/_app.clients.new';

let database: Database;
let owner: MemberActor;
let supervisor: MemberActor;
let outsider: MemberActor;
beforeAll(async () => {
  database = await createTestDatabase();
  ({ owner } = await createPracticeWithOwner(database.db));
  supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  ({ owner: outsider } = await createPracticeWithOwner(database.db));
}, 60_000);
afterAll(() => database.close());

type DataFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => Promise<unknown>;

interface RouteModule {
  loader: DataFunction;
  action: DataFunction;
  default: ComponentType;
}

/** One page under the root route, as the server answers a GET or a form post. */
async function render(
  module: RouteModule,
  path: string,
  url: string,
  userId: string,
  form?: Record<string, string>,
): Promise<{ status: number; html: string } | Response> {
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
          action: async ({ request, params }) => {
            const result = await module.action({
              request,
              params: params as Record<string, string>,
              context,
            });
            if (result instanceof Response) return result;
            const { status, data } = unwrapActionResult(result);
            actionStatus = status;
            return data;
          },
          Component: module.default,
        },
      ],
    },
  ]);
  let actionStatus = 200;
  let init: RequestInit = {};
  if (form) {
    const body = new FormData();
    for (const [name, value] of Object.entries(form)) body.set(name, value);
    init = { method: 'POST', body };
  }
  const routerContext = await handler.query(new Request(`http://localhost${url}`, init));
  if (routerContext instanceof Response) return routerContext;
  const router = createStaticRouter(handler.dataRoutes, routerContext);
  const html = renderToString(
    <StaticRouterProvider router={router} context={routerContext} hydrate={false} />,
  );
  // A thrown response (404, 403) is rendered by the error boundary with its own status.
  const status = form && !routerContext.errors ? actionStatus : routerContext.statusCode;
  return { status, html };
}

function page(result: Awaited<ReturnType<typeof render>>) {
  if (result instanceof Response) throw new Error(`expected a page, got ${result.status}`);
  return result;
}

const address = { streetAddress: 'Puistokatu 4 B 12', postalCode: '70100', city: 'Kuopio' };

async function storedAddress(id: string) {
  const [row] = await database.db
    .select({
      streetAddress: clients.streetAddress,
      postalCode: clients.postalCode,
      city: clients.city,
    })
    .from(clients)
    .where(eq(clients.id, id));
  return row;
}

describe('the new client form', () => {
  it('shows the billing address fields, empty and optional', async () => {
    const { html } = page(await render(newPage, 'clients/new', '/clients/new', owner.userId));
    expect(html).toContain('Laskutusosoite');
    for (const name of ['streetAddress', 'postalCode', 'city']) {
      expect(html).toMatch(new RegExp(`<input[^>]*name="${name}"(?![^>]*required)[^>]*>`));
    }
  });

  it('names a wrong postal code at its field and keeps what was typed', async () => {
    const before = await database.db.select({ id: clients.id }).from(clients);
    const { status, html } = page(
      await render(newPage, 'clients/new', '/clients/new', owner.userId, {
        name: 'Maria Lehtonen',
        ...address,
        postalCode: '7010',
      }),
    );
    expect(status).toBe(400);
    expect(html).toContain('Postinumero: Postinumerossa on viisi numeroa.');
    expect(html).toMatch(
      /id="field-postalCode"[^>]*aria-invalid="true"[^>]*aria-describedby="field-postalCode-error"/,
    );
    expect(html).toContain('value="7010"');
    expect(html).toContain('value="Puistokatu 4 B 12"');
    expect(html).toContain('value="Kuopio"');
    expect(html).toContain('value="Maria Lehtonen"');
    expect(await database.db.select({ id: clients.id }).from(clients)).toHaveLength(before.length);
  });

  it('saves the address with the client', async () => {
    const response = await render(newPage, 'clients/new', '/clients/new', owner.userId, {
      name: 'Maria Lehtonen',
      ...address,
    });
    if (!(response instanceof Response)) throw new Error('expected a redirect');
    expect(response.status).toBe(302);
    const id = response.headers.get('Location')?.replace('/clients/', '') ?? '';
    expect(await storedAddress(id)).toEqual(address);
  });
});

describe('the client edit form', () => {
  async function clientWithAddress() {
    const response = await render(newPage, 'clients/new', '/clients/new', owner.userId, {
      name: 'Jukka Salminen',
      ...address,
    });
    if (!(response instanceof Response)) throw new Error('expected a redirect');
    return response.headers.get('Location')?.replace('/clients/', '') ?? '';
  }
  const editUrl = (id: string) => `/clients/${id}/edit`;

  it('shows the stored address and lets any member of the practice change it', async () => {
    const id = await clientWithAddress();
    const { html } = page(
      await render(editPage, 'clients/:clientId/edit', editUrl(id), supervisor.userId),
    );
    expect(html).toContain('value="Puistokatu 4 B 12"');
    expect(html).toContain('value="70100"');

    const saved = await render(editPage, 'clients/:clientId/edit', editUrl(id), supervisor.userId, {
      name: 'Jukka Salminen',
      streetAddress: 'Kauppakatu 2',
      postalCode: '00100',
      city: 'Helsinki',
    });
    expect(saved instanceof Response && saved.status).toBe(302);
    expect(await storedAddress(id)).toEqual({
      streetAddress: 'Kauppakatu 2',
      postalCode: '00100',
      city: 'Helsinki',
    });

    // Emptied fields are cleared, not kept.
    await render(editPage, 'clients/:clientId/edit', editUrl(id), supervisor.userId, {
      name: 'Jukka Salminen',
      streetAddress: '',
      postalCode: '',
      city: '',
    });
    expect(await storedAddress(id)).toEqual({ streetAddress: null, postalCode: null, city: null });
  });

  it('keeps the typed address on an error and saves nothing', async () => {
    const id = await clientWithAddress();
    const { status, html } = page(
      await render(editPage, 'clients/:clientId/edit', editUrl(id), owner.userId, {
        name: 'Jukka Salminen',
        streetAddress: 'Uusi katu 9',
        postalCode: 'FI-70100',
        city: 'Kuopio',
      }),
    );
    expect(status).toBe(400);
    expect(html).toContain('value="Uusi katu 9"');
    expect(html).toContain('value="FI-70100"');
    expect(await storedAddress(id)).toEqual(address);
  });

  it('is not found for a member of another practice, who changes nothing', async () => {
    const id = await clientWithAddress();
    const refused = await render(editPage, 'clients/:clientId/edit', editUrl(id), outsider.userId, {
      name: 'Jukka Salminen',
      streetAddress: 'Kaappauskatu 1',
      postalCode: '00100',
      city: 'Helsinki',
    });
    expect(page(refused).status).toBe(404);
    expect(await storedAddress(id)).toEqual(address);
  });
});
