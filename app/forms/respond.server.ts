import { data } from '@remix-run/node';

import { type AppError, httpStatusOf } from '~/errors';

/** What an action answers when its form did not validate (see docs/decisions/009-forms.md). */
export type BadRequest<T> = ReturnType<typeof data<T>>;

/**
 * A form that failed validation goes back with status 400, so the browser, tests and logs
 * see a refused request rather than a success; the page renders it like any action data.
 */
export function badRequest<T>(body: T): BadRequest<T> {
  return data(body, { status: 400 });
}

/**
 * A form the domain refused goes back with the status of the one mapping in app/errors.ts
 * (invalid 400, forbidden 403, not_found 404, conflict 409, throttled 429), so a double
 * booking or a stale edit is never answered as a success; the page shows it on its form.
 */
export function refused<T>(error: AppError, body: T): BadRequest<T> {
  return data(body, { status: httpStatusOf(error.code) });
}

function isBadRequest(result: unknown): result is BadRequest<unknown> {
  return (
    typeof result === 'object' &&
    result !== null &&
    'type' in result &&
    result.type === 'DataWithResponseInit'
  );
}

/** What the page receives from an action result: the body of data(), anything else as is. */
export type ActionData<R> = R extends BadRequest<infer T> ? T : R;

/** An action's result as the page sees it, with the status the browser gets. */
export function unwrapActionResult<R>(result: R): { status: number; data: ActionData<R> } {
  // The casts only restate what isBadRequest proved, per member of the union R.
  if (isBadRequest(result)) {
    return { status: result.init?.status ?? 200, data: result.data as ActionData<R> };
  }
  return {
    status: result instanceof Response ? result.status : 200,
    data: result as ActionData<R>,
  };
}
