/**
 * Each page downloads the messages its routes can show, in its own language only, instead
 * of both whole catalogues (about 48 KB gzipped, half of a page's JavaScript budget).
 *
 * In the browser build:
 *  - app/i18n/catalogues.ts is replaced by catalogues.browser.ts, an empty registry;
 *  - every route module with a component starts by awaiting `loadRouteMessages`, which
 *    imports one chunk: that route's messages in the page's language;
 *  - a route's messages are the keys written in the code it reaches through its imports,
 *    server code included (loaders and actions return keys the component then shows):
 *    exact keys ('sessions.new') and prefixes of keys built at run time
 *    (`theme.${theme}`, 'sessions.status.').
 * Development (`npm run dev`) loads the whole catalogue of the page's language instead.
 * The server and the tests always have every message (catalogues.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import MagicString from 'magic-string';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:ohjaamo-messages/';
const LOCALES = ['fi', 'en'] as const;
type Locale = (typeof LOCALES)[number];
type Catalogue = Record<string, string>;

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
/**
 * Modules that write e-mail: their text never reaches a browser, though the actions that
 * send mail import them. Not read, and not followed.
 */
const MAIL_TEMPLATES = ['app/email/templates.ts', 'app/session-mail/templates.ts'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Resolves an import of our own code (`~/`, `#db/`, relative) to a file; packages: null. */
export function resolveImport(root: string, from: string, specifier: string): string | null {
  const bare = specifier.split('?')[0] ?? specifier;
  let base: string;
  if (bare.startsWith('~/')) base = path.join(root, 'app', bare.slice(2));
  else if (bare.startsWith('#db/')) base = path.join(root, 'db', bare.slice(4));
  else if (bare.startsWith('.')) base = path.resolve(path.dirname(from), bare);
  else return null;
  for (const extension of EXTENSIONS) {
    const file = base + extension;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;
const QUOTED = /(['"])((?:(?!\1)[^\\\n])*)\1/g;
const TEMPLATE_HEAD = /`([^`$\\]*)\$\{/g;

/** The keys a source text names: exact keys, and every key under a written prefix. */
export function keysNamedIn(text: string, keys: readonly string[]): Set<string> {
  const known = new Set(keys);
  const found = new Set<string>();
  const prefixes = new Set<string>();
  for (const [, , literal = ''] of text.matchAll(QUOTED)) {
    if (known.has(literal)) found.add(literal);
    else if (literal.endsWith('.') && literal.length > 1) prefixes.add(literal);
  }
  for (const [, head = ''] of text.matchAll(TEMPLATE_HEAD)) {
    if (known.has(head)) found.add(head);
    else if (head.includes('.')) prefixes.add(head);
  }
  for (const prefix of prefixes) {
    for (const key of keys) if (key.startsWith(prefix)) found.add(key);
  }
  return found;
}

/**
 * The keys each route module can show: those named in it and in every module it imports,
 * directly or not. The catalogue files themselves (given as `catalogueFiles`) are not
 * followed: every module reaches them through app/i18n.
 */
export function routeMessageKeys(options: {
  root: string;
  routeFiles: readonly string[];
  catalogueFiles: ReadonlySet<string>;
  keys: readonly string[];
}): Map<string, Set<string>> {
  const { root, keys } = options;
  const skipped = new Set([
    ...options.catalogueFiles,
    ...MAIL_TEMPLATES.map((file) => path.join(root, file)),
  ]);
  const files = [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'db'))];
  const named = new Map<string, Set<string>>();
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    named.set(file, keysNamedIn(text, keys));
    const targets = [...text.matchAll(IMPORT)]
      .map(([, , specifier = '']) => resolveImport(root, file, specifier))
      .filter((target): target is string => target !== null && !skipped.has(target));
    imports.set(file, targets);
  }
  const reached = new Map<string, Set<string>>();
  for (const route of options.routeFiles) {
    const seen = new Set<string>();
    const found = new Set<string>();
    const stack = [route];
    while (stack.length > 0) {
      const file = stack.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const key of named.get(file) ?? []) found.add(key);
      stack.push(...(imports.get(file) ?? []));
    }
    reached.set(route, found);
  }
  // A route's parents are on the page whenever it is, and their messages with them.
  const result = new Map<string, Set<string>>();
  for (const route of options.routeFiles) {
    const own = new Set(reached.get(route));
    for (const parent of parentRoutes(route, options.routeFiles)) {
      for (const key of reached.get(parent) ?? []) own.delete(key);
    }
    result.set(route, own);
  }
  return result;
}

/**
 * The layout routes around a flat route file (app/routes/a.b.c.tsx sits in a.b.tsx if
 * there is one, else in a.tsx), and app/root.tsx around them all.
 */
