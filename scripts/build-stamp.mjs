/**
 * What the production build was made from: a hash of every source file that goes into it
 * (app code, database code and migrations, static files, the server entry, the build
 * configuration and its plugins, and the lockfile). `npm run build` writes it to build/.stamp; `npm start`
 * and `npm install` compare it to rebuild only when something changed.
 *
 * Plain JavaScript, so that it runs before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const stampFile = 'build/.stamp';

const SOURCES = [
  'app',
  'db',
  'drizzle',
  'public',
  'server.ts',
  'vite.config.ts',
  'scripts/vite',
  'scripts/build-server.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
// Tests never reach the build; a changed test must not cost a rebuild.
const IGNORED = /(\.test\.tsx?|\.test-d\.ts)$/;

/** @param {string} entry @returns {string[]} */
function files(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

/** A hash of the build's sources, run from the project root. */
export function sourceStamp(root = process.cwd()) {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of files(path.join(root, source))) {
      if (IGNORED.test(file)) continue;
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** True when build/ holds a complete build of the current sources. */
export function buildIsCurrent(root = process.cwd()) {
  const stamp = path.join(root, stampFile);
  if (!existsSync(stamp) || !existsSync(path.join(root, 'build/server.js'))) return false;
  return readFileSync(stamp, 'utf8').trim() === sourceStamp(root);
}
