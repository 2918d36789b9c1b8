/**
 * Key rotation for sealed text (docs/decisions/006-note-encryption.md): every sealed column
 * is sealed again under the keyring's active key, in small batches that each commit on their
 * own, so a run that stops half-way loses nothing and the next run continues from there.
 */
import { and, asc, count, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

import type { Db } from '#db/client';
import {
  agreedActionMarks,
  agreedActions,
  clients,
  evaluations,
  exerciseAssignments,
  feedbackQuestions,
  feedbackRounds,
  feedbackTextAnswers,
  outbox,
  sessionNotes,
  sessionReflections,
  sessionRequests,
  summaryPublications,
  userTotp,
} from '#db/schema';
import { sealedLinkContext } from '~/email/sealed-link.server';
import { answerContext } from '~/exercises/answer-sealing.server';
import {
  answerContext as feedbackAnswerContext,
  linkContext,
  promptContext,
  titleContext,
} from '~/feedback/round-sealing.server';

import { envelopePrefix, type NoteKeyring, resealText } from './sealing.server';

interface SealedColumn {
  /** table.column, as reported to the operator. */
  name: string;
  table: PgTable;
  /** The row's primary key, which the sealing context names and the batches walk in order. */
  key: PgColumn;
  column: PgColumn;
  /** The context the owning area seals this value with; it must match theirs exactly. */
  context: (key: string) => string;
}

// Every column that holds an envelope. A new sealed column must be added here, or rotation
// leaves it under the old key and `retire` refuses to let that key go.
export const sealedColumns: readonly SealedColumn[] = [
  {
    name: 'session_notes.private_encrypted',
    table: sessionNotes,
    key: sessionNotes.sessionId,
    column: sessionNotes.privateEncrypted,
    context: (sessionId) => `session-note:${sessionId}:private`,
  },
  {
    name: 'session_notes.shared_draft_encrypted',
    table: sessionNotes,
    key: sessionNotes.sessionId,
    column: sessionNotes.sharedDraftEncrypted,
    context: (sessionId) => `session-note:${sessionId}:shared`,
  },
  {
    name: 'summary_publications.content_encrypted',
    table: summaryPublications,
    key: summaryPublications.id,
    column: summaryPublications.contentEncrypted,
    context: (id) => `summary:${id}`,
  },
  {
    name: 'agreed_actions.text_encrypted',
    table: agreedActions,
    key: agreedActions.id,
    column: agreedActions.textEncrypted,
    context: (id) => `agreed-action:${id}`,
  },
  {
    name: 'agreed_action_marks.comment_encrypted',
    table: agreedActionMarks,
    key: agreedActionMarks.id,
    column: agreedActionMarks.commentEncrypted,
    context: (id) => `action-mark:${id}:comment`,
  },
  {
    name: 'session_reflections.text_encrypted',
    table: sessionReflections,
    key: sessionReflections.id,
    column: sessionReflections.textEncrypted,
    context: (id) => `reflection:${id}`,
  },
  {
    name: 'session_requests.message_encrypted',
    table: sessionRequests,
    key: sessionRequests.id,
    column: sessionRequests.messageEncrypted,
    context: (id) => `session-request:${id}`,
  },
  {
    name: 'clients.background_encrypted',
    table: clients,
    key: clients.id,
    column: clients.backgroundEncrypted,
    context: (id) => `client:${id}:background`,
  },
  {
    name: 'evaluations.comment_encrypted',
    table: evaluations,
    key: evaluations.id,
    column: evaluations.commentEncrypted,
    context: (id) => `evaluation:${id}:comment`,
  },
  {
    // The shared secret of a user's authenticator app (two-factor sign-in).
    name: 'user_totp.secret_encrypted',
    table: userTotp,
    key: userTotp.userId,
    column: userTotp.secretEncrypted,
    context: (userId) => `totp-secret:${userId}`,
  },
  {
    name: 'exercise_assignments.answer_encrypted',
    table: exerciseAssignments,
    key: exerciseAssignments.id,
    column: exerciseAssignments.answerEncrypted,
    context: answerContext,
  },
  {
    // A mail waiting for delivery holds its one-time link sealed (ADR 004).
    name: 'outbox.sealed_link',
    table: outbox,
    key: outbox.id,
    column: outbox.sealedLink,
    context: sealedLinkContext,
  },
  // Feedback rounds (app/feedback): the supervisee's title, own questions and shared link,
  // and the respondents' free-text answers.
  {
    name: 'feedback_rounds.title_encrypted',
    table: feedbackRounds,
    key: feedbackRounds.id,
    column: feedbackRounds.titleEncrypted,
    context: titleContext,
  },
  {
    name: 'feedback_rounds.shared_link_encrypted',
    table: feedbackRounds,
    key: feedbackRounds.id,
    column: feedbackRounds.sharedLinkEncrypted,
    context: linkContext,
  },
  {
    name: 'feedback_questions.prompt_encrypted',
    table: feedbackQuestions,
    key: feedbackQuestions.id,
    column: feedbackQuestions.promptEncrypted,
    context: promptContext,
  },
  {
    name: 'feedback_text_answers.text_encrypted',
    table: feedbackTextAnswers,
    key: feedbackTextAnswers.id,
    column: feedbackTextAnswers.textEncrypted,
    context: feedbackAnswerContext,
  },
];

export interface BatchReport {
  column: string;
  resealed: number;
}

export interface RotationReport {
  resealed: number;
  /** Values that could not be opened (unknown key id, altered data): named by row, never shown. */
  failures: { column: string; key: string; reason: string }[];
}

/**
 * Seals every value not yet under the active key again under it. Values already under the
 * active key are not touched, which is what makes a second run (or a resumed one) cheap.
 * `afterBatch` runs once each batch has committed.
 */
export async function rotateSealedText(
  db: Db,
  keyring: NoteKeyring,
  options: { batchSize?: number; afterBatch?: (batch: BatchReport) => Promise<void> | void } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 200;
  const activePrefix = envelopePrefix(keyring.activeKeyId);
  const report: RotationReport = { resealed: 0, failures: [] };
  for (const spec of sealedColumns) {
    // Walking by key means a row that cannot be opened is passed over, not retried forever.
    let after: string | undefined;
    for (;;) {
      const rows = await pendingRows(db, spec, activePrefix, after, batchSize);
      if (rows.length === 0) break;
      let resealed = 0;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          let fresh: string;
          try {
            fresh = resealText(keyring, row.sealed, spec.context(row.key));
          } catch (error) {
            const reason = error instanceof Error ? error.message : 'unreadable';
            report.failures.push({ column: spec.name, key: row.key, reason });
            continue;
          }
          // Only if unchanged since read: a save in between already wrote under the active
          // key. Raw SQL, so the row's updated_at (its "last edited") stays as it was.
          await tx.execute(
            sql`update ${spec.table} set ${sql.identifier(spec.column.name)} = ${fresh}
                where ${spec.key} = ${row.key} and ${spec.column} = ${row.sealed}`,
          );
          resealed += 1;
        }
      });
      report.resealed += resealed;
      after = rows[rows.length - 1]?.key;
      await options.afterBatch?.({ column: spec.name, resealed });
    }
  }
  return report;
}

