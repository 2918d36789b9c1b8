/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';

import { vitePlugin as remix } from '@remix-run/dev';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = process.env.VITEST === 'true';

export default defineConfig({
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./app', import.meta.url)),
      '#db': fileURLToPath(new URL('./db', import.meta.url)),
    },
  },
  server: { port: 3000 },
  optimizeDeps: {
    exclude: ['@node-rs/argon2', '@electric-sql/pglite', 'postgres', 'nodemailer', 'stripe'],
  },
  plugins: [
    tailwindcss(),
    !isVitest &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
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
