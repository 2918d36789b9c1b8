/**
 * Ohjaamo's HTTP server: opens the database (PGlite or PostgreSQL), applies migrations,
 * seeds the demo practice on an empty development database, starts the outbox worker and the
 * session reminder sweep, and serves the app: from ./build (`npm start`, which runs this file
 * compiled to build/server.js) or through Vite with hot reload (`npm run dev`, the `--dev` flag).
 * NODE_ENV decides how strict it is, not how it serves: see app/config.server.ts.
 * SIGTERM / SIGINT close everything and exit within 5 seconds.
 *
 * On PostgreSQL the pages are served by several worker processes, one per core by default
 * (WEB_CONCURRENCY; docs/decisions/023): this process migrates, seeds and runs the background
 * loops, and the workers only answer HTTP on the shared port. On PGlite, whose database lives
 * inside this process, and under Vite, one process does everything.
 */
import cluster, { type Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

import { openDatabase } from '#db/client';
import { demoAccounts, seedDemoPractice } from '#db/seed';
import { pruneAuthRecords } from '~/auth/maintenance.server';
import { type Config, loadConfig } from '~/config.server';
import { smtpTransport } from '~/email/smtp.server';
import { type BackgroundLoop, deliverDueMail, startLoop } from '~/email/worker.server';
import { createHttpApp } from '~/http/express-app.server';
import { logServerError } from '~/http/log-error.server';
import { loadKeyring, type NoteKeyring } from '~/security/sealing.server';
import { queueDueReminders } from '~/session-mail/reminders.server';

const SHUTDOWN_DEADLINE_MS = 5_000;
/** More worker crashes than this within a minute stop the server instead of a restart loop. */
const MAX_RESTARTS_PER_MINUTE = 5;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // Refuses to start in production without NOTES_ENCRYPTION_KEY; development keeps a key in .data/.
  const keyring = loadKeyring({ production: config.mode === 'production' });
  const useVite = process.argv.includes('--dev');
  if (useVite && config.mode === 'production') {
    throw new Error('The Vite development server (--dev) does not run with NODE_ENV=production.');
  }
  if (cluster.isWorker) {
    await serveAsWorker(config, keyring);
    return;
  }
  const workerCount = httpWorkerCount(config, useVite);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.pgliteDir,
    // Made by `npm run build`: a new embedded database starts from it, already migrated.
    pgliteTemplate: 'build/pglite-migrated.tar.gz',
  });
  await database.migrate();
  const where = database.kind === 'pglite' ? `PGlite in ${config.pgliteDir}` : 'PostgreSQL';
  console.log(`Database: ${where}, migrations applied.`);

  if (config.seedDemo && (await seedDemoPractice(database.db, keyring))) {
    console.log('\nDemo practice created. Log in with:');
    for (const account of Object.values(demoAccounts)) {
      console.log(`  ${account.email}  /  ${account.password}`);
    }
    console.log('');
  }

  const loops: BackgroundLoop[] = [];
  const onLoopError = (error: unknown) => logServerError('background task failed', error);
  if (config.smtpUrl) {
    const transport = smtpTransport(config.smtpUrl, config.mailFrom);
    loops.push(
      startLoop(() => deliverDueMail(database.db, transport, { keyring }), 2_000, onLoopError),
    );
  } else if (config.devMailPage) {
    console.log('No SMTP_URL: outgoing mail stays in the outbox, readable at /dev/mail.');
  }
  loops.push(startLoop(() => pruneAuthRecords(database.db), 60 * 60 * 1000, onLoopError));
  // Reminders are queued whether or not mail is delivered from here (without SMTP_URL they
  // wait in the outbox like all mail); every process may sweep, the claim table decides.
  loops.push(
    startLoop(() => queueDueReminders(database.db, { now: new Date() }), 60_000, onLoopError),
  );

  const how = useVite ? 'Vite development server' : `production build, ${config.mode} settings`;
  const running = (workers: string) =>
    console.log(`Ohjaamo is running at http://localhost:${config.port} — ${how}${workers}`);
  let stopHttp: () => Promise<void>;
  if (workerCount === 1) {
    const http = await createHttpApp({ config, database, keyring, useVite });
    http.server.listen(config.port, config.host, () => running(''));
    stopHttp = () => closeHttp(http);
  } else {
    stopHttp = superviseWorkers(
      workerCount,
      () => running(`, ${workerCount} HTTP workers`),
      () => shutdown('worker crashes', 1),
    );
  }

  let shuttingDown = false;
  function shutdown(reason: string, exitCode = 0) {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${reason}: shutting down.`);
    setTimeout(() => {
      console.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void (async () => {
      // Requests in flight finish before the database they use is closed.
      await Promise.all([stopHttp(), ...loops.map((loop) => loop.stop())]);
      await database.close();
      process.exit(exitCode);
    })();
  }
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  process.on('SIGINT', () => shutdown('SIGINT received'));
}

/**
 * HTTP worker processes: WEB_CONCURRENCY, or one per core (at most 8) on PostgreSQL. Each
 * keeps its own pool of DATABASE_POOL_SIZE connections. PGlite allows one process, and Vite
 * reloads one.
 */
function httpWorkerCount(config: Config, useVite: boolean): number {
  if (useVite || config.databaseUrl === undefined) {
    if ((config.webConcurrency ?? 1) > 1) {
      console.log('WEB_CONCURRENCY is ignored: PGlite and the Vite server run in one process.');
    }
    return 1;
  }
  return config.webConcurrency ?? Math.min(availableParallelism(), 8);
}

/**
 * Starts the HTTP workers and replaces one that dies. Node's cluster module shares the
 * listening port: this process accepts connections and hands them out in turn. Returns how
 * to stop them all.
 */
function superviseWorkers(
  count: number,
  onAllListening: () => void,
  onTooManyCrashes: () => void,
): () => Promise<void> {
  let stopping = false;
  let listening = 0;
  const crashes: number[] = [];
  cluster.on('listening', () => {
    listening += 1;
    if (listening === count) onAllListening();
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    crashes.push(now);
    while ((crashes[0] ?? now) < now - 60_000) crashes.shift();
    console.error(`HTTP worker ${worker.id} stopped (${signal ?? `exit code ${code}`}).`);
    if (crashes.length > MAX_RESTARTS_PER_MINUTE) onTooManyCrashes();
    else cluster.fork();
  });
  for (let i = 0; i < count; i += 1) cluster.fork();
  return async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };
}

/** A worker: answers HTTP on the shared port; the primary does everything else. */
async function serveAsWorker(config: Config, keyring: NoteKeyring): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir });
  const http = await createHttpApp({ config, database, keyring, useVite: false });
  http.server.listen(config.port, config.host);
  let shuttingDown = false;
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    void (async () => {
      await closeHttp(http);
      await database.close();
      process.exit(0);
    })();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The primary is gone (killed outright): nobody would stop this worker.
  process.on('disconnect', shutdown);
}

/**
 * Stops accepting connections and lets requests in flight finish, for at most half the
 * shutdown deadline.
 */
async function closeHttp(http: Awaited<ReturnType<typeof createHttpApp>>): Promise<void> {
  const { server } = http;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS / 2).unref();
  await closed;
  await http.close();
}

main().catch((error: unknown) => {
  console.error('Ohjaamo failed to start:', error);
  process.exit(1);
});
