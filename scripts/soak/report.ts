/** Turns a soak run's records into the figures of issue 10's Done-when 4, and a table. */
import type { ResponseRecord } from './load';
import type { Outage } from './outages';

/** After the server is back, how long the app may take to answer normally again. */
export const RECOVERY_BUDGET_MS = 5_000;

const failed = (r: ResponseRecord) => r.status === 0 || r.status >= 500;
const succeeded = (r: ResponseRecord) => r.status >= 200 && r.status < 400;

export interface OutageFigures {
  kind: Outage['kind'];
  /** Seconds from the command's start until the server answered again. */
  downSeconds: number;
  confirmedDown: boolean | null;
  failures: number;
  /** Failures that were not the app's clean error page (or no answer at all). */
  uncleanFailures: number;
  uncleanSamples: ResponseRecord[];
  /** How fast a request fails while the database is away: the 95th percentile and the slowest. */
  failureP95Seconds: number;
  slowestFailureSeconds: number;
  /** Per instance: from the server's return until its last failure and first success. */
  recoverySeconds: number;
}

export function outageFigures(
  responses: ResponseRecord[],
  outages: Outage[],
  instances: string[],
  endOfRun: number,
): OutageFigures[] {
  return outages.map((outage, index) => {
    const until = outages[index + 1]?.start ?? endOfRun;
    const windowEnd = outage.back + RECOVERY_BUDGET_MS;
    const inWindow = responses.filter(
      (r) => failed(r) && r.end >= outage.start && r.start <= windowEnd,
    );
    const unclean = inWindow.filter((r) => r.status === 0 || r.cleanErrorPage !== true);
    const recoveries = instances.map((name) => {
      const mine = responses.filter((r) => r.instance === name && r.end >= outage.start);
      const lastFailure = mine
        .filter((r) => failed(r) && r.end < until)
        .reduce((latest, r) => Math.max(latest, r.end), -Infinity);
      const firstSuccess = mine
        .filter((r) => succeeded(r) && r.start >= outage.back)
        .reduce((earliest, r) => Math.min(earliest, r.end), Infinity);
      return Math.max(lastFailure, firstSuccess) - outage.back;
    });
    return {
      kind: outage.kind,
      downSeconds: (outage.back - outage.start) / 1000,
      confirmedDown: outage.confirmedDown,
      failures: inWindow.length,
      uncleanFailures: unclean.length,
      uncleanSamples: unclean.slice(0, 10),
      failureP95Seconds:
        percentile(
          inWindow.map((r) => r.end - r.start),
          0.95,
        ) / 1000,
      slowestFailureSeconds: inWindow.reduce((m, r) => Math.max(m, r.end - r.start), 0) / 1000,
      recoverySeconds: Math.max(0, ...recoveries) / 1000,
    };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Failures (5xx or no answer) that overlap no outage window. */
export function failuresOutsideOutages(responses: ResponseRecord[], outages: Outage[]) {
  return responses.filter(
    (r) =>
      failed(r) && !outages.some((o) => r.end >= o.start && r.start <= o.back + RECOVERY_BUDGET_MS),
  );
}

export function statusCounts(responses: ResponseRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = `${r.instance} ${r.kind} ${r.status === 0 ? 'no answer' : r.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export interface Check {
  label: string;
  measured: string;
  limit: string;
  ok: boolean;
}

export function formatChecks(checks: Check[]): string {
  const rows = [
    ['check', 'measured', 'limit', ''],
    ...checks.map((c) => [c.label, c.measured, c.limit, c.ok ? 'ok' : 'FAIL']),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
