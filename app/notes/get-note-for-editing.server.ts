/**
 * Opening a note in its editor. Private parts are readable by their author alone — not the
 * practice owner, not another supervisor, not the supervisee — so anyone else is answered
 * "not found" (./access.server). Both reads are audited.
 */
import { and, desc, eq } from 'drizzle-orm';

import { sessionNotes, summaryPublications } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { authoredNote, authorsSession } from './access.server';
import { recordNoteAccess } from './audit.server';
import { emptyPrivateNote, emptySharedDraft, type PrivateNote, type SharedDraft } from './content';
import { openPrivate, openShared } from './note-sealing.server';
import type { Theme } from './themes';

export interface NoteForEditing {
  session: Awaited<ReturnType<typeof authorsSession>>;
  /** 0 before anything has been saved. */
  version: number;
  private: PrivateNote;
  shared: SharedDraft;
  themes: Theme[];
  updatedAt: Date | null;
  publications: { revision: number; publishedAt: Date }[];
}

export async function getNoteForEditing(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<NoteForEditing> {
  const session = await authorsSession(db, actor, sessionId);
  const [note] = await db.select().from(sessionNotes).where(authoredNote(actor, sessionId));
  const publications = await db
    .select({
      revision: summaryPublications.revision,
      publishedAt: summaryPublications.publishedAt,
    })
    .from(summaryPublications)
    .where(
      and(
        eq(summaryPublications.sessionId, sessionId),
        eq(summaryPublications.practiceId, actor.practiceId),
      ),
    )
    .orderBy(desc(summaryPublications.revision));
  // The editor shows both parts, so both reads are on the record.
  for (const action of ['read_private', 'read_shared'] as const) {
    await recordNoteAccess(
      db,
      { practiceId: actor.practiceId, sessionId, actorId: actor.userId, action },
      now,
    );
  }
  if (!note) {
    return {
      session,
      version: 0,
      private: emptyPrivateNote,
      shared: emptySharedDraft,
      themes: [],
      updatedAt: null,
      publications,
    };
  }
  return {
    session,
    version: note.version,
    private: openPrivate(keyring, note.privateEncrypted, sessionId),
    shared: openShared(keyring, note.sharedDraftEncrypted, sessionId),
    themes: note.themes,
    updatedAt: note.updatedAt,
    publications,
  };
}
