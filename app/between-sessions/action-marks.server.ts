/**
 * Agreed actions as the supervisee meets them: the actions of their published summaries,
 * each marked done or not done with an optional comment. Marks are per participant: in a
 * group, everyone marks the group's actions for themself (docs/decisions/014).
 */
import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  type ActionMarkState,
  agreedActionMarks,
  agreedActions,
  contracts,
  summaryPublications,
  supervisionSessions,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { recordNoteAccesses } from '~/notes/audit.server';
import { actionContext } from '~/notes/note-sealing.server';
import { participatedSessions } from '~/portal/access.server';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, encryptText, type NoteKeyring } from '~/security/sealing.server';
import { sessionsContract } from '~/sessions/access.server';

import { loadParticipatedSession } from './access.server';
import { markCommentContext } from './sealing.server';

/** Actions exist once a summary is published; the check keeps it so if that ever changes. */
const publishedSessionIds = (practiceId: string, db: Db) =>
  db
    .select({ id: summaryPublications.sessionId })
    .from(summaryPublications)
    .where(eq(summaryPublications.practiceId, practiceId));

export interface SuperviseeAction {
  id: string;
  text: string;
  state: ActionMarkState | null;
  comment: string;
}

export interface SessionActions {
  sessionId: string;
  startsAt: Date;
  contractCode: string;
  actions: SuperviseeAction[];
}

/** The supervisee's agreed actions, by session (newest first), with their own marks. */
export async function listOwnActions(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
): Promise<SessionActions[]> {
  const sessions = await readOwnActions(db, keyring, actor);
  // Agreed actions are part of a published summary, and every read of one is audited.
  await recordNoteAccesses(
    db,
    sessions.map(({ sessionId }) => ({
      practiceId: actor.practiceId,
      sessionId,
      actorId: actor.userId,
      action: 'read_shared' as const,
    })),
    now,
  );
  return sessions;
}

/**
 * The same without recording the read, for a caller that audits the reading of these
 * sessions' summaries itself (the data export reads every published summary, and actions
 * exist only on published sessions). Two queries, however many sessions.
 */
