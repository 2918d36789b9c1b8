/** The editor's Publish button: what is on screen is saved and published, or neither. */
import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import { type PublishMailSetup, publishSummary } from './publish-summary.server';
import { saveNote, type SaveNoteInput } from './save-note.server';
import type { Theme } from './themes';

/**
 * Saves the note and publishes its shared draft in one transaction: a publish refused after
 * the save (a session not held, an empty draft) rolls the save back too, so the editor never
 * reports a refusal while the text was quietly stored.
 */
export async function saveAndPublish(
  ctx: DomainContext,
  actor: MemberActor,
  sessionId: string,
  input: SaveNoteInput,
  mail: PublishMailSetup,
): Promise<{ version: number; themes: Theme[]; revision: number }> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const saved = await saveNote(inTx, actor, sessionId, input);
    const { revision } = await publishSummary(inTx, actor, sessionId, mail);
    return { ...saved, revision };
  });
}
