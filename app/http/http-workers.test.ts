/**
 * On PostgreSQL the server answers HTTP from several worker processes (server.ts,
 * WEB_CONCURRENCY). Starts the real server from the production build with two workers and
 * checks that both serve the same sessions, that a worker killed outright is replaced while
 * the other keeps answering, and that SIGTERM stops the whole group within the deadline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { createServerDatabaseUrl } from '#db/testing/test-database';

import { childPidsOf } from '../../scripts/bench/proc-stat';

const root = path.resolve(__dirname, '../..');
const port = 3900 + Math.floor(Math.random() * 500);
const origin = `http://127.0.0.1:${port}`;
const onPostgres = inject('testDatabase').kind === 'postgres';
// The workers serve build/ (npm install builds it); PGlite runs in one process.
const runs = onPostgres && existsSync(path.join(root, 'build/server/index.js'));

const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
);

/** The server's worker processes (tsx runs a compiler process beside them). */
function childPids(pid: number): number[] {
  return childPidsOf(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('server.ts');
    } catch {
      return false;
    }
  });
}

/** A GET on a connection of its own: the primary hands each connection to the next worker. */
function getOnNewConnection(pathname: string, cookie: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const agent = new Agent({ keepAlive: false });
    const req = request(
      `${origin}${pathname}`,
      { agent, headers: { Cookie: cookie, Accept: 'text/html' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    // Never wait on a connection forever: a failed test says what happened instead.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${pathname} in 10 s`)));
    req.end();
  });
}

let output = '';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; the server said:\n${output}`);
}

describe('HTTP workers on PostgreSQL', () => {
  it.runIf(runs)(
    'serve one session from both workers, replace a killed worker, and stop together',
    async () => {
      const database = await createServerDatabaseUrl('ohjaamo_workers');
      let server: ChildProcess | undefined;
      try {
        output = '';
        server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
          cwd: root,
          env: {
            ...childEnv,
            NODE_ENV: 'development',
            PORT: String(port),
            HOST: '127.0.0.1',
            DATABASE_URL: database.url,
            SMTP_URL: '',
            SEED_DEMO: '1',
            COOKIE_SECURE: 'false',
            WEB_CONCURRENCY: '2',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const primary = server;
        primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        primary.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        await waitFor('the running line', () =>
          output.includes('2 HTTP workers') ? true : undefined,
        );
        const workers = childPids(primary.pid as number);
        expect(workers).toHaveLength(2);

        const login = await fetch(`${origin}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            email: 'omistaja@demo.ohjaamo.fi',
            password: 'demo-omistaja-2026',
          }),
        });
        expect(login.status).toBe(302);
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

        // Six connections, dealt out in turn: each worker serves the signed-in page.
        for (let i = 0; i < 6; i += 1) {
          const page = await getOnNewConnection('/clients', cookie);
          expect(page.status).toBe(200);
          expect(page.body).toContain('Kivelä');
        }

        // One worker dies outright. Once the primary has seen it go, the other answers every
        // connection while a new worker takes the dead one's place.
        process.kill(workers[0] as number, 'SIGKILL');
        await waitFor('the primary to notice', () =>
          /HTTP worker \d+ stopped \(SIGKILL\)/.test(output) ? true : undefined,
        );
        expect((await getOnNewConnection('/clients', cookie)).status).toBe(200);
        const replaced = await waitFor('a replacement worker', () => {
          const now = childPids(primary.pid as number);
          return now.length === 2 && !now.includes(workers[0] as number) ? now : undefined;
        });
        expect(replaced).toContain(workers[1]);
        await waitFor('the new worker answering', async () => {
          const statuses = await Promise.all(
            [1, 2, 3, 4].map(() => getOnNewConnection('/clients', cookie).then((r) => r.status)),
          );
          return statuses.every((status) => status === 200) ? true : undefined;
        });

        // Exit code 0: the primary and its workers closed before their own 5-second deadline
        // (past it they exit with 1). No wall clock here: a loaded machine would fail it.
        const code = await new Promise<number | null>((resolve) => {
          primary.once('exit', resolve);
          primary.kill('SIGTERM');
        });
        expect(code).toBe(0);
        for (const pid of replaced) expect(existsSync(`/proc/${pid}/stat`)).toBe(false);
      } finally {
        // A test that failed half-way leaves nothing running to hold the database.
        if (server?.pid !== undefined && server.exitCode === null) {
          for (const pid of childPids(server.pid)) process.kill(pid, 'SIGKILL');
          server.kill('SIGKILL');
        }
        await database.drop();
      }
    },
    // Longer than the waits inside can add up to, so that `finally` always stops the server.
    240_000,
  );
});
