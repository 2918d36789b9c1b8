import { throwAsResponse } from '~/auth/guards.server';
import { isAppError } from '~/errors';
import { formFailure } from '~/forms/parse';
import { type BadRequest, refused } from '~/forms/respond.server';
import type { MessageKey } from '~/i18n';

import { AllowanceExceededError } from './allowance.server';
import { SeriesCollisionError } from './booking.server';
import type { BookingProblem } from './form-parts';

// Refusals about one field's value are shown beside that field, like a validation error.
const fieldOfRefusal: Partial<Record<MessageKey, string>> = {
  'sessions.cancelledAtFuture': 'cancelledAt',
  'sessions.notAParticipant': 'attended',
  'sessions.everyWeeksNeeded': 'everyWeeks',
};

/**
 * Turns a refused booking or change into what the form shows: the reason, whether to ask
 * about a past time or going past the allowance, and which dates of a series collide, with
 * the status of the error's code (a double booking is a 409). What the user typed is kept.
 * A missing session or contract is a 404 page, not a form error. `extra` joins the body
 * (e.g. which of a page's forms was sent).
 */
export function bookingProblem<Extra extends object = object>(
  form: FormData,
  error: unknown,
  extra: Extra,
): BadRequest<Extra & BookingProblem> {
  if (!isAppError(error) || error.code === 'not_found') throwAsResponse(error);
  const field = fieldOfRefusal[error.messageKey];
  const problem: BookingProblem = {
    failure: field
      ? formFailure(form, { [field]: [error.messageKey] })
      : formFailure(form, {}, error.messageKey),
    needsPastConfirmation: error.messageKey === 'sessions.confirmPast',
    collisions: error instanceof SeriesCollisionError ? error.collisions : [],
    ...(error instanceof AllowanceExceededError ? { allowance: error.allowance } : {}),
  };
  return refused(error, { ...extra, ...problem });
}
