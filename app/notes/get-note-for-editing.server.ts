/**
 * Opening a note in its editor. Private parts are readable by their author alone — not the
 * practice owner, not another supervisor, not the supervisee — so anyone else is answered
 * "not found" (./access.server). Both reads are audited.
 */
import { and, eq, sql } from 'drizzle-orm';

import { jsonArray, subqueryValue, toDate } from '#db/json';
import { summaryPublications } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { authorsNote, type authorsSession } from './access.server';
import { recordNoteAccesses } from './audit.server';
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

/**
 * The note with its publications in one query, and one insert for the audit: the editor
 * shows both parts, so both reads are on the record (a row for each, as every other read).
 */
export async function getNoteForEditing(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<NoteForEditing> {
  const p = summaryPublications;
  const { session, note, extra } = await authorsNote(db, actor, sessionId, {
    publications: subqueryValue<{ revision: number; publishedAt: string }[]>(
      db
        .select({
          list: jsonArray({ revision: p.revision, publishedAt: p.publishedAt }, [
            sql`${p.revision} desc`,
          ]),
        })
        .from(p)
        .where(and(eq(p.sessionId, sessionId), eq(p.practiceId, actor.practiceId))),
    ),
  });
  await recordNoteAccesses(
    db,
    (['read_private', 'read_shared'] as const).map((action) => ({
      practiceId: actor.practiceId,
      sessionId,
      actorId: actor.userId,
      action,
    })),
    now,
  );
  const publications = extra.publications.map((publication) => ({
    revision: publication.revision,
    publishedAt: toDate(publication.publishedAt),
  }));
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
