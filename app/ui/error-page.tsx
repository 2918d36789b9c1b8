import { isRouteErrorResponse, Link } from '@remix-run/react';

import { useT } from '~/i18n/react';

import { errorTextFor, unexpectedErrorText } from './error-text';

/** What a user sees instead of a failed page: a translated sentence, never a stack trace. */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const text = isRouteErrorResponse(error) ? errorTextFor(error.status) : unexpectedErrorText;
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
