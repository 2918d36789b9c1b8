/**
 * The supervisee's own reflections on a session: before it, what they want to bring; after
 * it, what stayed with them. Their author edits them at any time; the session's supervisor
 * reads them on the staff session page.
 */
import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import {
  contracts,
  type ReflectionMoment,
  sessionReflections,
  supervisionSessions,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { participatedSessions } from '~/portal/access.server';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';
import { sessionsContract } from '~/sessions/access.server';
import { hasStarted } from '~/sessions/outcomes.server';

import { loadParticipatedSession, mayReadSuperviseeText } from './access.server';
import { reflectionContext } from './sealing.server';

export type OwnReflections = Record<ReflectionMoment, string>;

/** The supervisee's own two reflections on a session (empty when not written). */
export async function getOwnReflections(
  { db, keyring }: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
): Promise<OwnReflections> {
  const { clientId } = await loadParticipatedSession(db, actor, sessionId);
  const rows = await db
    .select({
      id: sessionReflections.id,
      moment: sessionReflections.moment,
      textEncrypted: sessionReflections.textEncrypted,
    })
    .from(sessionReflections)
    .where(
      and(
        eq(sessionReflections.sessionId, sessionId),
        eq(sessionReflections.practiceId, actor.practiceId),
        eq(sessionReflections.clientId, clientId),
      ),
    );
  const own: OwnReflections = { before: '', after: '' };
  for (const row of rows) {
    own[row.moment] = decryptText(keyring, row.textEncrypted, reflectionContext(row.id));
  }
  return own;
}

export interface OwnReflection {
  sessionId: string;
  sessionStartsAt: Date;
  contractCode: string;
  moment: ReflectionMoment;
  text: string;
  writtenAt: Date;
  updatedAt: Date;
}

/**
 * Every reflection the supervisee has written in this practice, in session order (for their
 * data export). Only their own: a group-mate's on the same session is another client row's.
 * One query, however many sessions.
 */
export async function listOwnReflections(
  { db, keyring }: DomainContext,
  actor: SuperviseeActor,
): Promise<OwnReflection[]> {
  const rows = await db
    .select({
      id: sessionReflections.id,
      clientId: sessionReflections.clientId,
      moment: sessionReflections.moment,
      textEncrypted: sessionReflections.textEncrypted,
      createdAt: sessionReflections.createdAt,
      updatedAt: sessionReflections.updatedAt,
      sessionId: supervisionSessions.id,
      sessionStartsAt: supervisionSessions.startsAt,
      sessionSupervisorId: supervisionSessions.supervisorId,
      contractCode: contracts.code,
    })
    .from(sessionReflections)
    .innerJoin(
      supervisionSessions,
      and(
        eq(supervisionSessions.id, sessionReflections.sessionId),
        eq(supervisionSessions.practiceId, sessionReflections.practiceId),
      ),
    )
    .innerJoin(contracts, sessionsContract)
    .where(
      and(
        eq(sessionReflections.practiceId, actor.practiceId),
        inArray(sessionReflections.clientId, [...actor.clientIds]),
        participatedSessions(actor),
      ),
    )
    // 'before' sorts after 'after': descending puts each session's reflections in time order.
    .orderBy(asc(supervisionSessions.startsAt), desc(sessionReflections.moment));
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
      moment: row.moment,
      text: decryptText(keyring, row.textEncrypted, reflectionContext(row.id)),
      writtenAt: row.createdAt,
      updatedAt: row.updatedAt,
    }));
}

/** Whether a reflection of this moment can be written now: "after" once the session began. */
export function mayWriteReflection(
  session: { status: string; startsAt: Date },
  moment: ReflectionMoment,
  now: Date,
): boolean {
  if (session.status === 'cancelled') return false;
  return moment === 'before' || hasStarted(session.startsAt, now);
}

/** Saves the supervisee's reflection; an empty text removes it. */
export async function saveReflection(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
  input: { moment: ReflectionMoment; text: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, clientId } = await loadParticipatedSession(tx, actor, sessionId);
    if (!mayWriteReflection(session, input.moment, now)) {
      throw new AppError('conflict', 'between.reflection.notNow');
    }
    const own = and(
      eq(sessionReflections.sessionId, sessionId),
      eq(sessionReflections.practiceId, actor.practiceId),
      eq(sessionReflections.clientId, clientId),
      eq(sessionReflections.moment, input.moment),
    );
    const [existing] = await tx
      .select({ id: sessionReflections.id })
      .from(sessionReflections)
      .where(own);
    if (!input.text) {
      if (existing) await tx.delete(sessionReflections).where(own);
      return;
    }
    const id = existing?.id ?? randomUUID();
    const textEncrypted = encryptText(keyring, input.text, reflectionContext(id));
    if (existing) {
      await tx
        .update(sessionReflections)
        .set({ textEncrypted, authorId: actor.userId })
        .where(eq(sessionReflections.id, id));
    } else {
      await tx.insert(sessionReflections).values({
        id,
        practiceId: actor.practiceId,
        sessionId,
        clientId,
        authorId: actor.userId,
        moment: input.moment,
        textEncrypted,
      });
    }
  });
}
