/**
 * Starts the real server (server.ts) as a child process on a fresh PGlite folder, as a new
 * user's `npm start` would, and checks start-up, seeding, log-in, graceful shutdown and
 * that a restart keeps the data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import { createServerDatabaseUrl } from '#db/testing/test-database';

const root = path.resolve(__dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-lifecycle-'));
const port = 3200 + Math.floor(Math.random() * 700);
const origin = `http://localhost:${port}`;

interface Running {
  child: ChildProcess;
  output: () => string;
}

// The child is a fresh server, not part of the test run: without VITEST* variables (the
// Vite config leaves the Remix plugin out under Vitest).
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
);

// `npm start` serves build/ (made by `npm install`); server.ts runs from the sources here.
// Without a build (`npm install --ignore-scripts`) it runs through Vite, as `npm run dev`.
const serveBuild = existsSync(path.join(root, 'build/server/index.js'));

async function startServer(databaseUrl = ''): Promise<Running> {
  const args = ['--import', 'tsx', 'server.ts', ...(serveBuild ? [] : ['--dev'])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...childEnv,
      NODE_ENV: 'development',
      PORT: String(port),
      PGLITE_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SMTP_URL: '',
      SEED_DEMO: '1',
      COOKIE_SECURE: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const healthy = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy:\n${output}`);
}

/**
 * Sends the signal and resolves with the exit code. The server keeps its own 5-second
 * deadline and exits with 1 when closing takes longer, so exit code 0 means it closed in
 * time by its own clock; a wall clock here would also count how long a loaded machine takes
 * to schedule the child, and fail for that.
 */
async function stopServer(running: Running, signal: NodeJS.Signals) {
  return new Promise<number | null>((resolve) => {
    running.child.once('exit', (exitCode) => resolve(exitCode));
    running.child.kill(signal);
  });
}

function post(pathname: string, form: Record<string, string>) {
  return fetch(`${origin}${pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const onPostgres = inject('testDatabase').kind === 'postgres';

describe('the server process', () => {
  it('starts on an empty PGlite, seeds the demo, stops on SIGTERM and keeps the data', async () => {
    await startSignUpStopRestart('');
  }, 120_000);

  // The same with DATABASE_URL, when this run tests against a PostgreSQL server.
  it.runIf(onPostgres)(
    'does the same on an empty PostgreSQL database',
    async () => {
      const database = await createServerDatabaseUrl('ohjaamo_lifecycle');
      try {
        await startSignUpStopRestart(database.url);
      } finally {
        await database.drop();
      }
    },
    120_000,
  );
});

async function startSignUpStopRestart(databaseUrl: string) {
  const email = `pekka.${Date.now()}@pysyva.test`;
  const first = await startServer(databaseUrl);
  try {
    expect(first.output()).toContain('omistaja@demo.ohjaamo.fi');
    const demoLogin = await post('/login', {
      email: 'omistaja@demo.ohjaamo.fi',
      password: 'demo-omistaja-2026',
    });
    expect(demoLogin.status).toBe(302);
    expect(demoLogin.headers.get('set-cookie')).toMatch(
      /^ohjaamo_session=.+HttpOnly; SameSite=Lax/,
    );

    const signUp = await post('/signup', {
      practiceName: 'Pysyvä Oy',
      name: 'Pekka Pysyvä',
      email,
      password: 'pysyvä-salasana-2026',
    });
    expect(signUp.status).toBe(302);
    // Nothing personal reaches the request log.
    expect(first.output()).not.toContain(email);
  } finally {
    expect(await stopServer(first, 'SIGTERM')).toBe(0);
    expect(first.output()).not.toContain('Shutdown took too long');
  }

  const second = await startServer(databaseUrl);
  try {
    expect(second.output()).not.toContain('Demo practice created');
    const login = await post('/login', { email, password: 'pysyvä-salasana-2026' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/today');
  } finally {
    expect(await stopServer(second, 'SIGINT')).toBe(0);
    expect(second.output()).not.toContain('Shutdown took too long');
  }
}
