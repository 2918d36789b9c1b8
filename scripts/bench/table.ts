/** The results as one plain-text table, the shape issue 10 asks for. */
export interface PageResult {
  label: string;
  path: string;
  app: { p50: number; p95: number; rps: number; cpuMsPerRequest: number };
  baseline: { p50: number; p95: number; rps: number; cpuMsPerRequest: number };
  queries: { small: number | null; full: number };
  failures: { app: Record<string, number>; baseline: Record<string, number> };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const whole = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');

export const columns = [
  'page',
  'p50 ms',
  'p95 ms (4)',
  'rps (32)',
  'base p50/p95/rps',
  'p95 ratio',
  'rps ratio',
  'queries small/full',
  'CPU ms/req app/base',
] as const;

export function tableRow(result: PageResult): string[] {
  const { app, baseline, queries } = result;
  return [
    result.label,
    ms(app.p50),
    ms(app.p95),
    whole(app.rps),
    `${ms(baseline.p50)} / ${ms(baseline.p95)} / ${whole(baseline.rps)}`,
    ratio(app.p95 / baseline.p95),
    ratio(app.rps / baseline.rps),
    `${queries.small ?? '–'} / ${queries.full}`,
    `${ms(app.cpuMsPerRequest)} / ${ms(baseline.cpuMsPerRequest)}`,
  ];
}

/** A Markdown table whose columns line up in a terminal too. */
export function formatTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
