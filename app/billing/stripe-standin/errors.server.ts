/**
 * Errors in the shape Stripe's API returns them (docs.stripe.com/api/errors): an HTTP status
 * and `{ error: { type, code?, message, param? } }`, which the SDK turns into its own error
 * classes (400/404 → StripeInvalidRequestError, 401 → StripeAuthenticationError, …).
 */
export type StripeErrorType = 'invalid_request_error' | 'idempotency_error' | 'api_error';

export class StandinError extends Error {
  readonly status: number;
  readonly type: StripeErrorType;
  readonly code: string | undefined;
  readonly param: string | undefined;
  /**
   * Stripe keeps an idempotent result only once an endpoint has begun to act, not when the
   * parameters fail validation (docs.stripe.com/api/idempotent_requests): a refused state
   * change is replayed for its key, a malformed request is not.
   */
  readonly replayable: boolean;

  constructor(options: {
    status: number;
    type?: StripeErrorType;
    code?: string;
    param?: string;
    message: string;
    replayable?: boolean;
  }) {
    super(options.message);
    this.name = 'StandinError';
    this.status = options.status;
    this.type = options.type ?? 'invalid_request_error';
    this.code = options.code;
    this.param = options.param;
    this.replayable = options.replayable ?? false;
  }

  get body(): { error: { type: string; code?: string; message: string; param?: string } } {
    return {
      error: {
        type: this.type,
        ...(this.code ? { code: this.code } : {}),
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

/** A parameter that is missing, malformed or out of bounds. */
export function invalidParam(param: string, message: string, code?: string): StandinError {
  return new StandinError({ status: 400, param, message, ...(code ? { code } : {}) });
}

export function missingParam(param: string): StandinError {
  return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
}

/** An id that names nothing in the requesting account: Stripe's 404 `resource_missing`. */
export function noSuch(kind: string, id: string, param = 'id'): StandinError {
  const status = param === 'id' ? 404 : 400;
  return new StandinError({
    status,
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

/** A state change the object's current state does not allow (e.g. voiding a paid invoice). */
export function illegalTransition(message: string, code?: string): StandinError {
  return new StandinError({ status: 400, message, replayable: true, ...(code ? { code } : {}) });
}
