/**
 * Ohjaamo's HTTP server: opens the database (PGlite or PostgreSQL), applies migrations,
 * seeds the demo practice on an empty development database, starts the outbox worker and the
 * session reminder sweep, and serves the app: from ./build (`npm start`, which runs this file
 * compiled to build/server.js) or through Vite with hot reload (`npm run dev`, the `--dev` flag).
 * NODE_ENV decides how strict it is, not how it serves: see app/config.server.ts.
 * SIGTERM / SIGINT close everything and exit within 5 seconds.
 */
import { existsSync } from 'node:fs';

import { openDatabase } from '#db/client';
import { demoAccounts, seedDemoPractice } from '#db/seed';
import { pruneAuthRecords } from '~/auth/maintenance.server';
import { loadConfig } from '~/config.server';
import { smtpTransport } from '~/email/smtp.server';
import { type BackgroundLoop, deliverDueMail, startLoop } from '~/email/worker.server';
import { createHttpApp } from '~/http/express-app.server';
import { logServerError } from '~/http/log-error.server';
import { loadKeyring } from '~/security/sealing.server';
import { queueDueReminders } from '~/session-mail/reminders.server';

const SHUTDOWN_DEADLINE_MS = 5_000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // Refuses to start in production without NOTES_ENCRYPTION_KEY; development keeps a key in .data/.
  const keyring = loadKeyring({ production: config.mode === 'production' });
  const useVite = process.argv.includes('--dev');
  if (useVite && config.mode === 'production') {
    throw new Error('The Vite development server (--dev) does not run with NODE_ENV=production.');
  }
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

  const http = await createHttpApp({ config, database, keyring, useVite });
  const { server } = http;
  server.listen(config.port, config.host, () => {
    const how = useVite ? 'Vite development server' : `production build, ${config.mode} settings`;
    console.log(`Ohjaamo is running at http://localhost:${config.port} — ${how}`);
  });

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received, shutting down.`);
    setTimeout(() => {
      console.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop accepting connections and let requests in flight finish (for at most half the
    // deadline) before the database they use is closed.
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_DEADLINE_MS / 2).unref();
    void (async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
      await serverClosed;
      await http.close();
      await database.close();
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Ohjaamo failed to start:', error);
  process.exit(1);
});
