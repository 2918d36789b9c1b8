import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { fi } from '~/i18n/fi';

import { keysNamedIn, parentRoutes, routeMessageKeys } from './route-messages';

const keys = ['theme.role', 'theme.power', 'sessions.new', 'sessions.status.held', 'app.name'];

describe('keysNamedIn', () => {
  it('finds exact keys and every key under a written prefix', () => {
    const text = `t('sessions.new'); t(\`theme.\${theme}\`); const p = "sessions.status."; 'nope.key'`;
    expect([...keysNamedIn(text, keys)].sort()).toEqual([
      'sessions.new',
      'sessions.status.held',
      'theme.power',
      'theme.role',
    ]);
  });

  it('ignores strings that are neither keys nor key prefixes', () => {
    expect(keysNamedIn(`'app' "sessions" \`\${a}.b\` 'x.y.'`, keys).size).toBe(0);
  });
});

describe('parentRoutes', () => {
  const files = ['root.tsx', '_app.tsx', '_app.sessions.$id._index.tsx', 'login_.code.tsx'].map(
    (name) => `/r/app/routes/${name}`.replace('/routes/root.tsx', '/root.tsx'),
  );
  it('nests flat routes in their layouts and the root', () => {
    expect(parentRoutes('/r/app/routes/_app.sessions.$id._index.tsx', files)).toEqual([
      '/r/app/routes/_app.tsx',
      '/r/app/root.tsx',
    ]);
    expect(parentRoutes('/r/app/routes/login_.code.tsx', files)).toEqual(['/r/app/root.tsx']);
    expect(parentRoutes('/r/app/root.tsx', files)).toEqual([]);
  });
});

describe('routeMessageKeys on this app', () => {
  const root = path.resolve(__dirname, '../..');
  const route = (name: string) => path.join(root, 'app/routes', name);
  const rootFile = path.join(root, 'app/root.tsx');
  const routeFiles = [rootFile, route('_app.tsx'), route('_app.sessions.$sessionId._index.tsx')];
  const result = routeMessageKeys({
    root,
    routeFiles,
    catalogueFiles: new Set([path.join(root, 'app/i18n/fi.ts'), path.join(root, 'app/i18n/en.ts')]),
    keys: Object.keys(fi),
  });
  const session = result.get(route('_app.sessions.$sessionId._index.tsx')) ?? new Set();

  it('gives the session page what its component and its actions name', () => {
    expect(session.has('sessions.cancelSubmit')).toBe(true);
    // Returned by the action's validation, shown by the form.
    expect(session.has('sessions.invalidMinutes')).toBe(true);
  });

  it('leaves out mail text and what the layouts around the page already load', () => {
    expect([...session].filter((key) => key.startsWith('email.'))).toEqual([]);
    const layouts = new Set([
      ...(result.get(rootFile) ?? []),
      ...(result.get(route('_app.tsx')) ?? []),
    ]);
    expect(layouts.size).toBeGreaterThan(0);
    expect([...session].filter((key) => layouts.has(key))).toEqual([]);
  });
});
