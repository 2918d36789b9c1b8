import type { MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link } from '@remix-run/react';

import { isMessageKey } from '~/i18n';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';

import { type ErrorText, errorTextFor, unexpectedErrorText } from './error-text';

function errorTextOf(error: unknown): ErrorText {
  return isRouteErrorResponse(error)
    ? errorTextFor(error.status, messageKeyOf(error.data))
    : unexpectedErrorText;
}

/**
 * The title of a layout's page: the error's heading when its error boundary shows one
 * ("Sivua ei löytynyt – Ohjaamo"), since the failed route's own meta is not used then.
 */
export const errorPageMeta: MetaFunction = ({ error, matches }) =>
  error ? pageTitle(matches, errorTextOf(error).title) : [{ title: 'Ohjaamo' }];

/** What a user sees instead of a failed page: a translated sentence, never a stack trace. */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const text = errorTextOf(error);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t(text.title)}</h1>
      <p>{t(text.message)}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </div>
  );
}

/** The message key appErrorResponse sends as the body of a domain error, if that is what came. */
function messageKeyOf(body: unknown) {
  if (typeof body !== 'object' || body === null || !('messageKey' in body)) return undefined;
  return isMessageKey(body.messageKey) ? body.messageKey : undefined;
}
