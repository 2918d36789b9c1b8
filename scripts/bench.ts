/**
 * `npm run bench`: the key pages of issue 10 on the generated practice (PostgreSQL),
 * measured beside a bare node:http + postgres.js baseline that sends the same SQL.
 *
 *   npm run bench                          reuse the bench databases, build, measure
 *   npm run bench -- --fresh               drop and regenerate the bench databases first
 *   npm run bench -- --no-build --seconds 5
 *
 * Options: --server-url (default postgres://postgres@127.0.0.1:5432/postgres), --seconds
 * per run (default 10), --port (app; the baseline takes the next one), --database-prefix
 * (default ohjaamo_bench: the databases are <prefix> and <prefix>_small, so that a second
 * bench beside the first needs its own prefix rather than regenerating the first's).
 * Prints one table and writes it with the details to bench-results/latest.json.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';

import postgres from 'postgres';

import { ownerEmail } from '#db/generate/plan-people';

import { BENCH_PASSWORD, type BenchDatabase, ensureBenchDatabase } from './bench/databases';
import { type LoadResult, runLoad } from './bench/load';
import { logInRoles } from './bench/login';
import { type Page, planPages } from './bench/pages';
import { cpuMillisecondsOfTree } from './bench/proc-stat';
import { recordPages, type Statement } from './bench/record';
import { columns, formatTable, type PageResult, tableRow } from './bench/table';

const { values: args } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3950' },
    'server-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'database-prefix': { type: 'string', default: 'ohjaamo_bench' },
    // The app's HTTP worker processes (WEB_CONCURRENCY); unset, the app's default: one per core.
    workers: { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const appPort = Number(args.port);
const baselinePort = appPort + 1;
const serverUrl = args['server-url'];
const databasePrefix = args['database-prefix'];
const resultsDir = 'bench-results';
// What a browser sends: the app compresses its pages for it.
const browserHeaders = { 'Accept-Encoding': 'gzip, deflate, br' };

function startChild(script: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * Waits for the app's "running" line, printed once every HTTP worker listens, and returns
 * how many workers it has. The rest of its output (the request log) is thrown away.
 */
function appReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      const line = /Ohjaamo is running at [^\n]*/.exec(seen)?.[0];
      if (!line) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(Number(/, (\d+) HTTP workers/.exec(line)?.[1] ?? 1));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it ran`)));
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    const answered = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Measured {
  latency: LoadResult;
  throughput: LoadResult;
  cpuMsPerRequest: number;
}

/** p50/p95 at 4 connections, then requests/s and the server's CPU at 32. */
async function measure(url: string, pid: number, headers: Record<string, string>) {
  await runLoad({ url, connections: 4, seconds: Math.min(3, seconds), headers });
  const latency = await runLoad({ url, connections: 4, seconds, headers });
  const throughput = await runLoad({
    url,
    connections: 32,
    seconds,
    headers,
    probe: () => cpuMillisecondsOfTree(pid),
  });
  const cpuMsPerRequest = throughput.probed
    ? throughput.probed.delta / throughput.probed.responses
    : NaN;
  // The requests in flight when the load tool stopped finish before the next run starts.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return { latency, throughput, cpuMsPerRequest } satisfies Measured;
}

function mergeFailures(...results: LoadResult[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const result of results) {
    for (const [code, count] of Object.entries(result.failures)) {
      merged[code] = (merged[code] ?? 0) + count;
    }
  }
  return merged;
}

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return row?.server_version ?? 'unknown';
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  const small = await ensureBenchDatabase({
    serverUrl,
    name: `${databasePrefix}_small`,
    scale: 0.02,
    fresh: args.fresh,
  });
  const full = await ensureBenchDatabase({
    serverUrl,
    name: databasePrefix,
    scale: 1,
    fresh: args.fresh,
  });

  if (!args['no-build']) {
    console.log('Building (npm run build)…');
    // The build's warnings would bury the results; they are shown only when it fails.
    const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      throw new Error('npm run build failed');
    }
  }

  console.log('Recording the SQL of each page (small and full practice)…');
  const smallPlan = await planPages(small.url);
  const fullPlan = await planPages(full.url);
  const smallStatements = await recordPages(small, smallPlan, ownerEmail);
  const fullStatements = await recordPages(full, fullPlan, ownerEmail);
  mkdirSync(resultsDir, { recursive: true });
  const statementsFile = `${resultsDir}/statements.json`;
  writeFileSync(statementsFile, JSON.stringify(Object.fromEntries(fullStatements), null, 1));
  writeFileSync(
    `${resultsDir}/statements-small.json`,
    JSON.stringify(Object.fromEntries(smallStatements), null, 1),
  );

  const app = startChild(['server.ts'], {
    NODE_ENV: 'production',
    PORT: String(appPort),
    HOST: '127.0.0.1',
    DATABASE_URL: full.url,
    NOTES_ENCRYPTION_KEY: full.notesKey,
    APP_ORIGIN: `http://127.0.0.1:${appPort}`,
    SEED_DEMO: 'false',
    COOKIE_SECURE: 'false',
    SMTP_URL: '',
    ...(args.workers ? { WEB_CONCURRENCY: args.workers } : {}),
  });
  const baseline = startChild(['scripts/bench/baseline-server.ts', statementsFile], {
    PORT: String(baselinePort),
    DATABASE_URL: full.url,
  });
  try {
    const appOrigin = `http://127.0.0.1:${appPort}`;
    const baselineOrigin = `http://127.0.0.1:${baselinePort}`;
    const appWorkers = await appReady(app);
    await waitUntilAnswering(`${appOrigin}/healthz`, app);
    await waitUntilAnswering(`${baselineOrigin}/`, baseline);
    if (app.pid === undefined || baseline.pid === undefined) throw new Error('no child pid');
    const cookies = await logInRoles(
      appOrigin,
      {
        owner: ownerEmail,
        supervisor: fullPlan.supervisorEmail,
        supervisee: fullPlan.superviseeEmail,
      },
      BENCH_PASSWORD,
    );

    const results: PageResult[] = [];
    for (const page of fullPlan.pages) {
      console.log(`Measuring ${page.label} (${page.path})…`);
      const measuredApp = await measure(`${appOrigin}${page.path}`, app.pid, {
        ...browserHeaders,
        Cookie: cookies[page.as],
      });
      const measuredBaseline = await measure(`${baselineOrigin}/${page.key}`, baseline.pid, {});
      results.push(toResult(page, measuredApp, measuredBaseline, smallStatements, fullStatements));
    }
    report(results, fullPlan.skipped, {
      full,
      small,
      postgresVersion: await serverVersion(full.url),
      appWorkers,
    });
  } finally {
    await Promise.all([stopChild(app), stopChild(baseline)]);
  }
}

