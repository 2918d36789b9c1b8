import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Plugin } from 'vite';

/**
 * The browser build keeps the licence notices of the packages it bundles in one file of their
 * own instead of inside the code. The minifier would otherwise copy each module's comment block
 * into the chunks (@remix-run/react alone fourteen times): about 0.6 KiB of every page's
 * gzipped JavaScript, against the 100 KiB budget (issue 10).
 *
 * `assets/third-party-licenses-<hash>.txt` holds, for every package with code in the browser
 * build, its name, version, licence and licence text; the framework chunk begins with a
 * comment naming that file. The server build is left as it is.
 */
export function thirdPartyNotices(): Plugin {
  let client = false;
  return {
    name: 'ohjaamo-third-party-notices',
    apply: 'build',
    config(_config, { isSsrBuild }) {
      client = !isSsrBuild;
      return client ? { esbuild: { legalComments: 'none' } } : undefined;
    },
    generateBundle(_options, bundle) {
      if (!client) return;
      const packages = new Map<string, string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const dir = packageDir(id);
          if (dir) packages.set(dir, dir);
        }
      }
      const notices = [...packages.keys()]
        .map(describePackage)
        .filter((notice): notice is { name: string; text: string } => notice !== null)
        .sort((a, b) => a.name.localeCompare(b.name));
      const file = this.emitFile({
        type: 'asset',
        name: 'third-party-licenses.txt',
        source: notices.map((notice) => notice.text).join('\n\n'),
      });
      const url = `/${this.getFileName(file)}`;
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.name === 'framework') {
          output.code = `/*! Licences of the bundled packages: ${url} */\n${output.code}`;
        }
      }
    },
  };
}

/** The package directory a module belongs to, for modules under node_modules. */
function packageDir(id: string): string | null {
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id.replace(/\\/g, '/'));
  return match?.[1] ?? null;
}

function describePackage(dir: string): { name: string; text: string } | null {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return null;
  const { name, version, license } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    name?: string;
    version?: string;
    license?: string;
  };
  if (!name) return null;
  const licenceFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
  const licenceText = licenceFile ? readFileSync(path.join(dir, licenceFile), 'utf8').trim() : '';
  const heading = `${name} ${version ?? ''} (${license ?? 'licence not stated'})`;
  return { name, text: `${heading}\n${'-'.repeat(heading.length)}\n${licenceText}` };
}
