import type { Db } from '#db/client';
import { noteAuditLog } from '#db/schema';

export type NoteAuditAction = (typeof noteAuditLog.$inferInsert)['action'];

/** Records who touched which session's notes and how — never what they said. */
export async function recordNoteAccess(
  db: Db,
  entry: { practiceId: string; sessionId: string; actorId: string; action: NoteAuditAction },
  now = new Date(),
): Promise<void> {
  await db.insert(noteAuditLog).values({ ...entry, createdAt: now });
}

/** The same for several sessions at once (a page that shows many summaries), in one insert. */
export async function recordNoteAccesses(
  db: Db,
  entries: { practiceId: string; sessionId: string; actorId: string; action: NoteAuditAction }[],
  now = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(noteAuditLog).values(entries.map((entry) => ({ ...entry, createdAt: now })));
}
