/** Agreed actions published the way a supervisor publishes them, for the portal's tests. */
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor } from '~/practices/actor';

import type { Db } from '../client';
import { agreedActions } from '../schema';
import { testContext } from './context';

/**
 * Writes a note on a held session and publishes it with the given actions; returns the
 * published actions' ids in order. `privateText` lands in the private part and
 * `draftText` is what the summary says.
 */
export async function publishActions(
  db: Db,
  author: MemberActor,
  sessionId: string,
  actions: string[],
  texts: { privateText?: string; draftText?: string; baseVersion?: number } = {},
): Promise<string[]> {
  await saveNote(testContext(db), author, sessionId, {
    baseVersion: texts.baseVersion ?? 0,
    private: { ...emptyPrivateNote, power: texts.privateText ?? 'Yksityinen muistiinpano' },
    shared: { ...emptySharedDraft, environment: texts.draftText ?? 'Yhteenveto', actions },
    themes: null,
  });
  await publishSummary(testContext(db), author, sessionId, null);
  const rows = await db
    .select({ id: agreedActions.id, sessionId: agreedActions.sessionId })
    .from(agreedActions)
    .orderBy(agreedActions.position);
  return rows.filter((r) => r.sessionId === sessionId).map((r) => r.id);
}