export function parentRoutes(route: string, routeFiles: readonly string[]): string[] {
  const rootFile = routeFiles.find((file) => path.basename(file) === 'root.tsx');
  if (route === rootFile) return [];
  const byName = new Map(
    routeFiles.map((file) => [path.basename(file).replace(/\.tsx?$/, ''), file]),
  );
  const segments = path
    .basename(route)
    .replace(/\.tsx?$/, '')
    .split('.');
  const parents: string[] = [];
  for (let length = segments.length - 1; length > 0; length--) {
    const parent = byName.get(segments.slice(0, length).join('.'));
    if (parent && parent !== route) parents.push(parent);
  }
  return rootFile ? [...parents, rootFile] : parents;
}

/** The files app/i18n/fi.ts is made of (it and the area message modules it merges). */
function catalogueFilesOf(root: string): Set<string> {
  const i18n = path.join(root, 'app/i18n');
  const files = new Set([path.join(i18n, 'fi.ts'), path.join(i18n, 'en.ts')]);
  for (const file of [...files]) {
    for (const [, , specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(root, file, specifier);
      if (target) files.add(target);
    }
  }
  return files;
}

const isRouteFile = (root: string, file: string) =>
  file === path.join(root, 'app/root.tsx') ||
  (file.startsWith(path.join(root, 'app/routes') + path.sep) && /\.tsx?$/.test(file));

export function routeMessages(): Plugin[] {
  let root = process.cwd();
  let building = false;
  let keysByRoute: Promise<Map<string, Set<string>>> | undefined;
  let catalogues: Promise<Record<Locale, Catalogue>> | undefined;

  // The catalogues are TypeScript; tsx (a dependency) loads them as the server does.
  const loadCatalogues = () =>
    (catalogues ??= import('tsx/esm/api').then(async ({ tsImport }) => {
      const module = (await tsImport(
        path.join(root, 'app/i18n/catalogues.ts'),
        import.meta.url,
      )) as { catalogues: Record<Locale, Catalogue> };
      return module.catalogues;
    }));

  const routeKeys = () =>
    (keysByRoute ??= loadCatalogues().then((all) => {
      const routeFiles = sourceFiles(path.join(root, 'app/routes'));
      routeFiles.push(path.join(root, 'app/root.tsx'));
      return routeMessageKeys({
        root,
        routeFiles,
        catalogueFiles: catalogueFilesOf(root),
        keys: Object.keys(all.fi),
      });
    }));

  const resolve: Plugin = {
    name: 'ohjaamo-route-messages-resolve',
    enforce: 'pre',
    config: (_config, { command }) =>
      // Route modules await their messages at the top level.
      command === 'build' ? { build: { target: 'es2022' } } : undefined,
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    resolveId(source, importer, options) {
      if (source.startsWith(VIRTUAL)) return `\0${source}`;
      if (options?.ssr || !importer) return null;
      if (source === './catalogues' && importer.endsWith(path.join('app', 'i18n', 'index.ts'))) {
        return path.join(root, 'app/i18n/catalogues.browser.ts');
      }
      return null;
    },
    async load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return null;
      // \0virtual:ohjaamo-messages/<route file, relative to the root>/messages-<locale>: the
      // chunks are called messages-<locale>-<hash>.js (scripts/check-client-bundle.ts).
      const parts = id.slice(VIRTUAL.length + 1).split('/');
      const locale = parts.pop()?.replace(/^messages-/, '');
      if (!LOCALES.includes(locale as Locale)) return null;
      const rest = parts;
      if (!building) {
        const catalogue = path.join(root, `app/i18n/${locale}.ts`);
        return `export { ${locale} as default } from ${JSON.stringify(catalogue)};`;
      }
      const keys = (await routeKeys()).get(path.join(root, ...rest)) ?? new Set<string>();
      const catalogue = (await loadCatalogues())[locale as Locale];
      const messages = Object.fromEntries([...keys].sort().map((key) => [key, catalogue[key]]));
      return `export default ${JSON.stringify(messages)};`;
    },
  };

  const inject: Plugin = {
    name: 'ohjaamo-route-messages-inject',
    enforce: 'post',
    transform(code, id, options) {
      if (options?.ssr || id.includes('?') || !isRouteFile(root, id)) return null;
      if (!/export\s+default\b/.test(code)) return null;
      const route = path.relative(root, id).split(path.sep).join('/');
      const chunks = LOCALES.map(
        (locale) =>
          `${locale}: () => import(${JSON.stringify(`${VIRTUAL}${route}/messages-${locale}`)})`,
      ).join(', ');
      const registry = JSON.stringify(path.join(root, 'app/i18n/catalogues.browser.ts'));
      const output = new MagicString(code).prepend(
        `import { loadRouteMessages as __loadRouteMessages } from ${registry};\n` +
          `await __loadRouteMessages({ ${chunks} });\n`,
      );
      return { code: output.toString(), map: output.generateMap({ hires: 'boundary' }) };
    },
  };

  return [resolve, inject];
}
