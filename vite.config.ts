/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';

import { vitePlugin as remix } from '@remix-run/dev';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin } from 'vite';

import { routeMessages } from './scripts/vite/route-messages';
import { thirdPartyNotices } from './scripts/vite/third-party-notices';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = process.env.VITEST === 'true';

/**
 * The production server build compiles in the ES-module packages that node would otherwise
 * load file by file at every start (Drizzle: hundreds of files, half a second of CPU).
 * Development and tests keep loading them from node_modules.
 */
const bundleServerPackages: Plugin = {
  name: 'ohjaamo-bundle-server-packages',
  config: (_config, { command }) =>
    command === 'build' ? { ssr: { noExternal: [/^drizzle-orm(\/|$)/] } } : undefined,
};

/**
 * The browser build puts the small modules nearly every page uses (the UI kit, forms,
 * i18n) in one chunk: a dozen separate chunks of a few hundred bytes each compress worse
 * and cost a request each.
 */
const sharedClientChunk: Plugin = {
  name: 'ohjaamo-shared-client-chunk',
  config: (_config, { command, isSsrBuild }) =>
    command === 'build' && !isSsrBuild
      ? {
          build: {
            rollupOptions: {
              output: {
                manualChunks(id: string) {
                  // React and Remix apart: they change less often than our code.
                  if (id.includes('/node_modules/')) return 'framework';
                  // The lists' own parts stay with the lists: most pages never show them.
                  if (
                    /\/app\/ui\/(pagination|list-filter|clients-tabs|record-actions|empty-state|copy-button)\./.test(
                      id,
                    )
                  ) {
                    return undefined;
                  }
                  if (/\/app\/(ui|forms|i18n)\//.test(id)) return 'app-common';
                  return undefined;
                },
              },
            },
          },
        }
      : undefined,
};

export default defineConfig({
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./app', import.meta.url)),
      '#db': fileURLToPath(new URL('./db', import.meta.url)),
    },
  },
  server: { port: 3000 },
  // tsconfig's verbatimModuleSyntax keeps `import { type A } from 'x'` as `import 'x'`: route
  // modules then pulled @remix-run/node (undici, node:stream…) into the browser in
  // development. Type-only imports leave no trace in what Vite compiles; tsc still checks
  // them under verbatimModuleSyntax.
  esbuild: { tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false } } },
  optimizeDeps: {
    // What the browser imports, declared up front: Vite bundles it once at start instead of
    // finding it on the first pages and reloading them to re-optimize.
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@remix-run/react',
    ],
    // Server-only packages: never bundled for the browser. Vite's scan of the route files
    // follows their loaders' imports and would find these late and reload the page.
    exclude: [
      '@remix-run/node',
      'zod',
      'otpauth',
      '@node-rs/argon2',
      '@electric-sql/pglite',
      'postgres',
      'nodemailer',
      'stripe',
      'drizzle-orm',
      'express',
      'compression',
    ],
  },
  plugins: [
    bundleServerPackages,
    sharedClientChunk,
    !isVitest && routeMessages(),
    !isVitest && thirdPartyNotices(),
    tailwindcss(),
    !isVitest &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: false,
          v3_routeConfig: true,
        },
      }),
  ],
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['./db/testing/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker process runs many files: the app's modules are imported and transformed
    // once per worker instead of once per file, and test-database.ts keeps PGlite's compiled
    // WebAssembly for the next file. Each file still gets its own fresh database.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core
    // machine. Many files wait on child processes, HTTP and timers, so use every core.
    maxWorkers: '100%',
  },
});
