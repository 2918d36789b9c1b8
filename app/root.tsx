import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';

import type { Locale } from '~/i18n';
import { resolveLocale } from '~/i18n/locale.server';
import stylesheet from '~/styles/app.css?url';
import { ErrorMessage, errorPageMeta } from '~/ui/error-page';
import { useNonce } from '~/ui/nonce';
import { isIndexable } from '~/ui/robots';
import { RouteAnnouncer } from '~/ui/route-announcer';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  // The icons of public/: SVG for browsers that take it, the .ico for the rest, and the
  // home-screen icons of phones (the manifest names the larger ones).
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
  { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
];

export const meta = errorPageMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { locale: resolveLocale(request, context) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>('root');
  const lang: Locale = data?.locale ?? 'fi';
  const indexable = isIndexable(useMatches());
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#115e59" />
        {indexable ? null : <meta name="robots" content="noindex, nofollow" />}
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <RouteAnnouncer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Every error not caught nearer ends here, as a friendly translated page. */
export function ErrorBoundary() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <ErrorMessage error={useRouteError()} />
    </main>
  );
}
