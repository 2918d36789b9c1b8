/**
 * `npm run bench:lighthouse`: Lighthouse's performance score (mobile preset, simulated
 * throttling: Lighthouse's defaults) of the key pages of issue 10, on the production build.
 *
 *   npm run bench:lighthouse                       the demo practice on a throwaway PGlite
 *   npm run bench:lighthouse -- --runs 1           one run per page instead of the median of 3
 *   npm run bench:lighthouse -- --database-url postgres://postgres@127.0.0.1:5432/ohjaamo_bench
 *
 * By default it starts the production server (scripts/start.mjs, built first when stale) on a
 * new PGlite folder with the demo practice seeded, and signs in with the demo logins. With
 * --database-url it uses `npm run bench`'s generated practice in that PostgreSQL database
 * (generated there first when missing, its notes key kept in .data/bench/). The pages and
 * the ids they show are chosen as `npm run bench` chooses them (scripts/bench/pages.ts); the
 * session cookie reaches Chromium as an extra header. Chromium is Debian's /usr/bin/chromium
 * (CHROME_PATH elsewhere). Prints a table (median run per page, by performance score) and
 * writes every run's figures to bench-results/lighthouse.json.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { PGlite } from '@electric-sql/pglite';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { ownerEmail } from '#db/generate/plan-people';
import { demoAccounts } from '#db/seed';
import { generateKeyString } from '~/security/sealing.server';

import { BENCH_PASSWORD, ensureBenchDatabase } from './bench/databases';
import { logIn } from './bench/login';
import { type Page, type PagePlan, planPages, planPagesWith, type Role } from './bench/pages';
import { formatTable } from './bench/table';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3970' },
    'database-url': { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs));
const port = Number(args.port);
const origin = `http://127.0.0.1:${port}`;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const resultsFile = 'bench-results/lighthouse.json';
/** The median run's whole Lighthouse report per page, for a look at what costs points. */
const reportsDir = 'bench-results/lighthouse';

interface Run {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  bytes: number;
  /** Lighthouse's own warnings (a slow machine, a redirect). */
  warnings: string[];
  /** The whole report (JSON), written to reportsDir for the median run only. */
  report: string;
}

interface Target {
  label: string;
  path: string;
  /** Null for the log-in page, seen signed out. */
  as: Role | null;
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_ORIGIN: origin,
      COOKIE_SECURE: 'false',
      SMTP_URL: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A PGlite folder as postgres.js's `sql` tag would query it (for planPagesWith). */
async function planPagesOnPglite(dataDir: string): Promise<PagePlan> {
  const pglite = await PGlite.create(dataDir);
  try {
    return await planPagesWith(async (strings, ...values) => {
      const text = strings.reduce((joined, part, index) => `${joined}$${index}${part}`);
      return (await pglite.query(text, values)).rows as never;
    });
  } finally {
    await pglite.close();
  }
}

interface Setup {
  server: ChildProcess;
  plan: PagePlan;
  passwords: (email: string) => string;
  owner: string;
  practice: string;
  cleanUp: () => void;
}

/** The demo practice on a new PGlite: seeded by a first start, read, then served again. */
async function demoSetup(): Promise<Setup> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohjaamo-lighthouse-'));
  const env = {
    DATABASE_URL: '',
    PGLITE_DIR: dataDir,
    SEED_DEMO: '1',
    NOTES_ENCRYPTION_KEY: generateKeyString('lighthouse'),
  };
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  let plan: PagePlan;
  try {
    const first = startServer(env);
    try {
      await waitUntilAnswering(`${origin}/healthz`, first);
    } finally {
      await stopServer(first);
    }
    // PGlite is one process's database: the server is stopped while the ids are chosen.
    plan = await planPagesOnPglite(dataDir);
  } catch (error) {
    cleanUp();
    throw error;
  }
  const server = startServer(env);
  const byEmail = new Map<string, string>(
    Object.values(demoAccounts).map((account) => [account.email, account.password]),
  );
  return {
    server,
    plan,
    passwords: (email) => byEmail.get(email) ?? '',
    owner: demoAccounts.owner.email,
    practice: 'the demo practice on PGlite',
    cleanUp,
  };
}

/** `npm run bench`'s generated practice in the PostgreSQL database at `url`. */
async function generatedSetup(url: string): Promise<Setup> {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  parsed.pathname = '/postgres';
  const database = await ensureBenchDatabase({
    serverUrl: parsed.toString(),
    name,
    scale: 1,
    fresh: false,
  });
  const plan = await planPages(database.url);
  const server = startServer({
    DATABASE_URL: database.url,
    NOTES_ENCRYPTION_KEY: database.notesKey,
    SEED_DEMO: 'false',
  });
  return {
    server,
    plan,
    passwords: () => BENCH_PASSWORD,
    owner: ownerEmail,
    practice: `the generated practice in ${name}`,
    cleanUp: () => {},
  };
}