async function pendingRows(
  db: Db,
  spec: SealedColumn,
  activePrefix: string,
  after: string | undefined,
  limit: number,
): Promise<{ key: string; sealed: string }[]> {
  const conditions: SQL[] = [
    isNotNull(spec.column),
    sql`not starts_with(${spec.column}, ${activePrefix})`,
  ];
  if (after !== undefined) conditions.push(gt(spec.key, after));
  const rows = await db
    .select({ key: spec.key, sealed: spec.column })
    .from(spec.table)
    .where(and(...conditions))
    .orderBy(asc(spec.key))
    .limit(limit);
  return rows.flatMap(({ key, sealed }) =>
    typeof key === 'string' && typeof sealed === 'string' ? [{ key, sealed }] : [],
  );
}

/** How many values each column still holds sealed under `keyId`. */
export async function countSealedUnder(
  db: Db,
  keyId: string,
): Promise<{ column: string; count: number }[]> {
  const prefix = envelopePrefix(keyId);
  const counts = [];
  for (const spec of sealedColumns) {
    const [row] = await db
      .select({ count: count() })
      .from(spec.table)
      .where(sql`starts_with(${spec.column}, ${prefix})`);
    counts.push({ column: spec.name, count: row?.count ?? 0 });
  }
  return counts;
}

/**
 * Checks that `keyId` can be removed from NOTES_ENCRYPTION_KEY: it is not the active key
 * and no value is sealed under it any more. Throws, naming what still uses it, otherwise.
 */
export async function assertKeyRetirable(db: Db, keyring: NoteKeyring, keyId: string) {
  if (keyId === keyring.activeKeyId) {
    throw new Error(`Key "${keyId}" is the active key: put a new key first before retiring it`);
  }
  const inUse = (await countSealedUnder(db, keyId)).filter((c) => c.count > 0);
  if (inUse.length > 0) {
    const list = inUse.map((c) => `${c.column}: ${c.count}`).join(', ');
    throw new Error(`Key "${keyId}" still seals ${list}; run npm run key:rotate first`);
  }
}
