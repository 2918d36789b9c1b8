/**
 * How the production build's files are served (`npm start`): hashed assets cached for a
 * year and never revalidated, other public files for an hour, a missing asset a plain 404.
 * Uses a stand-in build directory: only its static files are requested.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testKeyring } from '#db/testing/keyring';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { loadConfig } from '~/config.server';

import { createHttpApp, type HttpApp } from './express-app.server';

let database: TestDatabase;
let http: HttpApp;
let origin: string;
const buildDir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-static-'));

beforeAll(async () => {
  mkdirSync(path.join(buildDir, 'client/assets'), { recursive: true });
  mkdirSync(path.join(buildDir, 'server'), { recursive: true });
  writeFileSync(
    path.join(buildDir, 'client/assets/app-AbC123.js'),
    'console.log(1);\n'.repeat(200),
  );
  writeFileSync(path.join(buildDir, 'client/robots.txt'), 'User-agent: *\n');
  writeFileSync(path.join(buildDir, 'server/index.js'), 'export const routes = {};\n');
  database = await createTestDatabase();
  http = await createHttpApp({
    config: { ...loadConfig({ NODE_ENV: 'test' }), cookieSecure: false, seedDemo: false },
    database,
    keyring: testKeyring,
    useVite: false,
    buildDir,
  });
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.server.closeAllConnections();
  await new Promise<void>((resolve) => http.server.close(() => resolve()));
  await http.close();
  await database.close();
  rmSync(buildDir, { recursive: true, force: true });
});

describe('the production build’s static files', () => {
  it('serve hashed assets immutable for a year, compressed', async () => {
    const response = await fetch(`${origin}/assets/app-AbC123.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    const cacheControl = response.headers.get('Cache-Control') ?? '';
    expect(cacheControl).toContain('immutable');
    expect(cacheControl).toMatch(/max-age=31536000\b/);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('cache other public files briefly, and do not answer a missing asset from the cache', async () => {
    const robots = await fetch(`${origin}/robots.txt`);
    expect(robots.headers.get('Cache-Control')).toMatch(/max-age=3600\b/);
    expect(robots.headers.get('Cache-Control')).not.toContain('immutable');
    const missing = await fetch(`${origin}/assets/gone-XyZ.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBe('no-store');
  });
});
