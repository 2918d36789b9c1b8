/** The editor's Publish button: what is on screen is saved and published, or neither. */
import type { Db } from '#db/client';
import type { MemberActor } from '~/practices/actor';
import type { NoteKeyring } from '~/security/sealing.server';

import { publishSummary } from './publish-summary.server';
import { saveNote, type SaveNoteInput } from './save-note.server';
import type { Theme } from './themes';

/**
 * Saves the note and publishes its shared draft in one transaction: a publish refused after
 * the save (a session not held, an empty draft) rolls the save back too, so the editor never
 * reports a refusal while the text was quietly stored.
 */
export async function saveAndPublish(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  input: SaveNoteInput,
  keyring: NoteKeyring,
  now = new Date(),
): Promise<{ version: number; themes: Theme[]; revision: number }> {
  return db.transaction(async (tx) => {
    const saved = await saveNote(tx, actor, sessionId, input, keyring, now);
    const { revision } = await publishSummary(tx, actor, sessionId, keyring, now);
    return { ...saved, revision };
  });
}
