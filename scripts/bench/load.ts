/** One autocannon run against one URL, with the latencies and status codes it saw. */
import autocannon from 'autocannon';

export interface LoadResult {
  responses: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  /** Responses other than 200, by status code, plus connection errors and timeouts. */
  failures: Record<string, number>;
  /** What `probe` rose by from one second into the run to its end, and the responses between. */
  probed: { delta: number; responses: number } | null;
}

export function percentile(sortedValues: readonly number[], fraction: number): number {
  if (sortedValues.length === 0) return NaN;
  const index = Math.min(sortedValues.length - 1, Math.ceil(fraction * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)] ?? NaN;
}

export async function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /**
   * A counter read one second into the run and at its end (the server's CPU time). Both
   * ends then have about as many requests half done, which a read at the very start would
   * not: every connection's first request would be missing from it.
   */
  probe?: () => number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  // Filled by a timer, hence a list: TypeScript does not see a closure assign a variable.
  const probeStarts: { value: number; responses: number }[] = [];
  const { probe } = options;
  const probeTimer = probe
    ? setTimeout(() => probeStarts.push({ value: probe(), responses: latencies.length }), 1_000)
    : undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers ?? {},
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures[statusCode] = (failures[statusCode] ?? 0) + 1;
    });
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  clearTimeout(probeTimer);
  const [probeStart] = probeStarts;
  const probed =
    probe && probeStart
      ? { delta: probe() - probeStart.value, responses: latencies.length - probeStart.responses }
      : null;
  if (result.errors > 0) failures.errors = result.errors;
  if (result.timeouts > 0) failures.timeouts = result.timeouts;
  latencies.sort((a, b) => a - b);
  return {
    responses: latencies.length,
    requestsPerSecond: latencies.length / Math.max(elapsedSeconds, options.seconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    failures,
    probed,
  };
}
