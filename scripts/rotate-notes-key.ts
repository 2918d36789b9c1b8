/**
 * Seals every sealed text again under the first key of NOTES_ENCRYPTION_KEY, and tells when
 * an old key may be removed (docs/decisions/006-note-encryption.md).
 *
 *   npm run key:rotate                        re-seal under the active key; resumable
 *   npm run key:rotate -- --retire <keyId>    exit 1 while anything is sealed under keyId
 *   npm run key:rotate -- --batch-size 500    rows per transaction (default 200)
 *
 * Uses the server's configuration (DATABASE_URL or PGLITE_DIR, NOTES_ENCRYPTION_KEY). An
 * embedded PGlite database must not be open in a running server meanwhile. Never prints
 * text or keys.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { openDatabase } from '#db/client';
import { loadConfig } from '~/config.server';
import {
  assertKeyRetirable,
  countSealedUnder,
  rotateSealedText,
} from '~/security/key-rotation.server';
import { loadKeyring } from '~/security/sealing.server';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { retire: { type: 'string' }, 'batch-size': { type: 'string' } },
  });
  const batchSize = Number(values['batch-size'] ?? 200);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error('--batch-size must be a positive whole number');
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const keyring = loadKeyring({ production: config.mode === 'production' });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
  try {
    if (values.retire !== undefined) {
      await assertKeyRetirable(database.db, keyring, values.retire);
      console.log(
        `Nothing is sealed under "${values.retire}": it can be removed from the keyring.`,
      );
      return 0;
    }
    console.log(`Re-sealing under the active key "${keyring.activeKeyId}"…`);
    const report = await rotateSealedText(database.db, keyring, {
      batchSize,
      afterBatch: ({ column, resealed }) => console.log(`  ${column}: ${resealed} re-sealed`),
    });
    console.log(`Done: ${report.resealed} values re-sealed.`);
    for (const keyId of keyring.keys.keys()) {
      if (keyId === keyring.activeKeyId) continue;
      const left = (await countSealedUnder(database.db, keyId)).reduce((n, c) => n + c.count, 0);
      console.log(
        left === 0 ? `Key "${keyId}" is no longer used.` : `Key "${keyId}" still seals ${left}.`,
      );
    }
    for (const failure of report.failures) {
      console.error(`Could not open ${failure.column} of row ${failure.key}: ${failure.reason}`);
    }
    return report.failures.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : 'Key rotation failed');
    process.exit(1);
  },
);
