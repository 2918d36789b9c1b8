import { isRouteErrorResponse, Link } from '@remix-run/react';

import type { MessageKey } from '~/i18n';
import { useT } from '~/i18n/react';

const messageByStatus: Record<number, MessageKey> = {
  401: 'error.unauthenticated',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  429: 'error.throttled',
};

/** What a user sees instead of a failed page: a translated sentence, never a stack trace. */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const key: MessageKey = isRouteErrorResponse(error)
    ? (messageByStatus[error.status] ?? 'error.unexpected')
    : 'error.unexpected';
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('error.title')}</h1>
      <p>{t(key)}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </div>
  );
}
