/**
 * Logs a server error without personal data. Database errors carry the failed query's
 * parameters (e-mail addresses, hashes) in their message, so only their code is logged.
 */
export function logServerError(context: string, error: unknown): void {
  console.error(`${context}: ${describeSafely(error)}`);
}

function describeSafely(error: unknown): string {
  if (!(error instanceof Error)) return 'non-Error thrown';
  if ('query' in error || 'params' in error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return `database query failed (${typeof code === 'string' ? code : 'no code'})\n${stackFrames(error)}`;
  }
  return `${error.name}: ${error.message}\n${stackFrames(error)}`;
}

function stackFrames(error: Error): string {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
}
