/**
 * Session notes. Private parts are readable by their author alone — not the practice owner,
 * not another supervisor, not the supervisee — so every function here first proves the
 * actor's right through ./access.server, and answers "not found" to anyone else. All text
 * is sealed with the note keys before it is stored, and every read and write is audited.
 */
import { randomUUID } from 'node:crypto';

import { and, desc, eq, max } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  agreedActions,
  sessionNotes,
  summaryPublications,
} from '#db/schema';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { decryptText, encryptText, type NoteKeyring } from '~/security/sealing.server';

import { authoredNote, authorsSession } from './access.server';
import { recordNoteAccess } from './audit.server';
import {
  deriveThemes,
  emptyPrivateNote,
  emptySharedDraft,
  type PrivateNote,
  privateNoteSchema,
  type SharedDraft,
  sharedDraftSchema,
} from './content';
import { publicationContext } from './published-summary.server';
import type { Theme } from './themes';

export { getPublishedSummary } from './published-summary.server';

const privateContext = (sessionId: string) => `session-note:${sessionId}:private`;
const sharedContext = (sessionId: string) => `session-note:${sessionId}:shared`;
const actionContext = (actionId: string) => `agreed-action:${actionId}`;

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
  db: Db,
  actor: MemberActor,
  sessionId: string,
  keyring: NoteKeyring,
  now = new Date(),
): Promise<NoteForEditing> {
  const session = await authorsSession(db, actor, sessionId);
  const [note] = await db
    .select()
    .from(sessionNotes)
    .where(authoredNote(actor, sessionId));
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

function openPrivate(keyring: NoteKeyring, sealed: string | null, sessionId: string) {
  if (!sealed) return emptyPrivateNote;
  return privateNoteSchema.parse(
    JSON.parse(decryptText(keyring, sealed, privateContext(sessionId))),
  );
}

function openShared(keyring: NoteKeyring, sealed: string | null, sessionId: string) {
  if (!sealed) return emptySharedDraft;
  return sharedDraftSchema.parse(
    JSON.parse(decryptText(keyring, sealed, sharedContext(sessionId))),
  );
}

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
  db: Db,
  actor: MemberActor,
  sessionId: string,
  input: SaveNoteInput,
  keyring: NoteKeyring,
  now = new Date(),
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

/**
 * Releases the current shared draft to the supervisee(s) as a new revision; earlier
 * revisions stay as history. Agreed actions are replaced by the draft's, keeping "done" on
 * actions whose text did not change.
 */
export async function publishSummary(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  keyring: NoteKeyring,
  now = new Date(),
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
    const doneByText = new Map(
      previous.map((a) => [decryptText(keyring, a.textEncrypted, actionContext(a.id)), a.doneAt]),
    );
    await tx
      .delete(agreedActions)
      .where(
        and(eq(agreedActions.sessionId, sessionId), eq(agreedActions.practiceId, actor.practiceId)),
      );
    if (shared.actions.length > 0) {
      await tx.insert(agreedActions).values(
        shared.actions.map((text, position) => {
          const id = randomUUID();
          return {
            id,
            sessionId,
            practiceId: actor.practiceId,
            position,
            textEncrypted: encryptText(keyring, text, actionContext(id)),
            doneAt: doneByText.get(text) ?? null,
          };
        }),
      );
    }
    await recordNoteAccess(
      tx,
      { practiceId: actor.practiceId, sessionId, actorId: actor.userId, action: 'publish' },
      now,
    );
    return { revision };
  });
}
