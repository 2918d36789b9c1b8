import type { DomainContext } from '~/domain/context';
import type { MemberActor } from '~/practices/actor';

import type { SharedDraft } from './content';
import { getNoteForEditing } from './get-note-for-editing.server';

/**
 * The current shared draft as the supervisee would see it once published; for its author
 * only (getNoteForEditing proves authorship and writes the read to the audit log).
 */
export async function previewSummary(
  ctx: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<{ sessionId: string; startsAt: Date; summary: SharedDraft }> {
  const note = await getNoteForEditing(ctx, actor, sessionId);
  return { sessionId, startsAt: note.session.startsAt, summary: note.shared };
}
