/**
 * Measures what a new user waits for: `npm start` (scripts/start.mjs, the production build)
 * on an empty embedded database until the health check answers and the first page renders,
 * then a restart on the same data. The build must be current (`npm install` or
 * `npm run build` makes it); the script refuses to measure a build in progress.
 *
 *   npm run bench:startup [-- runs]
 *
 * Prints one line per run and the medians: wall-clock seconds, and the CPU seconds the
 * server process spent until it was healthy (steadier than wall time on a busy machine).
 * The targets (issue 10): first start ≤ 8 s, restart ≤ 2 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildIsCurrent } from './build-stamp.mjs';

const runs = Number(process.argv[2] ?? 3);
const port = 3900;
const origin = `http://localhost:${port}`;
const CLOCK_TICKS = 100; // USER_HZ on Linux

if (!buildIsCurrent()) {
  console.error('The build is missing or older than the sources: run `npm run build` first.');
  process.exit(1);
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** CPU seconds (user + system) a process has used so far; NaN where /proc is missing. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

type Start = { healthy: number; firstPage: number; cpu: number };

async function startOnce(dataDir: string): Promise<Start> {
  // NODE_ENV as the caller has it: unset, the development-friendly settings of a fresh clone.
  const env = {
    ...process.env,
    PORT: String(port),
    PGLITE_DIR: dataDir,
    DATABASE_URL: '',
    SMTP_URL: '',
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: env as NodeJS.ProcessEnv,
    stdio: 'ignore',
  });
  try {
    await waitFor(`${origin}/healthz`, child);
    const healthy = performance.now() - started;
    const cpu = cpuSeconds(child.pid);
    await waitFor(`${origin}/login`, child);
    const firstPage = performance.now() - started;
    return { healthy, firstPage, cpu };
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
const describe = (start: Start) =>
  `healthy ${seconds(start.healthy)} (CPU ${start.cpu.toFixed(2)} s), first page ${seconds(start.firstPage)}`;

const cold: Start[] = [];
const warm: Start[] = [];
for (let run = 1; run <= runs; run++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-bench-'));
  try {
    const first = await startOnce(dataDir);
    const again = await startOnce(dataDir);
    cold.push(first);
    warm.push(again);
    console.log(`run ${run}: empty database ${describe(first)}; restart ${describe(again)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const medianOf = (starts: Start[]): Start => ({
  healthy: median(starts.map((s) => s.healthy)),
  firstPage: median(starts.map((s) => s.firstPage)),
  cpu: median(starts.map((s) => s.cpu)),
});
console.log(`median of ${runs}:`);
console.log(`  empty database: ${describe(medianOf(cold))}`);
console.log(`  restart:        ${describe(medianOf(warm))}`);
