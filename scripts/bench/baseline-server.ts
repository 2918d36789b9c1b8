/**
 * The bare baseline: node:http and postgres.js, nothing else. GET /<page key> replays the
 * statements recorded for that page (same SQL, same parameters, one after another) and
 * answers their rows as JSON.
 *
 *   PORT=… DATABASE_URL=… node --import tsx scripts/bench/baseline-server.ts <statements.json>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import postgres from 'postgres';

import type { Statement } from './record';

const [file] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!file || !url) throw new Error('usage: DATABASE_URL=… baseline-server.ts <statements.json>');
const pages = new Map(
  Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Statement[]>),
);
// The same pool size as the app's (db/client.ts).
const sql = postgres(url, {
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  onnotice: () => {},
});

let inFlight = 0;
const server = createServer((request, response) => {
  const statements = pages.get((request.url ?? '/').slice(1));
  if (!statements) {
    response.writeHead(404).end();
    return;
  }
  inFlight += 1;
  void (async () => {
    try {
      const results: unknown[] = [];
      for (const statement of statements) {
        results.push(
          await sql.unsafe(statement.sql, statement.params as postgres.ParameterOrJSON<never>[]),
        );
      }
      const body = JSON.stringify(results);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      response.writeHead(500).end();
    } finally {
      inFlight -= 1;
    }
  })();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  // Pages still being answered when the load tool hung up finish before the pool closes.
  const closeWhenIdle = () => {
    if (inFlight > 0) return setTimeout(closeWhenIdle, 20);
    void sql.end({ timeout: 2 }).then(() => process.exit(0));
  };
  closeWhenIdle();
});
