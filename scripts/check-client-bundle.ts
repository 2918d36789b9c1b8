/**
 * Checks the production build's browser JavaScript, page by page. Run after
 * `npm run build` (`npm run test:e2e` does):
 *
 *   npm run check:bundle [-- build/client]
 *
 * For every route with a page it adds up, gzipped, what a first visit downloads: the entry
 * and the chunks it imports, each matched route's module and its imports (the Remix
 * manifest, as the page's modulepreload links list them), and the chunk of that route's
 * messages in the larger of the two languages (scripts/vite/route-messages.ts). Fails when
 * a page needs more than 100 KB (issue 10), or when any asset contains Drizzle code: table
 * definitions in the browser cost every page download time and show the schema to anyone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
// The pages issue 10 measures, printed first; every other page is checked too.
const KEY_ROUTES = [
  'routes/login',
  'routes/_app.calendar',
  'routes/_app.clients._index',
  'routes/_app.clients.$clientId._index',
  'routes/_app.contracts._index',
  'routes/_app.contracts.$contractId._index',
  'routes/_app.sessions.$sessionId._index',
  'routes/_app.sessions.$sessionId.notes',
  'routes/_app.billing.invoices._index',
  'routes/portal.summaries._index',
];
// Strings only Drizzle's runtime contains: its entity-kind symbols and table class names.
const MARKERS = ['drizzle:', 'drizzle-orm', 'PgTable', 'PgColumn'];

const root = path.resolve(process.argv[2] ?? 'build/client');
const assets = path.join(root, 'assets');

type ManifestRoute = {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
};
type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
};

let names: string[];
try {
  names = readdirSync(assets);
} catch {
  console.error(`No build at ${root}: run npm run build first.`);
  process.exit(1);
}

const manifestFile = names.find((name) => /^manifest-[\w-]+\.js$/.test(name));
if (!manifestFile) {
  console.error(`No Remix manifest in ${assets}.`);
  process.exit(1);
}
const manifest = JSON.parse(
  readFileSync(path.join(assets, manifestFile), 'utf8')
    .replace(/^window\.__remixManifest=/, '')
    .replace(/;\s*$/, ''),
) as Manifest;

const sizes = new Map<string, number>();
/** Gzipped size of an asset by its URL path (/assets/…), as compression() would send it. */
function gzipped(url: string): number {
  let size = sizes.get(url);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(root, url))).length;
    sizes.set(url, size);
  }
  return size;
}

/** The route's messages chunk per language: dynamic imports the route module names. */
function messageChunks(moduleUrl: string): string[] {
  const source = readFileSync(path.join(root, moduleUrl), 'utf8');
  const found = [...source.matchAll(/import\(["']\.\/(messages-(fi|en)-[\w-]+\.js)["']\)/g)];
  // The larger of the two languages: a page loads one.
  const byLocale = new Map<string, string>();
  for (const [, file = '', locale = ''] of found) {
    const url = `/assets/${file}`;
    const known = byLocale.get(locale);
    if (!known || gzipped(url) > gzipped(known)) byLocale.set(locale, url);
  }
  return [...byLocale.values()];
}

function pageWeight(routeId: string): { bytes: number; messages: number } {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  const messageFiles: string[] = [];
  for (let route = manifest.routes[routeId]; route; route = manifest.routes[route.parentId ?? '']) {
    for (const file of route.imports ?? []) files.add(file);
    files.add(route.module);
    const [larger] = messageChunks(route.module).sort((a, b) => gzipped(b) - gzipped(a));
    if (larger) messageFiles.push(larger);
  }
  const code = [...files].reduce((sum, file) => sum + gzipped(file), 0);
  const messages = messageFiles.reduce((sum, file) => sum + gzipped(file), 0);
  return { bytes: code + messages, messages };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// Pages: routes with a component (resource routes have an empty chunk and no page).
const pages = Object.values(manifest.routes)
  .filter((route) => route.id !== 'root')
  .filter((route) => readFileSync(path.join(root, route.module), 'utf8').trim() !== '')
  .map((route) => ({ id: route.id, ...pageWeight(route.id) }));

const over = pages.filter((page) => page.bytes > BUDGET);
console.log(`Browser JavaScript per page, gzipped (budget ${kib(BUDGET)}):`);
const keyPages = KEY_ROUTES.flatMap((id) => pages.filter((page) => page.id === id));
for (const page of keyPages) {
  console.log(`  ${kib(page.bytes).padStart(10)}  ${page.id} (messages ${kib(page.messages)})`);
}
const heaviest = [...pages].sort((a, b) => b.bytes - a.bytes)[0];
if (heaviest)
  console.log(`  heaviest of ${pages.length} pages: ${heaviest.id}, ${kib(heaviest.bytes)}`);

const offenders: string[] = [];
for (const name of names.filter((file) => file.endsWith('.js'))) {
  const text = readFileSync(path.join(assets, name), 'utf8');
  const found = MARKERS.filter((marker) => text.includes(marker));
  if (found.length > 0) offenders.push(`${name} (${found.join(', ')})`);
}

if (offenders.length > 0) {
  console.error('Drizzle code reached the browser bundle in:');
  for (const offender of offenders) console.error(`  ${offender}`);
  console.error('Import shared values from #db/schema/values and keep queries in *.server.ts.');
}
if (over.length > 0) {
  console.error(`Pages over the budget of ${kib(BUDGET)}:`);
  for (const page of over) console.error(`  ${page.id}: ${kib(page.bytes)}`);
}
// The bundled packages' licence notices live in one file (scripts/vite/third-party-notices.ts),
// which the framework chunk names; without it the build would drop them altogether.
const framework = names.find((name) => /^framework-[\w-]+\.js$/.test(name));
const notices =
  /Licences of the bundled packages: \/assets\/(third-party-licenses-[\w-]+\.txt)/.exec(
    framework ? readFileSync(path.join(assets, framework), 'utf8') : '',
  )?.[1];
const noticesOk =
  notices !== undefined &&
  names.includes(notices) &&
  ['react-dom', '@remix-run/react'].every((name) =>
    readFileSync(path.join(assets, notices), 'utf8').includes(`${name} `),
  );
if (!noticesOk) console.error('The licence notices of the bundled packages are missing.');
if (offenders.length > 0 || over.length > 0 || !noticesOk) process.exit(1);