function targetsOf(plan: PagePlan): Target[] {
  const targets: Target[] = [{ label: 'log-in page', path: '/login', as: null }];
  targets.push(...plan.pages.map((page: Page) => ({ ...page })));
  // The demo practice has no invoices yet: its empty invoice list is measured all the same.
  if (!plan.pages.some((page) => page.key === 'invoices')) {
    targets.push({
      label: "owner's invoice list (empty)",
      path: '/billing/invoices',
      as: 'owner',
    });
  }
  for (const page of plan.skipped) {
    if (page.key !== 'invoices') console.log(`${page.label}: skipped: ${page.reason}`);
  }
  return targets;
}

class LighthouseRunError extends Error {}

async function measureOnce(chromePort: number, url: string, cookie: string): Promise<Run> {
  const result = await lighthouse(url, {
    port: chromePort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new LighthouseRunError(`${url}: ${lhr.runtimeError.code}`);
  if (lhr.finalDisplayedUrl !== url) {
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl} (not signed in?)`);
  }
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndex: value('speed-index'),
    bytes: value('total-byte-weight'),
    warnings: lhr.runWarnings,
    report: typeof result.report === 'string' ? result.report : '',
  };
}

/** Lighthouse sometimes loses a trace (NO_NAVSTART, NO_FCP): such a run is made again. */
async function measureWithRetry(chromePort: number, url: string, cookie: string): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureOnce(chromePort, url, cookie);
    } catch (error) {
      if (attempt === 3 || !(error instanceof LighthouseRunError)) throw error;
      console.log(`${error.message}; running again.`);
    }
  }
}

/** The run with the median score (Lighthouse's own advice for comparing runs). */
function medianRun(all: Run[]): Run {
  const sorted = [...all].sort((a, b) => a.score - b.score || a.lcp - b.lcp);
  return sorted[Math.floor((sorted.length - 1) / 2)] as Run;
}

function withoutReport(run: Run): Omit<Run, 'report'> {
  const figures: Partial<Run> = { ...run };
  delete figures.report;
  return figures as Omit<Run, 'report'>;
}
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '–');
const millis = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '–');
const kib = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} KiB` : '–');

async function main(): Promise<void> {
  // The server would build a stale build too, but within its start-up wait.
  if (spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' }).status) {
    throw new Error('the build failed');
  }
  const setup = args['database-url']
    ? await generatedSetup(args['database-url'])
    : await demoSetup();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    await waitUntilAnswering(`${origin}/healthz`, setup.server);
    const emails: Record<Role, string | null> = {
      owner: setup.owner,
      supervisor: setup.plan.supervisorEmail,
      supervisee: setup.plan.superviseeEmail,
    };
    const cookies: Record<Role, string> = { owner: '', supervisor: '', supervisee: '' };
    for (const role of Object.keys(cookies) as Role[]) {
      const email = emails[role];
      if (email) cookies[role] = await logIn(origin, email, setup.passwords(email));
    }

    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    const targets = targetsOf(setup.plan);
    // A new Chromium's first page load is slow (measured: TBT 950 ms where later runs of the
    // same page see 100 ms): one run whose figures are thrown away warms it up.
    await measureWithRetry(chrome.port, `${origin}/login`, '');
    const pages: { target: Target; runs: Run[]; median: Run }[] = [];
    for (const target of targets) {
      const measured: Run[] = [];
      for (let run = 0; run < runs; run++) {
        const cookie = target.as ? cookies[target.as] : '';
        measured.push(await measureWithRetry(chrome.port, `${origin}${target.path}`, cookie));
      }
      const median = medianRun(measured);
      console.log(`${target.label}: ${measured.map((run) => run.score).join(', ')}`);
      pages.push({ target, runs: measured, median });
      mkdirSync(reportsDir, { recursive: true });
      const slug = target.label.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '');
      writeFileSync(path.join(reportsDir, `${slug}.json`), median.report);
    }

    const header = ['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'transferred'];
    const rows = pages.map(({ target, median }) => [
      target.label,
      String(median.score),
      seconds(median.fcp),
      seconds(median.lcp),
      millis(median.tbt),
      median.cls.toFixed(3),
      kib(median.bytes),
    ]);
    console.log(`\n${formatTable(header, rows)}`);
    const warnings = new Set(pages.flatMap((page) => page.runs.flatMap((run) => run.warnings)));
    for (const warning of warnings) console.log(`Lighthouse: ${warning}`);
    const below = pages.filter((page) => page.median.score < 95);
    console.log(
      below.length === 0
        ? 'Every page scores 95 or more.'
        : `Below 95: ${below.map((page) => page.target.label).join(', ')}.`,
    );

    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      node: process.version,
      lighthouse: (createRequire(import.meta.url)('lighthouse/package.json') as { version: string })
        .version,
      loadAverage: os.loadavg(),
    };
    console.log(
      `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Lighthouse ` +
        `${machine.lighthouse}; ${setup.practice}; median of ${runs} run(s) per page.`,
    );
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(
      resultsFile,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          machine,
          practice: setup.practice,
          runsPerPage: runs,
          pages: pages.map(({ target, runs: all, median }) => ({
            label: target.label,
            path: target.path,
            as: target.as,
            median: withoutReport(median),
            runs: all.map(withoutReport),
          })),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Written to ${resultsFile}.`);
  } finally {
    chrome?.kill();
    await stopServer(setup.server);
    setup.cleanUp();
  }
}

await main();
