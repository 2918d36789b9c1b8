import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type * as RemixRouter from '@remix-run/router';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

import { applyPatch, patches, revertPatch } from './patch-remix-routing';

const require = createRequire(import.meta.url);
// The CommonJS build, as the server loads it (the one the postinstall patch changes).
const router = require('@remix-run/router') as typeof RemixRouter;

const ids = (matches: ReturnType<typeof router.matchRoutes>) =>
  matches?.map((match) => match.route.id);

describe('route matching with the kept tables of patch-remix-routing', () => {
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

function loadModule(source: string): typeof RemixRouter {
  const dir = mkdtempSync(path.join(tmpdir(), 'router-'));
  try {
    writeFileSync(path.join(dir, 'router.cjs'), source);
    return createRequire(path.join(dir, 'x.cjs'))('./router.cjs') as typeof RemixRouter;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The router as npm installed it (the installed file with the patch undone) and as this
 * script's patch makes it, each loaded on its own.
 */
function routers(): { original: typeof RemixRouter; patched: typeof RemixRouter } {
  const file = require.resolve('@remix-run/router');
  const patch = patches.find((p) => file.endsWith(p.file));
  if (!patch) throw new Error('no patch for the router');
  const installed = readFileSync(file, 'utf8');
  const source = revertPatch(installed, patch);
  expect(source).not.toContain('ohjaamo');
  const patchedSource = applyPatch(source, patch);
  if (patchedSource === null) throw new Error('the patch no longer applies to the router');
  // `npm install` ran the patch as it is now.
  expect(patchedSource).toBe(installed);
  return { original: loadModule(source), patched: loadModule(patchedSource) };
}

interface RouteEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
}
interface RouteNode {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteNode[];
}

/** The app's route tree, as Remix builds it from app/routes/ (flat routes). */
function appRouteTree(): RouteNode[] {
  const { flatRoutes } = require('@remix-run/dev/dist/config/flat-routes.js') as {
    flatRoutes: (appDirectory: string) => Record<string, RouteEntry>;
  };
  const manifest = flatRoutes(path.resolve(__dirname, '../app'));
  const nodeOf = (entry: RouteEntry): RouteNode => {
    const children = Object.values(manifest)
      .filter((child) => child.parentId === entry.id)
      .map(nodeOf);
    return {
      id: entry.id,
      ...(entry.path !== undefined ? { path: entry.path } : {}),
      ...(entry.index ? { index: true } : {}),
      ...(entry.caseSensitive ? { caseSensitive: true } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  };
  return [nodeOf({ id: 'root', path: '' })];
}

/** Every full path of the tree, parameters as written (`:clientId`, `*`). */
function pathsOf(nodes: RouteNode[], parent = ''): string[] {
  return nodes.flatMap((node) => {
    const full = [parent, node.path ?? ''].filter(Boolean).join('/');
    return [`/${full}`, ...pathsOf(node.children ?? [], full)];
  });
}

describe("the patched router matches the app's routes exactly as the unpatched one", () => {
  const { original, patched } = routers();
  // Remix's manifest never gives an index route children, as the router's type requires.
  const nodes = appRouteTree();
  const tree = nodes as unknown as RemixRouter.AgnosticRouteObject[];
  const outcome = (r: typeof RemixRouter, pathname: string) =>
    r.matchRoutes(tree, pathname)?.map((m) => [m.route.id, m.params, m.pathname, m.pathnameBase]);
  const routePaths = [...new Set(pathsOf(nodes))];

  it('has the routes of the app to compare with', () => {
    expect(routePaths.length).toBeGreaterThan(50);
    expect(routePaths).toContain('/clients/:clientId');
  });

  it('gives the same matches for every route path and its variants', () => {
    const samples = routePaths.flatMap((routePath) => {
      const filled = routePath.replace(/:[\w-]+/g, 'abc-123').replace(/\*$/, 'deep/er');
      return [
        filled,
        filled.toUpperCase(),
        `${filled}/`,
        `/${filled}`,
        `${filled}//x`,
        filled.replace(/^\/(\w)/, '/%C3%A4$1'),
        `${filled}.data`,
        filled.replace(/^\/\w+/, '/\u212Aey'),
      ];
    });
    for (const pathname of ['/', '', '//', '/%', '/%E0%A4%A', '/İ', ...samples]) {
      expect(outcome(patched, pathname), pathname).toEqual(outcome(original, pathname));
    }
  });

  it('gives the same matches for generated paths', () => {
    // Both routers warn about each malformed %-encoding they meet; the outcome is compared.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const segments = [...new Set(routePaths.flatMap((p) => p.split('/')))].filter(Boolean);
    const segment = fc.oneof(
      fc.constantFrom(...segments),
      fc.constantFrom(...segments).map((s) => s.toUpperCase()),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('', '.', '..', '%20', 'ä', 'İ', 'ſ', '*', ':x'),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (parts) => {
        const pathname = `/${parts.join('/')}`;
        expect(outcome(patched, pathname)).toEqual(outcome(original, pathname));
      }),
      { numRuns: 3000 },
    );
    warn.mockRestore();
  });
});
