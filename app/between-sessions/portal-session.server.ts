/** One session as the supervisee sees it in the portal: when, where, what they may do. */
import { and, eq } from 'drizzle-orm';

import { summaryPublications } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { SuperviseeActor } from '~/practices/actor';
import { superviseeCancellation } from '~/sessions/outcomes.server';

import { loadParticipatedSession } from './access.server';
import { getOwnReflections, mayWriteReflection } from './reflections.server';

export async function getPortalSession(
  ctx: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
) {
  const { db, now } = ctx;
  const { session, contract } = await loadParticipatedSession(db, actor, sessionId);
  const [published] = await db
    .select({ id: summaryPublications.id })
    .from(summaryPublications)
    .where(
      and(
        eq(summaryPublications.sessionId, sessionId),
        eq(summaryPublications.practiceId, actor.practiceId),
      ),
    )
    .limit(1);
  const coming = session.status === 'scheduled' && session.startsAt.getTime() > now.getTime();
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      status: session.status,
      cancelledLate: session.cancelledLate,
      cancelledBy: session.cancelledBy,
      chargeable: session.chargeable,
    },
    contract: {
      code: contract.code,
      form: contract.form,
      cancellationNoticeHours: contract.cancellationNoticeHours,
      chargeLateCancellation: contract.chargeLateCancellation,
      priceCents: contract.priceCents,
      vatRateBasisPoints: contract.vatRateBasisPoints,
    },
    place: session.location ?? contract.location,
    remoteLink: contract.remoteLink,
    hasSummary: Boolean(published),
    reflections: await getOwnReflections(ctx, actor, sessionId),
    mayWrite: {
      before: mayWriteReflection(session, 'before', now),
      after: mayWriteReflection(session, 'after', now),
    },
    cancellation: superviseeCancellation(contract, session, now),
    /** A coming session: the supervisee may ask for a new time or say they cannot come. */
    coming,
  };
}

export type PortalSessionView = Awaited<ReturnType<typeof getPortalSession>>;
