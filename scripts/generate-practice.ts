/**
 * Writes a big, realistic practice into the configured database, for benchmarks and for
 * trying the app with five years of history (db/generate/practice.ts says what it holds).
 *
 *   npm run db:generate-practice                     full size: 50,000 sessions
 *   npm run db:generate-practice -- --scale 0.02     1,000 sessions, the rest scaled to match
 *   npm run db:generate-practice -- --seed 7 --now 2026-12-01T00:00:00Z --reset
 *
 * Uses the server's configuration (DATABASE_URL, or PGlite in PGLITE_DIR; the notes key as
 * the server reads it), applies the migrations first, and refuses a database that already
 * holds the generated practice unless --reset is given. An embedded PGlite must not be open
 * in a running server meanwhile. Prints the rows written and a login; never a key.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { openDatabase } from '#db/client';
import { generatePractice, PracticeExistsError } from '#db/generate/practice';
import { loadConfig } from '~/config.server';
import { loadKeyring } from '~/security/sealing.server';

const DEFAULT_PASSWORD = 'harjoitus-kajo-2026';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      password: { type: 'string', default: DEFAULT_PASSWORD },
      reset: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  // By default the history ends at the start of today (UTC), so runs on one day agree.
  const now = values.now ? new Date(values.now) : new Date(new Date().setUTCHours(0, 0, 0, 0));
  if (!(scale > 0 && scale <= 10) || !Number.isInteger(seed) || Number.isNaN(now.getTime())) {
    console.error('Usage: --scale (0, 10]  --seed <integer>  --now <ISO time>  [--reset]');
    return 2;
  }

  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const keyring = loadKeyring({ production: config.mode === 'production' });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
  const where = database.kind === 'pglite' ? `PGlite in ${config.pgliteDir}` : 'PostgreSQL';
  try {
    const started = performance.now();
    await database.migrate();
    const migrated = performance.now();
    const result = await generatePractice(database.db, keyring, {
      seed,
      scale,
      now,
      password: values.password,
      reset: values.reset,
    });
    const done = performance.now();
    console.log(`Generated practice in ${where} (scale ${scale}, seed ${seed}).`);
    for (const [table, count] of Object.entries(result.rows)) {
      console.log(`  ${table.padEnd(24)} ${String(count).padStart(8)}`);
    }
    console.log(`  ${'note parts (texts)'.padEnd(24)} ${String(result.noteParts).padStart(8)}`);
    console.log(
      `Migrations ${((migrated - started) / 1000).toFixed(1)} s, generation ${((done - migrated) / 1000).toFixed(1)} s.`,
    );
    console.log('\nLog in (npm start with the same DATABASE_URL or PGLITE_DIR):');
    console.log(`  owner       ${result.owner.email}  /  ${values.password}`);
    console.log(`  supervisor  ${result.supervisor.email}  /  ${values.password}`);
    return 0;
  } catch (error) {
    if (error instanceof PracticeExistsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
