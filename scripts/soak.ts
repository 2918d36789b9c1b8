/**
 * `npm run soak`: two production app instances on one PostgreSQL, under mixed reads and
 * writes, through a database restart and a 5-second stop (issue 10, "Scale past one
 * process"). It checks that nothing but the outages fails, that the app recovers by itself,
 * that no acknowledged write is lost, that each mail is sent once by the two instances,
 * and that memory stays bounded.
 *
 * The run restarts and stops its PostgreSQL server, so give it a server of its own, never
 * one that others use. Once, as root:
 *
 *   pg_createcluster 15 soak -p 5433 --start -- --auth=trust
 *
 * Then:
 *
 *   npm run soak                              5 minutes against that cluster (builds first)
 *   npm run soak -- --seconds 60 --no-build   a short run on the existing ./build
 *
 * Options:
 *   --server-url URL        the server to use (default postgres://postgres@127.0.0.1:5433/postgres);
 *                           the scratch database `ohjaamo_soak` on it is dropped and re-created
 *   --restart-command CMD   restarts that server (default: pg_ctlcluster … 15 soak restart)
 *   --stop-command CMD      stops it               (default: pg_ctlcluster … 15 soak stop)
 *   --start-command CMD     starts it again        (default: pg_ctlcluster … 15 soak start)
 *   --seconds N             length of the load (default 300); the restart comes at a third,
 *                           the stop at two thirds
 *   --stop-seconds N        how long the server stays stopped (default 5)
 *   --clients N             virtual users (default 16)
 *   --port N                the first instance's port; the second takes the next (default 3960)
 *   --no-build              use ./build as it is instead of running `npm run build`
 *
 * Prints a table of the checks and exits 1 if any fails; details go to .data/soak/latest.json
 * and each instance's stderr to .data/soak/instance-<A|B>.log.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';

import { LEASE_MS } from '~/email/outbox.server';

import { logIn } from './bench/login';
import {
  createSoakDatabase,
  SOAK_PASSWORD,
  type SupervisorPlan,
  withClient,
} from './soak/database';
import {
  type Instance,
  rssMegabytes,
  startInstance,
  stopInstance,
  waitUntilAnswering,
} from './soak/instances';
import {
  type AcknowledgedSession,
  createLoadState,
  FIRST_SLOT_DAY,
  runVirtualUser,
} from './soak/load';
import { startMailSink } from './soak/mail-sink';
import { type Outage, restartDatabase, stopDatabase } from './soak/outages';
import {
  type Check,
  failuresOutsideOutages,
  formatChecks,
  outageFigures,
  RECOVERY_BUDGET_MS,
  statusCounts,
} from './soak/report';

const cluster = 'pg_ctlcluster --skip-systemctl-redirect 15 soak';
const { values: args } = parseArgs({
  options: {
    'server-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5433/postgres' },
    'restart-command': { type: 'string', default: `${cluster} restart` },
    'stop-command': { type: 'string', default: `${cluster} stop` },
    'start-command': { type: 'string', default: `${cluster} start` },
    seconds: { type: 'string', default: '300' },
    'stop-seconds': { type: 'string', default: '5' },
    clients: { type: 'string', default: '16' },
    port: { type: 'string', default: '3960' },
    'no-build': { type: 'boolean', default: false },
  },
});
const serverUrl = args['server-url'];
const seconds = Number(args.seconds);
const stopSeconds = Number(args['stop-seconds']);
const clients = Number(args.clients);
const firstPort = Number(args.port);
const resultsDir = '.data/soak';
// RSS "after warm-up": once every page has been served many times.
const warmUpSeconds = Math.min(60, seconds / 5);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  if (![seconds, stopSeconds, clients, firstPort].every((n) => Number.isFinite(n) && n > 0)) {
    throw new Error('--seconds, --stop-seconds, --clients and --port take positive numbers');
  }
  mkdirSync(resultsDir, { recursive: true });
  if (!args['no-build']) {
    console.log('Building (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      throw new Error('npm run build failed');
    }
  }
  console.log(`Creating the scratch database on ${serverUrl}…`);
  const database = await createSoakDatabase(serverUrl, 'ohjaamo_soak');
  const sink = await startMailSink();
  const instances: Instance[] = ['A', 'B'].map((name, i) =>
    startInstance({
      name,
      port: firstPort + i,
      databaseUrl: database.url,
      notesKey: database.notesKey,
      smtpUrl: sink.url,
      logFile: `${resultsDir}/instance-${name}.log`,
    }),
  );
  try {
    await Promise.all(instances.map(waitUntilAnswering));
    return await soak(instances, database, sink);
  } finally {
    await Promise.all(instances.map(stopInstance));
    await sink.close();
  }
}

async function soak(
  instances: Instance[],
  database: Awaited<ReturnType<typeof createSoakDatabase>>,
  sink: Awaited<ReturnType<typeof startMailSink>>,
): Promise<number> {
  const names = instances.map((i) => i.name);
  const state = createLoadState();
  const began = performance.now();
  const deadline = began + seconds * 1000;
  const rss: { at: number; mb: number[] }[] = [];
  const sampler = setInterval(
    () => rss.push({ at: (performance.now() - began) / 1000, mb: instances.map(rssMegabytes) }),
    2_000,
  );
  console.log(
    `Load: ${clients} virtual users on ${instances.map((i) => i.origin).join(' and ')} for ${seconds} s; ` +
      `restart at ${Math.round(seconds / 3)} s, ${stopSeconds} s stop at ${Math.round((2 * seconds) / 3)} s.`,
  );
  // One session per supervisor, signed in on alternate instances and used on both.
  const cookies = new Map<string, string>();
  for (const [i, supervisor] of database.supervisors.entries()) {
    const instance = instances[i % instances.length] as Instance;
    cookies.set(supervisor.email, await logIn(instance.origin, supervisor.email, SOAK_PASSWORD));
  }
  const users = Array.from({ length: clients }, (_, i) => {
    const supervisor = database.supervisors[i % database.supervisors.length] as SupervisorPlan;
    return runVirtualUser({
      state,
      instances,
      supervisor,
      password: SOAK_PASSWORD,
      cookie: cookies.get(supervisor.email) ?? '',
      until: () => performance.now() >= deadline,
    });
  });

  await sleep(warmUpSeconds * 1000);
  const warmRss = instances.map(rssMegabytes);
  const outages: Outage[] = [];
  await sleep(Math.max(0, began + (seconds * 1000) / 3 - performance.now()));
  console.log('Restarting PostgreSQL…');
  outages.push(await restartDatabase(serverUrl, args['restart-command']));
  await sleep(Math.max(0, began + (seconds * 2000) / 3 - performance.now()));
  console.log(`Stopping PostgreSQL for ${stopSeconds} s…`);
  outages.push(
    await stopDatabase(
      serverUrl,
      { stop: args['stop-command'], start: args['start-command'] },
      stopSeconds,
    ),
  );
  await Promise.all(users);
  const endRss = instances.map(rssMegabytes);
  const endOfLoad = performance.now();
  clearInterval(sampler);

  console.log('Load done; waiting for the outbox to empty, then checking every write…');
  const mail = await checkMail(database.url, sink.deliveries);
  const lost = await lostWrites(database.url, [...state.sessions.values()]);

  const responses = state.responses;
  const outside = failuresOutsideOutages(responses, outages);
  const figures = outageFigures(responses, outages, names, endOfLoad);
  const readsOk = names.map(
    (name) =>
      responses.filter((r) => r.kind === 'read' && r.instance === name && r.status === 200).length,
  );
  const unexpected = responses.filter((r) => r.status >= 400 && r.status < 500);

  const checks: Check[] = [
    {
      label: 'responses (per s)',
      measured: `${responses.length} (${(responses.length / seconds).toFixed(0)})`,
      limit: '',
      ok: true,
    },
    {
      label: 'acknowledged writes (book + move)',
      measured: String(state.acknowledgedWrites),
      limit: '> 0',
      ok: state.acknowledgedWrites > 0,
    },
    {
      label: 'pages read on A / B (sessions from either)',
      measured: readsOk.join(' / '),
      limit: 'reads on both',
      ok: readsOk.every((n) => n > 0),
    },
    {
      label: '5xx or no answer outside the outages',
      measured: String(outside.length),
      limit: '0',
      ok: outside.length === 0,
    },
    {
      label: '4xx (none expected)',
      measured: String(unexpected.length),
      limit: '0',
      ok: unexpected.length === 0,
    },
    ...figures.flatMap((f): Check[] => [
      {
        label: `${f.kind}: server away (s)`,
        measured: f.downSeconds.toFixed(1),
        limit: f.kind === 'stop' ? `≥ ${stopSeconds}, stop confirmed` : '',
        ok: f.kind === 'restart' || f.confirmedDown === true,
      },
      {
        label: `${f.kind}: failed responses (not the error page)`,
        measured: `${f.failures} (${f.uncleanFailures})`,
        limit: '(0)',
        ok: f.uncleanFailures === 0,
      },
      {
        label: `${f.kind}: failing response p95 / slowest (s)`,
        measured: `${f.failureP95Seconds.toFixed(2)} / ${f.slowestFailureSeconds.toFixed(2)}`,
        limit: 'p95 ≤ 3',
        ok: f.failureP95Seconds <= 3,
      },
      {
        label: `${f.kind}: recovery after the server is back (s)`,
        measured: f.recoverySeconds.toFixed(2),
        limit: `≤ ${RECOVERY_BUDGET_MS / 1000}`,
        ok: f.recoverySeconds <= RECOVERY_BUDGET_MS / 1000,
      },
    ]),
    {
      label: 'acknowledged writes lost',
      measured: String(lost.length),
      limit: '0',
      ok: lost.length === 0,
    },
    {
      label: 'mail queued / delivered (by A + B)',
      measured: `${mail.queued} / ${mail.delivered} (${mail.byInstance.join(' + ')})`,
      limit: 'all, by both',
      ok: mail.queued > 0 && mail.delivered === mail.queued && mail.byInstance.every((n) => n > 0),
    },
    {
      label: 'mail sent twice / never / unknown',
      measured: `${mail.duplicates} / ${mail.missing} / ${mail.unknown}`,
      limit: '0 / 0 / 0',
      ok: mail.duplicates === 0 && mail.missing === 0 && mail.unknown === 0,
    },
    ...instances.map((instance, i): Check => {
      const warm = warmRss[i] ?? NaN;
      const end = endRss[i] ?? NaN;
      return {
        label: `RSS ${instance.name}: after ${warmUpSeconds} s → end (MB)`,
        measured: `${warm.toFixed(0)} → ${end.toFixed(0)} (×${(end / warm).toFixed(2)})`,
        limit: '≤ ×2',
        ok: end <= 2 * warm,
      };
    }),
  ];

  console.log(`\n${formatChecks(checks)}\n`);
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}`;
  console.log(
    `${machine}; load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  writeFileSync(
    `${resultsDir}/latest.json`,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine,
        options: { seconds, stopSeconds, clients, serverUrl },
        checks,
        outages: figures,
        statusCounts: statusCounts(responses),
        failuresOutsideOutages: outside,
        lostWrites: lost,
        mail,
        rss,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Details in ${resultsDir}/latest.json.`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

/** Waits until the outbox holds nothing pending, then matches its rows to the deliveries. */
async function checkMail(url: string, deliveries: Map<string, string[]>) {
  // Wait while the workers make progress: a message claimed by a worker that lost the
  // database mid-batch waits out its lease before the other takes it.
  const rows = await withClient(url, async (sql) => {
    let lastPending = Infinity;
    let lastProgress = Date.now();
    for (;;) {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from outbox where status = 'pending'`;
      const pending = row?.n ?? 0;
      if (pending === 0) break;
      if (pending < lastPending) [lastPending, lastProgress] = [pending, Date.now()];
      if (Date.now() - lastProgress > LEASE_MS + 30_000) break;
      await sleep(1_000);
    }
    return sql<{ id: string; status: string }[]>`select id, status from outbox`;
  });
  const ids = new Set(rows.map((row) => row.id));
  const byInstance = ['A', 'B'].map(
    (name) => [...deliveries.values()].flat().filter((sender) => sender === name).length,
  );
  return {
    queued: rows.length,
    sentInOutbox: rows.filter((row) => row.status === 'sent').length,
    delivered: [...deliveries.keys()].filter((id) => ids.has(id)).length,
    byInstance,
    duplicates: [...deliveries.values()].filter((senders) => senders.length > 1).length,
    missing: rows.filter((row) => !deliveries.has(row.id)).length,
    unknown: [...deliveries.keys()].filter((id) => !ids.has(id)).length,
  };
}

/** Sessions whose time in the database is neither the acknowledged one nor an unanswered move. */
async function lostWrites(url: string, sessions: AcknowledgedSession[]) {
  const stored = await withClient(url, async (sql) => {
    // Every session the load booked lies in the future of the generated history.
    const rows = await sql<{ id: string; starts_at: Date }[]>`
      select id, starts_at from supervision_sessions where starts_at >= ${FIRST_SLOT_DAY}`;
    return new Map(rows.map((row) => [row.id, row.starts_at.getTime()]));
  });
  return sessions
    .filter((session) => {
      const at = stored.get(session.id);
      if (at === undefined) return true;
      return ![session.startsAt, ...session.unansweredMoves].some((d) => d.getTime() === at);
    })
    .map((session) => ({ id: session.id, acknowledged: session.startsAt.toISOString() }));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('soak failed:', error);
    process.exit(2);
  },
);
