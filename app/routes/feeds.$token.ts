import type { LoaderFunctionArgs } from '@remix-run/node';

import { feedForToken } from '~/calendar/feeds.server';
import { domainContext } from '~/domain/context';

/**
 * A supervisor's calendar subscription, `/feeds/<token>.ics`. Calendar apps cannot log in,
 * so the unguessable token is the credential; an unknown or revoked one is a bare 404.
 * Caching is already forbidden for every response by the HTTP layer.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? '').replace(/\.ics$/, '');
  const feed = await feedForToken(domainContext(context), token);
  if (feed === null) return new Response(null, { status: 404 });
  return new Response(feed, {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="ohjaamo.ics"',
    },
  });
}
