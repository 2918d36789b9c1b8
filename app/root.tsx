import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';

import { type Locale, type MessageKey } from '~/i18n';
import { resolveLocale } from '~/i18n/locale.server';
import { useT } from '~/i18n/react';
import stylesheet from '~/styles/app.css?url';
import { useNonce } from '~/ui/nonce';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export const meta: MetaFunction = () => [{ title: 'Ohjaamo' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { locale: resolveLocale(request, context) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>('root');
  const lang: Locale = data?.locale ?? 'fi';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Every error ends here as a friendly, translated page — never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let messageKey: MessageKey = 'error.unexpected';
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) messageKey = 'error.notFound';
    else if (error.status === 403) messageKey = 'error.forbidden';
    else if (error.status === 401) messageKey = 'error.unauthenticated';
    else if (error.status === 409) messageKey = 'error.conflict';
    else if (error.status === 429) messageKey = 'error.throttled';
  }
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">{t('error.title')}</h1>
      <p>{t(messageKey)}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </main>
  );
}
