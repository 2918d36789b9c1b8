import type { UIMatch } from '@remix-run/react';

/**
 * Search engines index only the pages that say so: the public front page. Everything behind
 * sign-in, the supervisee portal and every link with a token in it carry `noindex`, so a
 * page nobody meant to publish cannot turn up in a search (a new route is private until it
 * says otherwise).
 */
export const indexableHandle = { indexable: true } as const;

export function isIndexable(matches: UIMatch[]): boolean {
  const handle = matches.at(-1)?.handle as { indexable?: unknown } | undefined;
  return handle?.indexable === true;
}
