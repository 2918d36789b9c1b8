/** One autocannon run against one URL, with the latencies and status codes it saw. */
import autocannon from 'autocannon';

export interface LoadResult {
  responses: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  /** Responses other than 200, by status code, plus connection errors and timeouts. */
  failures: Record<string, number>;
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
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
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
  if (result.errors > 0) failures.errors = result.errors;
  if (result.timeouts > 0) failures.timeouts = result.timeouts;
  latencies.sort((a, b) => a - b);
  return {
    responses: latencies.length,
    requestsPerSecond: latencies.length / Math.max(elapsedSeconds, options.seconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    failures,
  };
}
