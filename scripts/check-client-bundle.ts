/**
 * Fails when the production build's browser assets contain Drizzle code: table definitions
 * in the client bundle cost every page download time and show the schema to anyone.
 * Run after `npm run build`; prints the gzipped total of the browser JavaScript.
 *
 *   npm run check:bundle
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Strings only Drizzle's runtime contains: its entity-kind symbols and table class names.
const MARKERS = ['drizzle:', 'drizzle-orm', 'PgTable', 'PgColumn'];
const root = path.resolve(process.argv[2] ?? 'build/client');

function javascriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return javascriptFiles(file);
    return file.endsWith('.js') ? [file] : [];
  });
}

let files: string[];
try {
  files = javascriptFiles(root);
} catch {
  console.error(`No build at ${root}: run npm run build first.`);
  process.exit(1);
}

let gzipped = 0;
const offenders: string[] = [];
for (const file of files) {
  const source = readFileSync(file);
  gzipped += gzipSync(source).length;
  const text = source.toString('utf8');
  const found = MARKERS.filter((marker) => text.includes(marker));
  if (found.length > 0) offenders.push(`${path.relative(root, file)} (${found.join(', ')})`);
}

console.log(
  `Browser JavaScript: ${files.length} files, ${(gzipped / 1024).toFixed(1)} KiB gzipped.`,
);
if (offenders.length > 0) {
  console.error('Drizzle code reached the browser bundle in:');
  for (const offender of offenders) console.error(`  ${offender}`);
  console.error('Import shared values from #db/schema/values and keep queries in *.server.ts.');
  process.exit(1);
}
