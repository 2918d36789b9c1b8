/**
 * Run by `npm install` (postinstall): mends a bug in postgres.js 3.4.9 that kills the
 * process when the database restarts under load (porsager/postgres#1154, #1208; ADR 021).
 *
 * When a connection closes, postgres.js nulls its socket but leaves a transaction holding
 * the connection free to send more (its ROLLBACK): the write is deferred with setImmediate
 * and then calls `null.write`, an uncaught TypeError. And because the close cancels the
 * deferred write without forgetting it, the reconnected connection never sends again: its
 * start-up message waits for a flush that never comes, until connect_timeout.
 *
 * The patch rejects a query sent on a closed connection with CONNECTION_CLOSED (what its
 * caller already handles), and forgets unsent bytes when a connection closes. Idempotent;
 * warns and changes nothing when the driver's code is not the one this was written for.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARK = '/* ohjaamo: closed-socket patch (ADR 021) */';
const root = path.resolve(process.argv[2] ?? 'node_modules/postgres');
const files = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

const replacements: [string, string][] = [
  [
    `    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))
`,
    `    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))

    ${MARK}
    if (!socket)
      return (queryError(q, Errors.connection('CONNECTION_CLOSED', options)), true)
`,
  ],
  [
    `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`,
    `  function nextWrite(fn) {
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      return false
    }
    const x = socket.write(chunk, fn)`,
  ],
];
// In terminate() and closed(): forget the cancelled write with its bytes.
const cancelledWrite = '    clearImmediate(nextWriteTimer)\n';
const forgottenWrite = `${cancelledWrite}    chunk = nextWriteTimer = null\n`;

let patched = 0;
for (const file of files) {
  const full = path.join(root, file);
  if (!existsSync(full)) continue;
  const source = readFileSync(full, 'utf8');
  if (source.includes(MARK)) continue;
  const applicable =
    replacements.every(([from]) => source.split(from).length === 2) &&
    source.split(cancelledWrite).length === 3;
  if (!applicable) {
    console.warn(
      `patch-postgres-driver: ${full} is not the postgres.js 3.4.9 this patch was written for; ` +
        'left unchanged. Check whether porsager/postgres#1154 is fixed in it.',
    );
    continue;
  }
  let result = source;
  for (const [from, to] of replacements) result = result.replace(from, to);
  result = result.replaceAll(cancelledWrite, forgottenWrite);
  writeFileSync(full, result);
  patched += 1;
}
if (patched > 0) console.log(`patch-postgres-driver: patched ${patched} file(s) in ${root}`);