export async function readOwnActions(
  db: Db,
  keyring: NoteKeyring,
  actor: SuperviseeActor,
): Promise<SessionActions[]> {
  const rows = await db
    .select({
      id: agreedActions.id,
      textEncrypted: agreedActions.textEncrypted,
      sessionId: supervisionSessions.id,
      startsAt: supervisionSessions.startsAt,
      contractCode: contracts.code,
    })
    .from(agreedActions)
    .innerJoin(
      supervisionSessions,
      and(
        eq(supervisionSessions.id, agreedActions.sessionId),
        eq(supervisionSessions.practiceId, agreedActions.practiceId),
      ),
    )
    .innerJoin(contracts, sessionsContract)
    .where(
      and(
        eq(agreedActions.practiceId, actor.practiceId),
        participatedSessions(actor),
        inArray(agreedActions.sessionId, publishedSessionIds(actor.practiceId, db)),
      ),
    )
    .orderBy(desc(supervisionSessions.startsAt), asc(agreedActions.position));
  if (rows.length === 0) return [];
  const marks = await db
    .select({
      id: agreedActionMarks.id,
      actionId: agreedActionMarks.actionId,
      state: agreedActionMarks.state,
      commentEncrypted: agreedActionMarks.commentEncrypted,
    })
    .from(agreedActionMarks)
    .where(
      and(
        eq(agreedActionMarks.practiceId, actor.practiceId),
        inArray(agreedActionMarks.clientId, [...actor.clientIds]),
        inArray(
          agreedActionMarks.actionId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const markByAction = new Map(marks.map((m) => [m.actionId, m]));
  const sessions = new Map<string, SessionActions>();
  for (const row of rows) {
    const mark = markByAction.get(row.id);
    let group = sessions.get(row.sessionId);
    if (!group) {
      group = {
        sessionId: row.sessionId,
        startsAt: row.startsAt,
        contractCode: row.contractCode,
        actions: [],
      };
      sessions.set(row.sessionId, group);
    }
    group.actions.push({
      id: row.id,
      text: decryptText(keyring, row.textEncrypted, actionContext(row.id)),
      state: mark?.state ?? null,
      comment: mark?.commentEncrypted
        ? decryptText(keyring, mark.commentEncrypted, markCommentContext(mark.id))
        : '',
    });
  }
  return [...sessions.values()];
}

export interface MarkActionInput {
  actionId: string;
  state: ActionMarkState;
  comment: string | null;
}

/** Marks one of the supervisee's actions done or not done, for them alone. */
export async function markAgreedAction(
  { db, keyring }: DomainContext,
  actor: SuperviseeActor,
  input: MarkActionInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [action] = await tx
      .select({ sessionId: agreedActions.sessionId })
      .from(agreedActions)
      .where(
        and(
          eq(agreedActions.id, input.actionId),
          eq(agreedActions.practiceId, actor.practiceId),
          inArray(agreedActions.sessionId, publishedSessionIds(actor.practiceId, tx)),
        ),
      );
    if (!action) throw new AppError('not_found');
    const { clientId } = await loadParticipatedSession(tx, actor, action.sessionId);
    const [existing] = await tx
      .select({ id: agreedActionMarks.id })
      .from(agreedActionMarks)
      .where(
        and(
          eq(agreedActionMarks.actionId, input.actionId),
          eq(agreedActionMarks.clientId, clientId),
          eq(agreedActionMarks.practiceId, actor.practiceId),
        ),
      );
    const id = existing?.id ?? randomUUID();
    const columns = {
      state: input.state,
      markedBy: actor.userId,
      commentEncrypted: input.comment
        ? encryptText(keyring, input.comment, markCommentContext(id))
        : null,
    };
    if (existing) {
      await tx.update(agreedActionMarks).set(columns).where(eq(agreedActionMarks.id, id));
    } else {
      await tx.insert(agreedActionMarks).values({
        id,
        practiceId: actor.practiceId,
        actionId: input.actionId,
        clientId,
        ...columns,
      });
    }
  });
}

/**
 * Publishing again replaces a session's actions with new rows; each participant's mark (and
 * comment, sealed again for its new row) moves to the new action with the same text, as
 * "done" always has. Call before the old actions are deleted.
 */
export async function carryMarksOver(
  tx: Db,
  keyring: NoteKeyring,
  practiceId: string,
  previous: readonly { id: string; text: string }[],
  next: readonly { id: string; text: string }[],
): Promise<void> {
  if (previous.length === 0 || next.length === 0) return;
  const marks = await tx
    .select()
    .from(agreedActionMarks)
    .where(
      and(
        eq(agreedActionMarks.practiceId, practiceId),
        inArray(
          agreedActionMarks.actionId,
          previous.map((a) => a.id),
        ),
      ),
    );
  const textOf = new Map(previous.map((a) => [a.id, a.text]));
  const moved = marks.flatMap((mark) => {
    const target = next.find((a) => a.text === textOf.get(mark.actionId));
    if (!target) return [];
    const id = randomUUID();
    const comment = mark.commentEncrypted
      ? decryptText(keyring, mark.commentEncrypted, markCommentContext(mark.id))
      : null;
    return [
      {
        id,
        practiceId,
        actionId: target.id,
        clientId: mark.clientId,
        markedBy: mark.markedBy,
        state: mark.state,
        commentEncrypted: comment ? encryptText(keyring, comment, markCommentContext(id)) : null,
        updatedAt: mark.updatedAt,
      },
    ];
  });
  // Two old actions with the same text would both map to one new action: keep one mark each.
  const unique = new Map(moved.map((m) => [`${m.actionId}:${m.clientId}`, m]));
  if (unique.size > 0) await tx.insert(agreedActionMarks).values([...unique.values()]);
}
