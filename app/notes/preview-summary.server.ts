import type { Db } from '#db/client';
import type { MemberActor } from '~/practices/actor';
import type { NoteKeyring } from '~/security/sealing.server';

import type { SharedDraft } from './content';
import { getNoteForEditing } from './get-note-for-editing.server';

/**
 * The current shared draft as the supervisee would see it once published; for its author
 * only (getNoteForEditing proves authorship and writes the read to the audit log).
 */
export async function previewSummary(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  keyring: NoteKeyring,
): Promise<{ sessionId: string; startsAt: Date; summary: SharedDraft }> {
  const note = await getNoteForEditing(db, actor, sessionId, keyring);
  return { sessionId, startsAt: note.session.startsAt, summary: note.shared };
}
