/** Two production app instances of ./build, started and stopped as child processes. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

export interface Instance {
  name: string;
  origin: string;
  child: ChildProcess;
}

export function startInstance(options: {
  name: string;
  port: number;
  databaseUrl: string;
  notesKey: string;
  smtpUrl: string;
  logFile: string;
}): Instance {
  const origin = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      NOTES_ENCRYPTION_KEY: options.notesKey,
      APP_ORIGIN: origin,
      SEED_DEMO: 'false',
      COOKIE_SECURE: 'false',
      SMTP_URL: options.smtpUrl,
      // The sender tells the SMTP sink which instance delivered a message.
      MAIL_FROM: `Ohjaamo <instance-${options.name}@soak.test>`,
      // One process per instance: its memory is what the soak watches, and two instances
      // already share the database as workers would (the HTTP workers: http-workers.test.ts).
      WEB_CONCURRENCY: '1',
    },
    // The request log (stdout) is left out; errors go to the instance's log file.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.pipe(log);
  return { name: options.name, origin, child };
}

export async function waitUntilAnswering(instance: Instance): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) {
      throw new Error(`instance ${instance.name} exited (${instance.child.exitCode})`);
    }
    const answered = await fetch(`${instance.origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`instance ${instance.name} did not answer within 90 s`);
}

export async function stopInstance(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident set size in MB, from /proc (Linux). */
export function rssMegabytes(instance: Instance): number {
  const pid = instance.child.pid;
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}
