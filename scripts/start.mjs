/**
 * `npm start`: serves the production build (build/server.js), building it first when it is
 * missing or older than the sources. `npm install` builds already, so a fresh clone starts
 * at once. `npm run dev` is the Vite development server instead.
 *
 * How strict the server is comes from NODE_ENV alone (app/config.server.ts): unset, it
 * seeds the demo practice, shows /dev/mail and keeps a development notes key in .data/;
 * NODE_ENV=production refuses to start without NOTES_ENCRYPTION_KEY and seeds nothing.
 */
import cluster from 'node:cluster';
import module from 'node:module';
import { pathToFileURL } from 'node:url';

import { buildIfStale, serverEntry } from './build-if-stale.mjs';

// An HTTP worker (server.ts) starts after the primary has checked the build.
if (cluster.isPrimary) buildIfStale({ required: true });
// NODE_ENV names the app's settings (app/config.server.ts reads them from OHJAAMO_ENV here);
// the libraries in the build always run as in production (React's production build).
process.env.OHJAAMO_ENV ??= process.env.NODE_ENV || 'development';
process.env.NODE_ENV = 'production';
// V8 keeps the compiled server code on disk (in the OS temp directory): a restart skips
// parsing the two server bundles again.
module.enableCompileCache?.();
await import(pathToFileURL(serverEntry).href);
