/**
 * Second half of `npm run build` (after `remix vite:build`):
 *  - compiles server.ts and the server code it imports into one plain-JavaScript file,
 *    build/server.js, so that `npm start` runs node without a TypeScript loader;
 *  - makes build/pglite-migrated.tar.gz, an embedded database with every migration
 *    applied: a first start copies it instead of running initdb and the migrations;
 *  - writes build/.stamp (scripts/build-stamp.mjs): the build is complete and current.
 *
 * build/server.js sits directly in build/: db/client.ts finds the migrations at
 * `../drizzle` from its own URL, which is the bundle's once bundled.
 */
import { rmSync, writeFileSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { build } from 'esbuild';

import { sourceStamp, stampFile } from './build-stamp.mjs';

/**
 * Packages compiled into the bundle: ES modules spread over hundreds of files, which node
 * loads one by one (Drizzle alone: 0.5 s of CPU unbundled, 30 ms bundled). The rest stay
 * in node_modules: CommonJS packages load quickly as they are, and PGlite and argon2 bring
 * WebAssembly and native files of their own.
 */
const BUNDLED_PACKAGES = /^(drizzle-orm|zod)(\/|$)/;

// Hashed before compiling: a source edited during the build leaves the stamp stale.
const stamp = sourceStamp();
rmSync(stampFile, { force: true });

await build({
  entryPoints: ['server.ts'],
  outfile: 'build/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-packages',
      setup(builder) {
        // `~/` and `#db/` (tsconfig paths) are our own code, always compiled in.
        builder.onResolve({ filter: /^[^./~#]/ }, (args) =>
          BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

const pglite = await PGlite.create('memory://');
await migrate(drizzle(pglite), { migrationsFolder: 'drizzle' });
const dump = await pglite.dumpDataDir('gzip');
await pglite.close();
writeFileSync('build/pglite-migrated.tar.gz', Buffer.from(await dump.arrayBuffer()));

writeFileSync(stampFile, `${stamp}\n`);
