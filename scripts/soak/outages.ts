/**
 * The database outages of a soak run: a restart, and a stop of some seconds. Each is run
 * with a shell command (by default pg_ctlcluster on the soak's own cluster), and the moment
 * the server answers again is found by asking it every 100 ms.
 */
import { spawn } from 'node:child_process';

import { withClient } from './database';

export interface Outage {
  kind: 'restart' | 'stop';
  /** Script clock (performance.now()) when the command started. */
  start: number;
  /** When the server answered a query again. */
  back: number;
  /** For a stop: the server really did not answer while stopped (the command controls it). */
  confirmedDown: boolean | null;
}

function run(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`"${command}" exited with ${code}`)),
    );
  });
}

async function answers(serverUrl: string): Promise<boolean> {
  return withClient(serverUrl, async (sql) => {
    await sql`select 1`;
  }).then(
    () => true,
    () => false,
  );
}

async function waitUntilBack(serverUrl: string): Promise<number> {
  for (;;) {
    if (await answers(serverUrl)) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function restartDatabase(serverUrl: string, command: string): Promise<Outage> {
  const start = performance.now();
  await run(command);
  return { kind: 'restart', start, back: await waitUntilBack(serverUrl), confirmedDown: null };
}

export async function stopDatabase(
  serverUrl: string,
  commands: { stop: string; start: string },
  seconds: number,
): Promise<Outage> {
  const start = performance.now();
  await run(commands.stop);
  const confirmedDown = !(await answers(serverUrl));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await run(commands.start);
  return { kind: 'stop', start, back: await waitUntilBack(serverUrl), confirmedDown };
}
