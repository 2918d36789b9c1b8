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
