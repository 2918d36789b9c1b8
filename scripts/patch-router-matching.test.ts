import { createRequire } from 'node:module';

import type * as RemixRouter from '@remix-run/router';
import { describe, expect, it } from 'vitest';

// The CommonJS build, as the server loads it (the one the postinstall patch changes).
const router = createRequire(import.meta.url)('@remix-run/router') as typeof RemixRouter;

const ids = (matches: ReturnType<typeof router.matchRoutes>) =>
  matches?.map((match) => match.route.id);

describe('route matching with the memo of patch-router-matching', () => {
  const tree = () => [
    {
      id: 'root',
      path: '/',
      children: [
        { id: 'index', index: true },
        { id: 'clients', path: 'clients' },
        { id: 'client', path: 'clients/:clientId' },
        { id: 'new-client', path: 'clients/new' },
        { id: 'splat', path: '*' },
      ],
    },
  ];

  it('ranks and matches as before, however often the same routes are matched', () => {
    const routes = tree();
    for (let round = 0; round < 3; round += 1) {
      expect(ids(router.matchRoutes(routes, '/clients/new'))).toEqual(['root', 'new-client']);
      expect(ids(router.matchRoutes(routes, '/clients/abc'))).toEqual(['root', 'client']);
      expect(router.matchRoutes(routes, '/clients/abc')?.[1]?.params).toEqual({
        clientId: 'abc',
      });
      expect(ids(router.matchRoutes(routes, '/'))).toEqual(['root', 'index']);
      expect(ids(router.matchRoutes(routes, '/CLIENTS'))).toEqual(['root', 'clients']);
      expect(ids(router.matchRoutes(routes, '/elsewhere/deep'))).toEqual(['root', 'splat']);
    }
  });

  it('ranks another route array on its own, even with the same paths', () => {
    const first = tree();
    expect(ids(router.matchRoutes(first, '/clients/x'))).toEqual(['root', 'client']);
    const second = tree();
    second[0]?.children.splice(2, 1, { id: 'other-client', path: 'clients/:id' });
    expect(ids(router.matchRoutes(second, '/clients/x'))).toEqual(['root', 'other-client']);
    expect(router.matchRoutes(second, '/clients/x')?.[1]?.params).toEqual({ id: 'x' });
  });

  it('keeps case sensitivity and the end flag apart for one path', () => {
    expect(router.matchPath({ path: '/Clients', caseSensitive: true }, '/clients')).toBeNull();
    expect(router.matchPath({ path: '/Clients' }, '/clients')?.pathname).toBe('/clients');
    expect(router.matchPath({ path: '/clients', end: false }, '/clients/1')?.pathnameBase).toBe(
      '/clients',
    );
    expect(router.matchPath({ path: '/clients' }, '/clients/1')).toBeNull();
  });
});
