import { throwAsResponse } from '~/auth/guards.server';
import { isAppError } from '~/errors';
import { type FormFailure, formFailure } from '~/forms/parse';
import { type BadRequest, refused } from '~/forms/respond.server';
import type { MessageKey } from '~/i18n';

/** Domain refusals that belong to one field of the form rather than to the whole page. */
const fieldOfDomainError: Partial<Record<MessageKey, string>> = {
  'contracts.codeTaken': 'code',
  'contracts.supervisorNotAllowed': 'supervisorId',
  'contracts.supervisorUnknown': 'supervisorId',
  'contracts.supervisorLocked': 'supervisorId',
  'contracts.commissionerUnknown': 'commissionerId',
  'contracts.participantUnknown': 'participants',
};

/**
 * Turns a refusal of the domain into the contract form shown again, with the message at its
 * field and the status of the error's code (a code already taken is a 409). Anything that
 * is not the form's business (not found, forbidden, a crash) goes to the error page.
 */
export function contractFormRefusal(form: FormData, error: unknown): BadRequest<FormFailure> {
  if (!isAppError(error)) return throwAsResponse(error);
  const field = fieldOfDomainError[error.messageKey];
  if (field) return refused(error, formFailure(form, { [field]: [error.messageKey] }));
  if (error.code === 'conflict' || error.code === 'invalid')
    return refused(error, formFailure(form, {}, error.messageKey));
  return throwAsResponse(error);
}
