import type { MessageKey } from '~/i18n/catalogue';

/** Codes domain code may throw; each maps to one HTTP status and one translated message. */
const statusByCode = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  throttled: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

/**
 * The one error type of the domain layer. `messageKey` is what the user is shown, in their
 * language; the code decides the HTTP status.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: MessageKey;

  constructor(code: AppErrorCode, messageKey?: MessageKey) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey ?? defaultMessageKey[code];
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

const defaultMessageKey: Record<AppErrorCode, MessageKey> = {
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  invalid: 'error.invalid',
  throttled: 'error.throttled',
  unavailable: 'error.unavailable',
};

/** The HTTP status of a domain error code: the one mapping every route goes through. */
export function httpStatusOf(code: AppErrorCode): number {
  return statusByCode[code];
}

/**
 * The response a route throws for a domain error: the status from the mapping above and the
 * message key the error page translates.
 */
export function appErrorResponse(error: AppError): Response {
  return new Response(JSON.stringify({ messageKey: error.messageKey }), {
    status: error.status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * A sealed text that does not open where it is stored: altered, or copied from another row
 * or field. The user is told the text cannot be opened (409, not a crash); the stored value
 * is left as it is for whoever investigates the log line.
 */
export class UnreadableTextError extends AppError {
  constructor() {
    super('conflict', 'error.unreadable');
    this.name = 'UnreadableTextError';
    // Kept as it was before this became a domain error: ops scripts and tests match on it.
    this.message = 'Note could not be decrypted: data was altered or belongs to another context';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
