/**
 * Who may read and change session notes and summaries (docs/decisions/008). A note's text —
 * the private part and the summary draft — belongs to its author for good: moving a
 * session or contract to another supervisor never moves the text with it.
 */
import { and, eq, type SQL } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contracts, sessionNotes, supervisionSessions } from '#db/schema';
import { AppError } from '~/errors';
import type { Actor, MemberActor } from '~/practices/actor';
import { sessionsContract } from '~/sessions/access.server';

/** The note on a session, if the actor wrote it. */
export function authoredNote(actor: MemberActor, sessionId: string): SQL | undefined {
  return and(
    eq(sessionNotes.sessionId, sessionId),
    eq(sessionNotes.practiceId, actor.practiceId),
    eq(sessionNotes.authorId, actor.userId),
  );
}

/** Whether the actor may open a session's note: see authorsSession. */
export function mayOpenNote(
  actor: Actor,
  facts: { sessionSupervisorId: string; noteAuthorId: string | null },
): boolean {
  if (actor.kind !== 'member') return false;
  // Once written, the note is its author's; before that, the session's supervisor starts it.
  return (facts.noteAuthorId ?? facts.sessionSupervisorId) === actor.userId;
}

/**
 * The session, if the actor may work on its note: the note's author, or — while nobody has
 * written one — the session's supervisor. Anyone else, the owner included, gets not_found.
 */
export async function authorsSession(db: Db, actor: MemberActor, sessionId: string) {
  return (await authorsNote(db, actor, sessionId, {})).session;
}

/**
 * The same session with its note (null before one is written, and otherwise the actor's:
 * nobody else passes), and any `extra` values about the session read in the same query —
 * they reach the caller only when the actor passes.
 */
export async function authorsNote<Extra extends Record<string, SQL>>(
  db: Db,
  actor: MemberActor,
  sessionId: string,
  extra: Extra,
) {
  const [row] = await db
    .select({
      session: {
        id: supervisionSessions.id,
        status: supervisionSessions.status,
        startsAt: supervisionSessions.startsAt,
        endsAt: supervisionSessions.endsAt,
        contractId: contracts.id,
        contractCode: contracts.code,
      },
      supervisorId: supervisionSessions.supervisorId,
      note: sessionNotes,
      extra: extra as Record<string, SQL>,
    })
    .from(supervisionSessions)
    .innerJoin(contracts, sessionsContract)
    .leftJoin(sessionNotes, eq(sessionNotes.sessionId, supervisionSessions.id))
    .where(
      and(
        eq(supervisionSessions.id, sessionId),
        eq(supervisionSessions.practiceId, actor.practiceId),
      ),
    );
  if (
    !row ||
    !mayOpenNote(actor, {
      sessionSupervisorId: row.supervisorId,
      noteAuthorId: row.note?.authorId ?? null,
    })
  ) {
    throw new AppError('not_found');
  }
  return {
    session: row.session,
    note: row.note,
    extra: row.extra as { [K in keyof Extra]: Extra[K]['_']['type'] },
  };
}

/**
 * Whether the actor may read a published summary: the supervisor who published it, or a
 * supervisee taking part in the session's contract (the portal). Not the owner, not
 * another supervisor.
 */
export function mayReadPublication(
  actor: Actor,
  facts: { publishedBy: string; participantClientIds: readonly string[] },
): boolean {
  if (actor.kind === 'member') return facts.publishedBy === actor.userId;
  return facts.participantClientIds.some((id) => actor.clientIds.includes(id));
}
