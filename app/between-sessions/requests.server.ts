/**
 * A supervisee's message to the supervisor about a coming session: asking for a new time
 * (nothing is booked) or, in a group, saying they cannot come. The text is sealed here and
 * read on the staff session page; the mail only says that a message is waiting.
 */
import { randomUUID } from 'node:crypto';

import { type SessionRequestKind, sessionRequests } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { superviseeRequestEmail } from '~/email/templates';
import { AppError } from '~/errors';
import type { SuperviseeActor } from '~/practices/actor';
import { encryptText } from '~/security/sealing.server';
import { hasStarted } from '~/sessions/outcomes.server';

import { loadParticipatedSession } from './access.server';
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
