/**
 * Notes on held sessions, published summaries with their agreed actions, the note audit
 * trail, and evaluations at the contracts' evaluation points. Every text is sealed with the
 * app's own sealing function and the context its area uses, so the app opens it.
 */
import { commentContext } from '~/evaluations/evaluations.server';
import { deriveThemes, type PrivateNote, type SharedDraft } from '~/notes/content';
import { actionContext, privateContext, sharedContext } from '~/notes/note-sealing.server';
import { publicationContext } from '~/notes/published-summary.server';
import { encryptText, type NoteKeyring } from '~/security/sealing.server';

import type {
  agreedActions,
  evaluations,
  evaluationScores,
  noteAuditLog,
  sessionNotes,
  summaryPublications,
  Theme,
} from '../schema';
import { themes } from '../schema';
import { actionTexts, evaluationComments, themeSentences } from './finnish';
import type { PlannedSession } from './plan-sessions';
import type { Random } from './random';

export interface NotePlan {
  notes: (typeof sessionNotes.$inferInsert)[];
  publications: (typeof summaryPublications.$inferInsert)[];
  actions: (typeof agreedActions.$inferInsert)[];
  audit: (typeof noteAuditLog.$inferInsert)[];
  evaluations: (typeof evaluations.$inferInsert)[];
  scores: (typeof evaluationScores.$inferInsert)[];
  /** Non-empty texts written into notes: private parts, shared parts and actions. */
  noteParts: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function sentences(random: Random, pool: readonly string[], count: number): string {
  return random.sample(pool, count).join(' ');
}

function writeNote(random: Random): { private: PrivateNote; shared: SharedDraft } {
  const addressed = random.sample(themes, random.int(1, 3));
  const privateNote: PrivateNote = {
    general: '',
    role: '',
    power: '',
    environment: '',
    dialogue: '',
  };
  privateNote.general = sentences(random, themeSentences.general, random.int(1, 2));
  for (const theme of addressed) {
    privateNote[theme] = sentences(random, themeSentences[theme], random.int(1, 2));
  }
  const shared: SharedDraft = { role: '', power: '', environment: '', dialogue: '', actions: [] };
  if (random.chance(0.85)) {
    for (const theme of random.sample(addressed, random.int(1, 2))) {
      shared[theme] = sentences(random, themeSentences[theme], 1);
    }
    shared.actions = random.sample(actionTexts, random.int(0, 3));
  }
  return { private: privateNote, shared };
}

function countParts(note: { private: PrivateNote; shared: SharedDraft }): number {
  const texts = [
    ...Object.values(note.private),
    ...themes.map((theme: Theme) => note.shared[theme]),
    ...note.shared.actions,
  ];
  return texts.filter((text) => text.trim() !== '').length;
}

export function planNotes(
  random: Random,
  keyring: NoteKeyring,
  sessions: PlannedSession[],
  now: Date,
): NotePlan {
  const plan: NotePlan = {
    notes: [],
    publications: [],
    actions: [],
    audit: [],
    evaluations: [],
    scores: [],
    noteParts: 0,
  };
  for (const { row, contract } of sessions) {
    if (row.status !== 'held') continue;
    const writtenAt = new Date(
      Math.min(now.getTime() - MINUTE, row.endsAt.getTime() + random.int(5, 240) * MINUTE),
    );
    if (row.evaluationKind) planEvaluations(random, keyring, { row, contract }, writtenAt, plan);
    if (!random.chance(0.92)) continue;

    const note = writeNote(random);
    plan.noteParts += countParts(note);
    const base = { practiceId: row.practiceId, sessionId: row.id };
    const authorId = row.supervisorId;
    plan.notes.push({
      ...base,
      authorId,
      privateEncrypted: encryptText(keyring, JSON.stringify(note.private), privateContext(row.id)),
      sharedDraftEncrypted: encryptText(
        keyring,
        JSON.stringify(note.shared),
        sharedContext(row.id),
      ),
      themes: deriveThemes(note.private, note.shared),
      version: 1,
      createdAt: writtenAt,
      updatedAt: writtenAt,
    });
    for (const action of ['write_private', 'write_shared'] as const) {
      plan.audit.push({ ...base, actorId: authorId, action, createdAt: writtenAt });
    }

    const hasShared =
      note.shared.actions.length > 0 || themes.some((theme) => note.shared[theme] !== '');
    if (!contract.publishes || !hasShared || !random.chance(0.85)) continue;
    const publicationId = random.uuid();
    plan.publications.push({
      id: publicationId,
      ...base,
      revision: 1,
      contentEncrypted: encryptText(
        keyring,
        JSON.stringify(note.shared),
        publicationContext(publicationId),
      ),
      publishedBy: authorId,
      publishedAt: writtenAt,
    });
    plan.audit.push({ ...base, actorId: authorId, action: 'publish', createdAt: writtenAt });
    note.shared.actions.forEach((text, position) => {
      const id = random.uuid();
      const doneAt = writtenAt.getTime() + random.int(1, 20) * DAY;
      plan.actions.push({
        id,
        ...base,
        position,
        textEncrypted: encryptText(keyring, text, actionContext(id)),
        doneAt: doneAt < now.getTime() && random.chance(0.6) ? new Date(doneAt) : null,
        createdAt: writtenAt,
      });
    });
  }
  return plan;
}

/** The supervisor's own view and some supervisees' views at an evaluation point. */
function planEvaluations(
  random: Random,
  keyring: NoteKeyring,
  { row, contract }: PlannedSession,
  submittedAt: Date,
  plan: NotePlan,
) {
  const kind = row.evaluationKind;
  if (!kind) return;
  const low = { start: 1, middle: 2, end: 3 }[kind];
  const respondents: (string | null)[] = [
    ...(random.chance(0.7) ? [null] : []),
    ...contract.participantIds.filter(() => random.chance(0.5)),
  ];
  for (const clientId of respondents) {
    const id = random.uuid();
    const comment = random.chance(0.5) ? random.pick(evaluationComments) : null;
    plan.evaluations.push({
      id,
      practiceId: row.practiceId,
      contractId: row.contractId,
      sessionId: row.id,
      kind,
      respondent: clientId ? 'supervisee' : 'supervisor',
      respondentUserId: clientId ? null : row.supervisorId,
      respondentClientId: clientId,
      recordedBy: row.supervisorId,
      recordedInPortal: false,
      commentEncrypted: comment ? encryptText(keyring, comment, commentContext(id)) : null,
      submittedAt,
      createdAt: submittedAt,
    });
    for (const goalId of contract.goalIds) {
      plan.scores.push({ evaluationId: id, goalId, score: random.int(low, Math.min(5, low + 2)) });
    }
  }
}
