/**
 * A supervisee's message to the supervisor about a coming session: asking for a new time
 * (nothing is booked) or, in a group, saying they cannot come. The text is sealed here and
 * read on the staff session page; the mail only says that a message is waiting.
 */
import { randomUUID } from 'node:crypto';

import { and, asc, eq, inArray } from 'drizzle-orm';

import {
  contracts,
  type SessionRequestKind,
  sessionRequests,
  supervisionSessions,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { superviseeRequestEmail } from '~/email/templates';
import { AppError } from '~/errors';
import { participatedSessions } from '~/portal/access.server';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';
import { sessionsContract } from '~/sessions/access.server';
import { hasStarted } from '~/sessions/outcomes.server';

import { loadParticipatedSession, mayReadSuperviseeText } from './access.server';
import { mailSessionSupervisor } from './mail.server';
import { requestContext } from './sealing.server';

export async function askSupervisor(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
  input: { kind: SessionRequestKind; message: string; appOrigin: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, contract, clientId } = await loadParticipatedSession(tx, actor, sessionId);
    if (session.status !== 'scheduled' || hasStarted(session.startsAt, now)) {
      throw new AppError('conflict', 'between.request.notComing');
    }
    const id = randomUUID();
    await tx.insert(sessionRequests).values({
      id,
      practiceId: actor.practiceId,
      sessionId,
      clientId,
      requestedBy: actor.userId,
      kind: input.kind,
      messageEncrypted: encryptText(keyring, input.message, requestContext(id)),
      createdAt: now,
    });
    await mailSessionSupervisor(tx, {
      practiceId: actor.practiceId,
      supervisorId: session.supervisorId,
      startsAt: session.startsAt,
      compose: (locale, when) =>
        superviseeRequestEmail(locale, {
          kind: input.kind,
          code: contract.code,
          when,
          link: `${input.appOrigin}/sessions/${sessionId}`,
        }),
    });
  });
}

export interface OwnRequest {
  sessionId: string;
  sessionStartsAt: Date;
  contractCode: string;
  kind: SessionRequestKind;
  message: string;
  sentAt: Date;
}

/**
 * Every message the supervisee has sent their supervisor in this practice, oldest first (for
 * their data export). A group-mate's message about the same session is not theirs. One query.
 */
export async function listOwnRequests(
  { db, keyring }: DomainContext,
  actor: SuperviseeActor,
): Promise<OwnRequest[]> {
  const rows = await db
    .select({
      id: sessionRequests.id,
      clientId: sessionRequests.clientId,
      kind: sessionRequests.kind,
      messageEncrypted: sessionRequests.messageEncrypted,
      sentAt: sessionRequests.createdAt,
      sessionId: supervisionSessions.id,
      sessionStartsAt: supervisionSessions.startsAt,
      sessionSupervisorId: supervisionSessions.supervisorId,
      contractCode: contracts.code,
    })
    .from(sessionRequests)
    .innerJoin(
      supervisionSessions,
      and(
        eq(supervisionSessions.id, sessionRequests.sessionId),
        eq(supervisionSessions.practiceId, sessionRequests.practiceId),
      ),
    )
    .innerJoin(contracts, sessionsContract)
    .where(
      and(
        eq(sessionRequests.practiceId, actor.practiceId),
        inArray(sessionRequests.clientId, [...actor.clientIds]),
        participatedSessions(actor),
      ),
    )
    .orderBy(asc(sessionRequests.createdAt), asc(sessionRequests.id));
  return rows
    .filter((row) =>
      mayReadSuperviseeText(actor, {
        authorClientId: row.clientId,
        sessionSupervisorId: row.sessionSupervisorId,
      }),
    )
    .map((row) => ({
      sessionId: row.sessionId,
      sessionStartsAt: row.sessionStartsAt,
      contractCode: row.contractCode,
      kind: row.kind,
      message: decryptText(keyring, row.messageEncrypted, requestContext(row.id)),
      sentAt: row.sentAt,
    }));
}
