/**
 * Builds the app (`npm run build`) when build/ is missing or older than the sources
 * (build/.stamp, see build-stamp.mjs). Run by `npm install` (`prepare`), so that a fresh
 * clone starts at once, by `npm start` before it serves the build, and by `npm run test:e2e`.
 *
 *   node scripts/build-if-stale.mjs
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { buildIsCurrent } from './build-stamp.mjs';

export const serverEntry = path.resolve('build/server.js');

/** The build tools are devDependencies: absent after `npm install --omit=dev`. */
function canBuild() {
  try {
    createRequire(path.resolve('package.json')).resolve('@remix-run/dev/package.json');
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns when build/ can be served. Without the build tools an existing build is used as
 * it is (with a warning), and `required: false` lets a missing one pass (npm install).
 */
export function buildIfStale({ required }) {
  if (buildIsCurrent()) return;
  if (!canBuild()) {
    if (existsSync(serverEntry)) {
      console.warn('The build may be older than the sources; the build tools are not installed.');
    } else if (required) {
      console.error(
        'No build in ./build and no build tools: run `npm install` and `npm run build`.',
      );
      process.exit(1);
    } else {
      console.log('No build tools installed (devDependencies omitted): not building.');
    }
    return;
  }
  console.log('Building the app: the sources changed since the last build (or there is none).');
  // Through npm when npm started us, so that the same npm runs `npm run build`.
  const npm = process.env.npm_execpath;
  const [command, args] = npm
    ? [process.execPath, [npm, 'run', '-s', 'build']]
    : ['npm', ['run', '-s', 'build']];
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  buildIfStale({ required: false });
