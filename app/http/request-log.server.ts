/**
 * One log line per request, with nothing personal in it: no query string, no cookies, no
 * addresses, and path segments that look like tokens or ids replaced.
 */
const TOKENISH = /^[A-Za-z0-9_-]{20,}$|^[0-9a-f-]{32,36}$/i;

export function redactPath(path: string): string {
  const withoutQuery = path.split('?')[0] ?? '';
  return (
    withoutQuery
      .split('/')
      // A token may carry a file extension (/feeds/<token>.ics): test it without one.
      .map((segment) => (TOKENISH.test(segment.replace(/\.[A-Za-z0-9]+$/, '')) ? ':id' : segment))
      .join('/')
  );
}

export function requestLogLine(entry: {
  method: string;
  path: string;
  status: number;
  durationMs: number;
}): string {
  return JSON.stringify({
    time: new Date().toISOString(),
    method: entry.method,
    path: redactPath(entry.path),
    status: entry.status,
    ms: Math.round(entry.durationMs),
  });
}
