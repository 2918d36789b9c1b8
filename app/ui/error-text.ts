import type { MessageKey } from '~/i18n';

export interface ErrorText {
  title: MessageKey;
  message: MessageKey;
}

/** Each status a user can meet has its own heading; anything else is "something went wrong". */
const errorTextByStatus: Record<number, ErrorText> = {
  400: { title: 'error.badRequestTitle', message: 'error.badRequest' },
  401: { title: 'error.title', message: 'error.unauthenticated' },
  403: { title: 'error.forbiddenTitle', message: 'error.forbidden' },
  404: { title: 'error.notFoundTitle', message: 'error.notFound' },
  405: { title: 'error.badRequestTitle', message: 'error.badRequest' },
  409: { title: 'error.conflictTitle', message: 'error.conflict' },
  413: { title: 'error.badRequestTitle', message: 'error.badRequest' },
  429: { title: 'error.throttledTitle', message: 'error.throttled' },
  503: { title: 'error.unavailableTitle', message: 'error.unavailable' },
};

export const unexpectedErrorText: ErrorText = { title: 'error.title', message: 'error.unexpected' };

/** Domain messages that need a heading of their own rather than their status's. */
const titleByMessage: Partial<Record<MessageKey, MessageKey>> = {
  'error.unreadable': 'error.unreadableTitle',
};

/**
 * The heading and sentence shown for an HTTP status, by the app's pages and by Express alike;
 * a domain error's own message (see appErrorResponse) replaces the status's sentence.
 */
export function errorTextFor(status: number, messageKey?: MessageKey): ErrorText {
  const text = errorTextByStatus[status] ?? unexpectedErrorText;
  if (!messageKey) return text;
  return { title: titleByMessage[messageKey] ?? text.title, message: messageKey };
}
