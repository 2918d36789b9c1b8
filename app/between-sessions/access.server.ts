/**
 * Who reaches what a supervisee writes between sessions (docs/decisions/010, 011): their
 * action marks and comments, reflections and messages to the supervisor. The text is the
 * supervisee's: they and the supervisor of the session read it; the owner as such never,
 * another participant of the same group never.
 */
import { and, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contractParticipants, contracts, supervisionSessions } from '#db/schema';
import { AppError } from '~/errors';
import { participatedSessions } from '~/portal/access.server';
import type { Actor, SuperviseeActor } from '~/practices/actor';
import { sessionsContract } from '~/sessions/access.server';

/**
 * Whether the actor may read a supervisee's text on a session: its author (by the client
 * row that stands for them), or the member who supervises the session. Not the owner as
 * owner, not another supervisor, not another participant.
 */
export function mayReadSuperviseeText(
  actor: Actor,
  facts: { authorClientId: string; sessionSupervisorId: string },
): boolean {
  if (actor.kind === 'member') return actor.userId === facts.sessionSupervisorId;
  return actor.clientIds.includes(facts.authorClientId);
}

/**
 * A session of the supervisee's contracts, with the contract's terms and the client row the
 * supervisee takes part as (their own marks, reflections and messages are keyed by it).
 * Anything else is not_found.
 */
export async function loadParticipatedSession(db: Db, actor: SuperviseeActor, sessionId: string) {
  const [row] = await db
    .select({
      session: {
        id: supervisionSessions.id,
        contractId: supervisionSessions.contractId,
        supervisorId: supervisionSessions.supervisorId,
        startsAt: supervisionSessions.startsAt,
        endsAt: supervisionSessions.endsAt,
        status: supervisionSessions.status,
        location: supervisionSessions.location,
        cancelledLate: supervisionSessions.cancelledLate,
        cancelledBy: supervisionSessions.cancelledBy,
        chargeable: supervisionSessions.chargeable,
      },
      contract: {
        id: contracts.id,
        code: contracts.code,
        form: contracts.form,
        location: contracts.location,
        remoteLink: contracts.remoteLink,
        priceCents: contracts.priceCents,
        vatRateBasisPoints: contracts.vatRateBasisPoints,
        cancellationNoticeHours: contracts.cancellationNoticeHours,
        chargeLateCancellation: contracts.chargeLateCancellation,
      },
    })
    .from(supervisionSessions)
    .innerJoin(contracts, sessionsContract)
    .where(and(eq(supervisionSessions.id, sessionId), participatedSessions(actor)));
  if (!row) throw new AppError('not_found');
  const [participant] = await db
    .select({ clientId: contractParticipants.clientId })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.contractId, row.contract.id),
        eq(contractParticipants.practiceId, actor.practiceId),
        inArray(contractParticipants.clientId, [...actor.clientIds]),
      ),
    )
    .limit(1);
  if (!participant) throw new AppError('not_found');
  return { ...row, clientId: participant.clientId };
}

export type ParticipatedSession = Awaited<ReturnType<typeof loadParticipatedSession>>;
