/**
 * Prepares one migrated database for the whole test run, which each test file then copies:
 *  - PGlite (default): a migrated in-memory instance dumped to a tarball; a file loads it
 *    in about a second instead of running initdb and the migrations again.
 *  - PostgreSQL (DATABASE_URL set): a migrated template database; each file gets
 *    `CREATE DATABASE … TEMPLATE` of it, which takes milliseconds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

import { openDatabase, wrapPglite } from '../client';
import { databaseUrlFor } from './urls';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; template: string };
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = `ohjaamo_test_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const database = await openDatabase({ url: databaseUrlFor(serverUrl, template) });
    await database.migrate();
    await database.close();
    project.provide('testDatabase', { kind: 'postgres', template });
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const client = await PGlite.create('memory://');
  await wrapPglite(client).migrate();
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'ohjaamo-test-'));
  const dumpFile = path.join(dir, 'migrated.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', dumpFile });
  return () => rmSync(dir, { recursive: true, force: true });
}
