/**
 * Measures what a new user waits for: `npm start` on an empty embedded database until the
 * health check answers and the first page renders, then a restart on the same data.
 *
 *   node --import tsx scripts/bench-startup.ts [runs]
 *
 * Prints one line per run and the medians. The target (issue 2) is under 15 s for a first
 * start after `npm install`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const port = 3900;
const origin = `http://localhost:${port}`;

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startOnce(dataDir: string): Promise<{ healthy: number; firstPage: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      PGLITE_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
    },
    stdio: 'ignore',
  });
  try {
    await waitFor(`${origin}/healthz`, child);
    const healthy = performance.now() - started;
    await waitFor(`${origin}/login`, child);
    const firstPage = performance.now() - started;
    return { healthy, firstPage };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const first: number[] = [];
const firstPage: number[] = [];
const restart: number[] = [];
for (let run = 1; run <= runs; run++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-bench-'));
  try {
    const cold = await startOnce(dataDir);
    const warm = await startOnce(dataDir);
    first.push(cold.healthy);
    firstPage.push(cold.firstPage);
    restart.push(warm.healthy);
    console.log(
      `run ${run}: empty database healthy ${seconds(cold.healthy)}, first page ${seconds(cold.firstPage)}; restart healthy ${seconds(warm.healthy)}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(
  `median of ${runs}: empty database healthy ${seconds(median(first))}, first page ${seconds(median(firstPage))}, restart healthy ${seconds(median(restart))}`,
);
