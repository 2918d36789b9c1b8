/** Publishing a note's shared draft to the supervisee(s). */
import { randomUUID } from 'node:crypto';

import { and, eq, inArray, max } from 'drizzle-orm';

import { agreedActions, sessionNotes, summaryPublications } from '#db/schema';
import { carryMarksOver } from '~/between-sessions/action-marks.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { decryptText, encryptText } from '~/security/sealing.server';
import { mailSummaryPublished } from '~/session-mail/summary-published-mail.server';

import { authoredNote, authorsSession } from './access.server';
import { recordNoteAccess } from './audit.server';
import { actionContext, openShared } from './note-sealing.server';
import { publicationContext } from './published-summary.server';

/**
 * Where the supervisees' mail points: the portal, at this deployment's public address. Null
 * mails nobody, for summaries that are history when written (the demo data).
 */
export type PublishMailSetup = { appOrigin: string } | null;

/**
 * Releases the current shared draft to the supervisee(s) as a new revision; earlier
 * revisions stay as history. Agreed actions are replaced by the draft's, keeping "done" and
 * the supervisees' marks on actions whose text did not change. The first publication of a
 * session is mailed to its supervisees (that there is a summary, not what it says);
 * revisions are not.
 */
export async function publishSummary(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  mail: PublishMailSetup,
): Promise<{ revision: number }> {
  return db.transaction(async (tx) => {
    const session = await authorsSession(tx, actor, sessionId);
    // A summary tells the supervisee what was talked about: only a held session has one.
    if (session.status !== 'held') throw new AppError('conflict', 'notes.publishNeedsHeld');
    const [note] = await tx
      .select({ sharedDraftEncrypted: sessionNotes.sharedDraftEncrypted })
      .from(sessionNotes)
      .where(authoredNote(actor, sessionId));
    const shared = openShared(keyring, note?.sharedDraftEncrypted ?? null, sessionId);
    const hasContent =
      shared.actions.length > 0 ||
      [shared.role, shared.power, shared.environment, shared.dialogue].some((t) => t.trim());
    if (!hasContent) throw new AppError('invalid', 'notes.nothingToPublish');

    const [latest] = await tx
      .select({ revision: max(summaryPublications.revision) })
      .from(summaryPublications)
      .where(
        and(
          eq(summaryPublications.sessionId, sessionId),
          eq(summaryPublications.practiceId, actor.practiceId),
        ),
      );
    const revision = (latest?.revision ?? 0) + 1;
    const publicationId = randomUUID();
    await tx.insert(summaryPublications).values({
      id: publicationId,
      sessionId,
      practiceId: actor.practiceId,
      revision,
      contentEncrypted: encryptText(
        keyring,
        JSON.stringify(shared),
        publicationContext(publicationId),
      ),
      publishedBy: actor.userId,
      publishedAt: now,
    });

    const previous = await tx
      .select()
      .from(agreedActions)
      .where(
        and(eq(agreedActions.sessionId, sessionId), eq(agreedActions.practiceId, actor.practiceId)),
      );
    const previousTexts = previous.map((a) => ({
      id: a.id,
      text: decryptText(keyring, a.textEncrypted, actionContext(a.id)),
      doneAt: a.doneAt,
    }));
    const doneByText = new Map(previousTexts.map((a) => [a.text, a.doneAt]));
    const next = shared.actions.map((text) => ({ id: randomUUID(), text }));
    if (next.length > 0) {
      await tx.insert(agreedActions).values(
        next.map(({ id, text }, position) => ({
          id,
          sessionId,
          practiceId: actor.practiceId,
          position,
          textEncrypted: encryptText(keyring, text, actionContext(id)),
          doneAt: doneByText.get(text) ?? null,
        })),
      );
    }
    // The supervisees' marks follow their action's text to the new rows before the old go.
    await carryMarksOver(tx, keyring, actor.practiceId, previousTexts, next);
    if (previous.length > 0) {
      await tx.delete(agreedActions).where(
        and(
          eq(agreedActions.practiceId, actor.practiceId),
          inArray(
            agreedActions.id,
            previous.map((a) => a.id),
          ),
        ),
      );
    }
    await recordNoteAccess(
      tx,
      { practiceId: actor.practiceId, sessionId, actorId: actor.userId, action: 'publish' },
      now,
    );
    if (revision === 1 && mail) {
      await mailSummaryPublished(tx, {
        practiceId: actor.practiceId,
        sessionId,
        appOrigin: mail.appOrigin,
      });
    }
    return { revision };
  });
}
