/**
 * What the supervisees wrote about a session, for its supervisor on the staff session page:
 * reflections, how they marked the agreed actions (with comments), and their messages.
 * The owner reaches it only as the session's supervisor.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';

import {
  type ActionMarkState,
  agreedActionMarks,
  agreedActions,
  clients,
  contractParticipants,
  type ReflectionMoment,
  sessionReflections,
  type SessionRequestKind,
  sessionRequests,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { actionContext } from '~/notes/note-sealing.server';
import type { MemberActor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';
import { loadOwnSession } from '~/sessions/access.server';

import { mayReadSuperviseeText } from './access.server';
import { markCommentContext, reflectionContext, requestContext } from './sealing.server';

export interface SuperviseeWork {
  participants: {
    clientId: string;
    name: string;
    reflections: { moment: ReflectionMoment; text: string; updatedAt: Date }[];
    marks: { actionId: string; state: ActionMarkState; comment: string }[];
    requests: { kind: SessionRequestKind; message: string; createdAt: Date }[];
  }[];
  actions: { id: string; text: string }[];
}

export async function getSuperviseeWork(
  { db, keyring }: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<SuperviseeWork> {
  const { session, contract } = await loadOwnSession(db, actor, sessionId);
  const [people, reflections, actions, requests] = await Promise.all([
    db
      .select({ clientId: clients.id, name: clients.name })
      .from(contractParticipants)
      .innerJoin(
        clients,
        and(
          eq(clients.id, contractParticipants.clientId),
          eq(clients.practiceId, contractParticipants.practiceId),
        ),
      )
      .where(
        and(
          eq(contractParticipants.contractId, contract.id),
          eq(contractParticipants.practiceId, actor.practiceId),
        ),
      )
      .orderBy(asc(clients.name)),
    db
      .select()
      .from(sessionReflections)
      .where(
        and(
          eq(sessionReflections.sessionId, sessionId),
          eq(sessionReflections.practiceId, actor.practiceId),
        ),
      ),
    db
      .select({ id: agreedActions.id, textEncrypted: agreedActions.textEncrypted })
      .from(agreedActions)
      .where(
        and(eq(agreedActions.sessionId, sessionId), eq(agreedActions.practiceId, actor.practiceId)),
      )
      .orderBy(asc(agreedActions.position)),
    db
      .select()
      .from(sessionRequests)
      .where(
        and(
          eq(sessionRequests.sessionId, sessionId),
          eq(sessionRequests.practiceId, actor.practiceId),
        ),
      )
      .orderBy(asc(sessionRequests.createdAt)),
  ]);
  const marks =
    actions.length === 0
      ? []
      : await db
          .select()
          .from(agreedActionMarks)
          .where(
            and(
              inArray(
                agreedActionMarks.actionId,
                actions.map((a) => a.id),
              ),
              eq(agreedActionMarks.practiceId, actor.practiceId),
            ),
          );
  const readable = (authorClientId: string) =>
    mayReadSuperviseeText(actor, { authorClientId, sessionSupervisorId: session.supervisorId });
  return {
    actions: actions.map((a) => ({
      id: a.id,
      text: decryptText(keyring, a.textEncrypted, actionContext(a.id)),
    })),
    participants: people
      .filter((p) => readable(p.clientId))
      .map((p) => ({
        ...p,
        reflections: reflections
          .filter((r) => r.clientId === p.clientId)
          .sort((a, b) => (a.moment === 'before' ? -1 : b.moment === 'before' ? 1 : 0))
          .map((r) => ({
            moment: r.moment,
            text: decryptText(keyring, r.textEncrypted, reflectionContext(r.id)),
            updatedAt: r.updatedAt,
          })),
        marks: marks
          .filter((m) => m.clientId === p.clientId)
          .map((m) => ({
            actionId: m.actionId,
            state: m.state,
            comment: m.commentEncrypted
              ? decryptText(keyring, m.commentEncrypted, markCommentContext(m.id))
              : '',
          })),
        requests: requests
          .filter((r) => r.clientId === p.clientId)
          .map((r) => ({
            kind: r.kind,
            message: decryptText(keyring, r.messageEncrypted, requestContext(r.id)),
            createdAt: r.createdAt,
          })),
      })),
  };
}
