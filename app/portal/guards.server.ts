import type { AppLoadContext } from '@remix-run/node';

import { requireUser } from '~/auth/guards.server';
import type { ValidatedSession } from '~/auth/session.server';
import { AppError, appErrorResponse } from '~/errors';
import type { SuperviseeActor } from '~/practices/actor';

import { listPortalPractices, type PortalPractice } from './access.server';

export interface PortalActor extends SuperviseeActor {
  practiceName: string;
  auth: ValidatedSession;
  /** Every practice where the user is a supervisee, for the practice switcher. */
  practices: PortalPractice[];
}

/**
 * The signed-in supervisee in their current practice: the session's practice when they have
 * live access there, else their first. A user without live portal access gets 403 — access
 * is looked up on every request (with the session), so a revoked supervisee is out at once.
 */
export async function requireSupervisee(
  request: Request,
  context: AppLoadContext,
): Promise<PortalActor> {
  const auth = requireUser(request, context);
  // On a page read they came with the session (app/http/express-app.server.ts).
  const practices = auth.portalPractices ?? (await listPortalPractices(context.db, auth.user.id));
  const active = practices.find((p) => p.practiceId === auth.session.practiceId) ?? practices[0];
  if (!active) throw appErrorResponse(new AppError('forbidden', 'portal.noAccess.body'));
  return {
    kind: 'supervisee',
    userId: auth.user.id,
    practiceId: active.practiceId,
    practiceName: active.practiceName,
    clientIds: practices.filter((p) => p.practiceId === active.practiceId).map((p) => p.clientId),
    auth,
    practices,
  };
}
