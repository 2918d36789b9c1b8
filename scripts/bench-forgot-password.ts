/**
 * Does the forgot-password form tell, by its timing, whether an address has an account?
 * Sends reset requests for known and unknown addresses, paired and interleaved so that a
 * slow moment of the machine hits both alike, and prints the medians and their gap.
 *
 *   node --import tsx scripts/bench-forgot-password.ts [pairs]
 *
 * Runs on an in-memory PGlite, or on DATABASE_URL (a database it may write test rows to).
 */
import { randomBytes } from 'node:crypto';

import { openDatabase } from '#db/client';
import { requestPasswordReset } from '~/auth/password-reset.server';
import { signUp } from '~/auth/sign-up.server';
import { generateKeyString, parseKeyring } from '~/security/sealing.server';

const pairs = Number(process.argv[2] ?? 200);
const mail = { appOrigin: 'http://localhost', keyring: parseKeyring(generateKeyString('bench')) };
const address = (kind: string) => `${kind}.${randomBytes(5).toString('hex')}@bench.invalid`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: 'memory://',
});
await database.migrate();
const db = database.db;

const known: string[] = [];
for (let i = 0; i < pairs; i++) {
  const email = address('known');
  await signUp(
    { db, keyring: mail.keyring, now: new Date() },
    {
      practiceName: 'Bench Oy',
      name: 'Bench',
      email,
      password: randomBytes(12).toString('hex'),
      mail,
    },
  );
  known.push(email);
}

let request = 0;
async function timed(email: string): Promise<number> {
  request += 1;
  // Each request from its own address, so the per-IP limit never answers instead.
  const ip = `10.${(request >> 16) & 255}.${(request >> 8) & 255}.${request & 255}`;
  const started = performance.now();
  await requestPasswordReset(
    { db, keyring: mail.keyring, now: new Date() },
    { email, locale: 'fi', ip, mail },
  );
  return performance.now() - started;
}

const knownMs: number[] = [];
const unknownMs: number[] = [];
for (const email of known) {
  knownMs.push(await timed(email));
  unknownMs.push(await timed(address('nobody')));
}
await database.close();

const gap = median(knownMs) - median(unknownMs);
console.log(
  `database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (memory)'}, ${pairs} pairs`,
);
console.log(`known address:   median ${median(knownMs).toFixed(2)} ms`);
console.log(`unknown address: median ${median(unknownMs).toFixed(2)} ms`);
console.log(`gap (known − unknown): ${gap.toFixed(2)} ms`);
