/**
 * Run by `npm install` (postinstall): spares the server work that Remix 2.17 and its router
 * (@remix-run/router 1.23, react-router-dom 6.30) repeat on every request (docs/decisions/023).
 *
 * A page request matches its URL against the route tree three times (the request handler, the
 * data loading, the render), and the render first builds the whole route tree anew, twice
 * (Remix's server routes, then the router's data routes), which it then flattens and ranks
 * again. On the bench's pages that was about a tenth of the server's time on the main thread.
 *
 * - `@remix-run/router` (its CommonJS build, which Node loads): the ranked branches of a
 *   route array are kept once computed (a WeakMap on the array), the compiled form of each
 *   path is kept (a path, its case sensitivity and its end flag give the same expression every
 *   time), and a URL is tried only against the branches whose first segment could match it.
 * - `@remix-run/server-runtime`: the route modules handed to the render are gathered once per
 *   build instead of once per request.
 * - `@remix-run/react` (server render) and `react-router-dom/server`: the route objects the
 *   render uses are built once per build's route modules instead of once per request, so the
 *   router's kept ranking applies to them too.
 *
 * The server's route arrays are made once per build and never changed; a new build (Vite's
 * development server after an edit) brings new arrays. The browser's copies are not patched,
 * since the browser router may add routes to an array it has already matched.
 *
 * Idempotent; a file that is not the one this was written for is warned about and left
 * unchanged (the app then works as upstream, only slower). `patch-remix-routing.test.ts`
 * checks that matching gives what the unpatched router gives, on the app's own routes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = '/* ohjaamo: kept route tables (ADR 023) */';

export interface FilePatch {
  /** The file under node_modules. */
  file: string;
  /** Each `from` must occur exactly once in the file. */
  replacements: [from: string, to: string][];
  /** An earlier version of this patch, undone first when a file still carries it. */
  previous?: { mark: string; replacements: [from: string, to: string][] };
}

const rankedBranchesMemo = `const rankedBranchesByRoutes = new WeakMap();
function rankedBranchesOf(routes) {
  let branches = rankedBranchesByRoutes.get(routes);
  if (branches === undefined) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranchesByRoutes.set(routes, branches);
  }
  return branches;
}`;

const compiledPathMemo = `const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  let key = (caseSensitive === true ? "1" : "0") + (end === false ? "0" : "1") + path;
  let compiled = compiledPaths.get(key);
  if (compiled === undefined) {
    compiled = compilePathOnce(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathOnce(path, caseSensitive, end) {`;

const routerPatch: FilePatch = {
  file: '@remix-run/router/dist/router.cjs.js',
  previous: {
    mark: '/* ohjaamo: route matching memo (ADR 023) */',
    replacements: [
      [
        `function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
        `/* ohjaamo: route matching memo (ADR 023) */
${rankedBranchesMemo}
function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
      ],
      [
        `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;`,
        `  let branches = rankedBranchesOf(routes);
  let matches = null;`,
      ],
      [`function compilePath(path, caseSensitive, end) {`, compiledPathMemo],
    ],
  },
  replacements: [
    [
      `function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
      `${MARK}
${rankedBranchesMemo}
// "/clients/:id" -> "clients", "/" -> "" (lower case: paths match without regard to case).
function firstSegmentOf(path) {
  let start = path.charAt(0) === "/" ? 1 : 0;
  let end = path.indexOf("/", start);
  return (end === -1 ? path.slice(start) : path.slice(start, end)).toLowerCase();
}
// The ranked branches a pathname could match, in rank order: those whose first segment is
// the pathname's, and those whose first segment is not plain ASCII text (a parameter, a
// splat, a case-sensitive or non-ASCII path), which any pathname may match.
const candidatesByBranches = new WeakMap();
function candidateBranchesOf(routes, pathname) {
  let branches = rankedBranchesOf(routes);
  let index = candidatesByBranches.get(branches);
  if (index === undefined) {
    let keys = branches.map(branch => {
      let key = firstSegmentOf(branch.path);
      let plain = /^[\\x20-\\x7e]*$/.test(key) && !/[:*?]/.test(key);
      return plain && branch.routesMeta.every(meta => meta.caseSensitive !== true) ? key : null;
    });
    let byKey = new Map();
    for (let key of new Set(keys)) {
      if (key !== null) byKey.set(key, branches.filter((_, i) => keys[i] === key || keys[i] === null));
    }
    index = { byKey, others: branches.filter((_, i) => keys[i] === null) };
    candidatesByBranches.set(branches, index);
  }
  return index.byKey.get(firstSegmentOf(pathname)) ?? index.others;
}
function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
    ],
    [
      `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;
  let decoded = decodePath(pathname);`,
      `  let matches = null;
  let decoded = decodePath(pathname);
  // A partial match (route discovery) may stop inside any branch: all of them are tried.
  let branches = allowPartial ? rankedBranchesOf(routes) : candidateBranchesOf(routes, decoded);`,
    ],
    [`function compilePath(path, caseSensitive, end) {`, compiledPathMemo],
  ],
};

