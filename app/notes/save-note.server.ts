/** Saving a note: its author only, sealed before it is stored, and audited. */
import { and, eq } from 'drizzle-orm';

import { sessionNotes } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { encryptText } from '~/security/sealing.server';

import { authoredNote, authorsSession } from './access.server';
import { recordNoteAccess } from './audit.server';
import { deriveThemes, type PrivateNote, type SharedDraft } from './content';
import { privateContext, sharedContext } from './note-sealing.server';
import type { Theme } from './themes';

export interface SaveNoteInput {
  /** The version the editor started from; a save on top of a newer one is refused. */
  baseVersion: number;
  private: PrivateNote;
  shared: SharedDraft;
  /** The themes ticked by the supervisor, or null to derive them from what is written. */
  themes: Theme[] | null;
}

/**
 * Saves the note if nobody saved over `baseVersion` meanwhile; otherwise throws
 * `conflict` / notes.staleEdit and changes nothing, so no one's text is silently lost.
 */
export async function saveNote(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
  input: SaveNoteInput,
): Promise<{ version: number; themes: Theme[] }> {
  const themes = input.themes ?? deriveThemes(input.private, input.shared);
  const sealed = {
    privateEncrypted: encryptText(
      keyring,
      JSON.stringify(input.private),
      privateContext(sessionId),
    ),
    sharedDraftEncrypted: encryptText(
      keyring,
      JSON.stringify(input.shared),
      sharedContext(sessionId),
    ),
    themes,
    updatedAt: now,
  };
  return db.transaction(async (tx) => {
    await authorsSession(tx, actor, sessionId);
    const saved =
      input.baseVersion === 0
        ? await tx
            .insert(sessionNotes)
            .values({ sessionId, practiceId: actor.practiceId, authorId: actor.userId, ...sealed })
            .onConflictDoNothing()
            .returning({ version: sessionNotes.version })
        : await tx
            .update(sessionNotes)
            .set({ ...sealed, version: input.baseVersion + 1 })
            .where(and(authoredNote(actor, sessionId), eq(sessionNotes.version, input.baseVersion)))
            .returning({ version: sessionNotes.version });
    const [row] = saved;
    if (!row) throw new AppError('conflict', 'notes.staleEdit');
    for (const action of ['write_private', 'write_shared'] as const) {
      await recordNoteAccess(
        tx,
        { practiceId: actor.practiceId, sessionId, actorId: actor.userId, action },
        now,
      );
    }
    return { version: row.version, themes };
  });
}
