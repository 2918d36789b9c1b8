/**
 * Run by `npm install` (postinstall): spares the server work that @remix-run/router 1.23
 * repeats on every request (docs/decisions/023).
 *
 * `matchRoutes` flattens and ranks the whole route tree (about 90 routes here) each time it
 * is called, and `compilePath` builds a regular expression for every route path it tries;
 * a page request matches several times (the request handler, the data loading, the render).
 * On the bench's pages that was about a tenth of the server's time on the main thread.
 *
 * The patch keeps the ranked branches of a route array once computed (a WeakMap on the
 * array: the server's route arrays are built once per build and never changed, and a new
 * array, as each render makes, is ranked anew) and the compiled form of each path (a path,
 * its case sensitivity and its end flag give the same expression every time). Only the
 * CommonJS build is patched, which is what Node loads; the browser's copy is left as it is,
 * since the browser router may add routes to an array it has already matched.
 *
 * Idempotent; warns and changes nothing when the file is not the one this was written for.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARK = '/* ohjaamo: route matching memo (ADR 023) */';
const file = path.resolve(process.argv[2] ?? 'node_modules/@remix-run/router/dist/router.cjs.js');

const replacements: [string, string][] = [
  [
    `function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
    `${MARK}
const rankedBranchesByRoutes = new WeakMap();
function rankedBranchesOf(routes) {
  let branches = rankedBranchesByRoutes.get(routes);
  if (branches === undefined) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranchesByRoutes.set(routes, branches);
  }
  return branches;
}
function matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
  ],
  [
    `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;`,
    `  let branches = rankedBranchesOf(routes);
  let matches = null;`,
  ],
  [
    `function compilePath(path, caseSensitive, end) {`,
    `const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  let key = (caseSensitive === true ? "1" : "0") + (end === false ? "0" : "1") + path;
  let compiled = compiledPaths.get(key);
  if (compiled === undefined) {
    compiled = compilePathOnce(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathOnce(path, caseSensitive, end) {`,
  ],
];

if (existsSync(file)) {
  const source = readFileSync(file, 'utf8');
  if (!source.includes(MARK)) {
    if (replacements.every(([from]) => source.split(from).length === 2)) {
      let result = source;
      for (const [from, to] of replacements) result = result.replace(from, to);
      writeFileSync(file, result);
      console.log(`patch-router-matching: patched ${file}`);
    } else {
      console.warn(
        `patch-router-matching: ${file} is not the @remix-run/router 1.23 this patch was ` +
          'written for; left unchanged (route matching works, only slower).',
      );
    }
  }
}
