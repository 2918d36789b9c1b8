/**
 * The supervisee's own reflections on a session: before it, what they want to bring; after
 * it, what stayed with them. Their author edits them at any time; the session's supervisor
 * reads them on the staff session page.
 */
import { randomUUID } from 'node:crypto';

import { and, eq } from 'drizzle-orm';

import { type ReflectionMoment, sessionReflections } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';
import { hasStarted } from '~/sessions/outcomes.server';

import { loadParticipatedSession } from './access.server';
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
