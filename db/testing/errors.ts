import { expect } from 'vitest';

import { AppError } from '~/errors';

/** Expects the promise to reject with an AppError showing the user `messageKey`. */
export async function expectAppError(promise: Promise<unknown>, messageKey: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).messageKey).toBe(messageKey);
}
