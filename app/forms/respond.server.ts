import { data } from '@remix-run/node';

/** What an action answers when its form did not validate (see docs/decisions/009-forms.md). */
export type BadRequest<T> = ReturnType<typeof data<T>>;

/**
 * A form that failed validation goes back with status 400, so the browser, tests and logs
 * see a refused request rather than a success; the page renders it like any action data.
 */
export function badRequest<T>(body: T): BadRequest<T> {
  return data(body, { status: 400 });
}

function isBadRequest<T>(result: T | BadRequest<T>): result is BadRequest<T> {
  return (
    typeof result === 'object' &&
    result !== null &&
    'type' in result &&
    result.type === 'DataWithResponseInit'
  );
}

/** An action's result as the page sees it, with the status the browser gets. */
export function unwrapActionResult<T>(result: T | BadRequest<T>): { status: number; data: T } {
  if (isBadRequest(result)) return { status: result.init?.status ?? 200, data: result.data };
  return { status: result instanceof Response ? result.status : 200, data: result };
}