const entryPatch: FilePatch = {
  file: '@remix-run/server-runtime/dist/entry.js',
  replacements: [
    [
      `function createEntryRouteModules(manifest) {`,
      `${MARK}
const entryRouteModulesByManifest = new WeakMap();
function createEntryRouteModules(manifest) {
  let modules = entryRouteModulesByManifest.get(manifest);
  if (modules === undefined) {
    modules = createEntryRouteModulesOnce(manifest);
    entryRouteModulesByManifest.set(manifest, modules);
  }
  return modules;
}
function createEntryRouteModulesOnce(manifest) {`,
    ],
  ],
};

const remixServerPatch: FilePatch = {
  file: '@remix-run/react/dist/server.js',
  replacements: [
    [
      `function RemixServer({`,
      `${MARK}
const serverRoutesByModules = new WeakMap();
function serverRoutesOf(manifestRoutes, routeModules, future, isSpaMode) {
  let kept = serverRoutesByModules.get(routeModules);
  if (kept === undefined || kept.manifestRoutes !== manifestRoutes || kept.future !== future || kept.isSpaMode !== isSpaMode) {
    kept = { manifestRoutes, future, isSpaMode, routes: routes.createServerRoutes(manifestRoutes, routeModules, future, isSpaMode) };
    serverRoutesByModules.set(routeModules, kept);
  }
  return kept.routes;
}
function RemixServer({`,
    ],
    [
      `let routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);`,
      `let routes$1 = serverRoutesOf(manifest.routes, routeModules, context.future, context.isSpaMode);`,
    ],
  ],
};

const staticRouterPatch: FilePatch = {
  file: 'react-router-dom/server.js',
  replacements: [
    [
      `function createStaticRouter(routes, context, opts = {}) {
  let manifest = {};
  let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);`,
      `${MARK}
const dataRoutesByRoutes = new WeakMap();
function createStaticRouter(routes, context, opts = {}) {
  let kept = dataRoutesByRoutes.get(routes);
  if (kept === undefined) {
    let manifest = {};
    let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);
    kept = { manifest, dataRoutes };
    dataRoutesByRoutes.set(routes, kept);
  }
  let { manifest, dataRoutes } = kept;`,
    ],
  ],
};

export const patches: FilePatch[] = [routerPatch, entryPatch, remixServerPatch, staticRouterPatch];

/** The patched text, or null when the file is not the one the patch was written for. */
export function applyPatch(source: string, patch: FilePatch): string | null {
  if (!patch.replacements.every(([from]) => source.split(from).length === 2)) return null;
  let result = source;
  for (const [from, to] of patch.replacements) result = result.replace(from, () => to);
  return result;
}

/** The file as npm installed it, from a patched one (for the test's comparison). */
export function revertPatch(source: string, patch: Pick<FilePatch, 'replacements'>): string {
  let result = source;
  for (const [from, to] of [...patch.replacements].reverse())
    result = result.replace(to, () => from);
  return result;
}

function main(modulesDir: string): void {
  for (const patch of patches) {
    const file = path.join(modulesDir, patch.file);
    if (!existsSync(file)) continue;
    let source = readFileSync(file, 'utf8');
    if (source.includes(MARK)) continue;
    if (patch.previous && source.includes(patch.previous.mark)) {
      source = revertPatch(source, patch.previous);
    }
    const patched = applyPatch(source, patch);
    if (patched === null) {
      console.warn(
        `patch-remix-routing: ${file} is not the version this patch was written for; left ` +
          'unchanged (the app works, only slower).',
      );
      continue;
    }
    writeFileSync(file, patched);
    console.log(`patch-remix-routing: patched ${file}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(path.resolve(process.argv[2] ?? 'node_modules'));
}
