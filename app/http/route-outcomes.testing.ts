/**
 * What the route authorization tables share: calling a route module's loader or action as a
 * given visitor and reading the answer as an Outcome. Used by tests only.
 */
import type { AppLoadContext } from '@remix-run/node';

import { unwrapActionResult } from '~/forms/respond.server';

/** A status, 'login' (to the log-in page), '→/path' (another redirect), 'no loader'. */
export type Outcome = number | 'login' | `→${string}` | 'no loader';

export type DataFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => unknown;

/** The URL of a route file, with the given ids in place of its parameters. */
export function urlOf(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split('.')
    .filter((s) => !s.startsWith('_'))
    .map((s) => s.replace(/_$/, ''))
    .map((s) =>
      s === '$' ? (params['*'] ?? '') : s.startsWith('$') ? (params[s.slice(1)] ?? '') : s,
    );
  return `http://localhost/${segments.join('/')}`;
}

/** Runs a loader or action and names its answer; ids in a redirect become `:name`. */
export async function outcomeOf(
  run: () => unknown,
  params: Record<string, string>,
): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
    if (!(thrown instanceof Response)) {
      throw new Error(`threw ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
  }
  // A form answered again with its errors carries its status in Remix's data() wrapper.
  if (!(result instanceof Response)) return unwrapActionResult(result).status;
  const location = result.headers.get('location');
  if (result.status >= 300 && result.status < 400 && location) {
    if (location.startsWith('/login')) return 'login';
    let target = location.split('?')[0] ?? '';
    for (const [name, value] of Object.entries(params))
      target = target.replaceAll(value, `:${name}`);
    return `→${target}`;
  }
  return result.status;
}

/**
 * A loader's or action's outcome for each visitor (one load context each). Actions get
 * the given form fields, or an empty form.
 */
export async function outcomesFor(
  module: Record<string, unknown>,
  file: string,
  kind: 'loader' | 'action',
  contexts: AppLoadContext[],
  params: Record<string, string>,
  fields: Record<string, string> = {},
): Promise<Outcome[] | 'none'> {
  const fn = module[kind] as DataFunction | undefined;
  if (!fn) return 'none';
  const row: Outcome[] = [];
  for (const context of contexts) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    const request = new Request(urlOf(file, params), {
      method: kind === 'action' ? 'POST' : 'GET',
      ...(kind === 'action' ? { body } : {}),
    });
    row.push(await outcomeOf(() => fn({ request, params, context }), params));
  }
  return row;
}