function toResult(
  page: Page,
  app: Measured,
  baseline: Measured,
  smallStatements: Map<string, Statement[]>,
  fullStatements: Map<string, Statement[]>,
): PageResult {
  const side = (measured: Measured) => ({
    p50: measured.latency.p50,
    p95: measured.latency.p95,
    rps: measured.throughput.requestsPerSecond,
    cpuMsPerRequest: measured.cpuMsPerRequest,
  });
  return {
    label: page.label,
    path: page.path,
    app: side(app),
    baseline: side(baseline),
    queries: {
      small: smallStatements.get(page.key)?.length ?? null,
      full: fullStatements.get(page.key)?.length ?? 0,
    },
    failures: {
      app: mergeFailures(app.latency, app.throughput),
      baseline: mergeFailures(baseline.latency, baseline.throughput),
    },
  };
}

function report(
  results: PageResult[],
  skipped: { label: string; reason: string }[],
  context: {
    full: BenchDatabase;
    small: BenchDatabase;
    postgresVersion: string;
    appWorkers: number;
  },
): void {
  const table = formatTable(columns, results.map(tableRow));
  console.log(`\n${table}`);
  for (const page of skipped) console.log(`${page.label}: skipped: ${page.reason}`);
  let allOk = true;
  for (const result of results) {
    for (const side of ['app', 'baseline'] as const) {
      const failures = Object.entries(result.failures[side]);
      if (failures.length === 0) continue;
      allOk = false;
      const list = failures.map(([code, count]) => `${count}× ${code}`).join(', ');
      console.log(`${result.label} (${side}): responses other than 200: ${list}`);
    }
  }
  if (allOk) console.log('Every response was 200.');

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: context.postgresVersion,
    loadAverage: os.loadavg(),
    appWorkers: context.appWorkers,
  };
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
      `app: ${machine.appWorkers} HTTP worker process(es), baseline: 1 process; ` +
      `${seconds} s per run; ratios are app ÷ baseline; app CPU counts all its processes.`,
  );
  writeFileSync(
    `${resultsDir}/latest.json`,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine,
        secondsPerRun: seconds,
        databases: { full: context.full.name, small: context.small.name },
        columns,
        table: results.map(tableRow),
        pages: results,
        skipped,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Written to ${resultsDir}/latest.json.`);
}

await main();
