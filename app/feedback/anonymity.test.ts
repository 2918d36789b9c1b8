/**
 * What a respondent is promised: their answer cannot be told apart from the others — not by
 * time, not by order, not by person — and results show only once enough people answered.
 */
import { eq, inArray, like } from 'drizzle-orm';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import {
  feedbackInvitations,
  feedbackQuestions,
  feedbackRounds,
  feedbackTextAnswers,
  outbox,
} from '#db/schema';
import { testContext } from '#db/testing/context';
import { uniqueEmail } from '#db/testing/factories';
import {
  answerWith,
  createFeedbackRound,
  invitationTokens,
  sharedToken,
} from '#db/testing/feedback';
import { testKeyring } from '#db/testing/keyring';
import { createPortalCast } from '#db/testing/portal';
import { createTestDatabase } from '#db/testing/test-database';
import { decryptText } from '~/security/sealing.server';
import { addDays, helsinkiDate, helsinkiInstant } from '~/time/helsinki';

import { respondentPage } from './answer-round.server';
import { roundResults } from './results.server';
import { answerContext } from './round-sealing.server';
import { closeRound, findOwnRound } from './rounds.server';

let database: Database;
let cast: Awaited<ReturnType<typeof createPortalCast>>;
beforeAll(async () => {
  database = await createTestDatabase();
  cast = await createPortalCast(database.db);
}, 60_000);
afterAll(() => database.close());
const db = () => database.db;

async function resultsOf(roundId: string) {
  const round = await findOwnRound({ db: db() }, cast.self, roundId);
  return roundResults(testContext(db()), round);
}

/** The catalogue's view of columns, to check what the answer tables can hold. */
const informationSchemaColumns = pgSchema('information_schema').table('columns', {
  tableName: text('table_name').notNull(),
  columnName: text('column_name').notNull(),
  dataType: text('data_type').notNull(),
  ordinalPosition: integer('ordinal_position').notNull(),
});

const SECRET_TEXT = 'Kokoukset venyvät aina yli ajan';

describe('results and the threshold', () => {
  it('shows nothing per question with two answers, and counts, means and texts with three', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    await answerWith(db(), token, { roundId, scale: [2, 5], text: [SECRET_TEXT] });
    await answerWith(db(), token, { roundId, scale: [4, 4], text: [''] });
    const two = await resultsOf(roundId);
    expect(two).toEqual({ visible: false, minAnswers: 3, responseCount: 2 });
    expect(JSON.stringify(two)).not.toContain(SECRET_TEXT);

    await answerWith(db(), token, { roundId, scale: [3, 5], text: ['Enemmän kahdenkeskisiä'] });
    const three = await resultsOf(roundId);
    if (!three.visible) throw new Error('results hidden with three answers');
    const [expectations, listening, open] = three.questions;
    expect(expectations).toMatchObject({ count: 3, mean: 3, distribution: [0, 1, 1, 1, 0] });
    expect(listening).toMatchObject({ count: 3, distribution: [0, 0, 0, 1, 2] });
    expect(listening?.kind === 'scale' && listening.mean).toBeCloseTo(14 / 3);
    expect(open?.kind === 'text' && [...open.answers].sort()).toEqual(
      [SECRET_TEXT, 'Enemmän kahdenkeskisiä'].sort(),
    );
  });

  it('refuses an answer that leaves a scale question without a value, and stores nothing', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    const result = await answerWith(db(), token, { roundId, scale: [3] });
    expect(result.ok).toBe(false);
    const [round] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, roundId));
    expect(round?.responseCount).toBe(0);
  });
});

describe('links', () => {
  it('an invitation answers once; opening it first spends nothing', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const [token = ''] = await invitationTokens(db(), cast.self, roundId, [uniqueEmail('tiimi')]);
    expect((await respondentPage(testContext(db()), token)).state).toBe('open');
    expect((await respondentPage(testContext(db()), token)).state).toBe('open');
    await answerWith(db(), token, { roundId, scale: [4, 4] });
    await expect(answerWith(db(), token, { roundId, scale: [1, 1] })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'feedback.respond.used',
    });
    expect((await respondentPage(testContext(db()), token)).state).toBe('used');
    const [round] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, roundId));
    expect(round?.responseCount).toBe(1);
  });

  it('two answers sent at once through one invitation: one is stored', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const [token = ''] = await invitationTokens(db(), cast.self, roundId, [uniqueEmail('tiimi')]);
    const outcomes = await Promise.allSettled([
      answerWith(db(), token, { roundId, scale: [4, 4] }),
      answerWith(db(), token, { roundId, scale: [2, 2] }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [round] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, roundId));
    expect(round?.responseCount).toBe(1);
  });

  it('each invitation has its own token, and the mail names only the person asking', async () => {
    const roundId = await createFeedbackRound(db(), cast.self, { title: 'Salainen otsikko' });
    const tokens = await invitationTokens(db(), cast.self, roundId, [
      uniqueEmail('a'),
      uniqueEmail('b'),
    ]);
    expect(new Set(tokens).size).toBe(2);
    const mails = await db()
      .select({ subject: outbox.subject, text: outbox.textBody })
      .from(outbox)
      .where(like(outbox.textBody, '%/feedback/%'));
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails) {
      expect(mail.subject).toContain('Tuula Työnohjattava');
      // Not the title, not the practice, not that the asker is in supervision.
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/Salainen otsikko|Testiohjaus|työnohjau/i);
      for (const token of tokens) expect(mail.text).not.toContain(token);
    }
    const invitations = await db()
      .select()
      .from(feedbackInvitations)
      .where(eq(feedbackInvitations.roundId, roundId));
    expect(invitations).toHaveLength(2);
    expect(JSON.stringify(invitations)).not.toContain('@');
  });

  it('a link of round A neither shows nor reaches round B', async () => {
    const roundA = await createFeedbackRound(db(), cast.self, { title: 'Kierros A' });
    const roundB = await createFeedbackRound(db(), cast.self, { title: 'Kierros B' });
    const tokenA = await sharedToken(db(), cast.self, roundA);
    const page = await respondentPage(testContext(db()), tokenA);
    expect(page).toMatchObject({ state: 'open', title: 'Kierros A' });
    // Sending B's question fields through A's link stores nothing in B.
    await expect(answerWith(db(), tokenA, { roundId: roundB, scale: [5, 5] })).resolves.toEqual({
      ok: false,
      fieldErrors: expect.any(Object),
    });
    const rows = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, roundB));
    expect(rows[0]?.responseCount).toBe(0);
  });

  it('after the closing day, or once closed, the link shows the closed page and takes nothing', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    const afterClosing = helsinkiInstant(addDays(helsinkiDate(new Date()), 15), '00:01');
    expect((await respondentPage(testContext(db(), afterClosing), token)).state).toBe('closed');
    await expect(
      answerWith(db(), token, { roundId, scale: [3, 3], now: afterClosing }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'feedback.respond.closed' });
    await closeRound(testContext(db()), cast.self, roundId);
    expect((await respondentPage(testContext(db()), token)).state).toBe('closed');
  });

  it('an unknown link is not found', async () => {
    expect((await respondentPage(testContext(db()), 'ei-tällaista')).state).toBe('unknown');
    await expect(
      answerWith(db(), 'ei-tällaista', {
        roundId: await createFeedbackRound(db(), cast.self),
        scale: [1, 1],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('takes at most 30 answers an hour from one address', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    for (let i = 0; i < 30; i++) {
      await answerWith(db(), token, { roundId, scale: [3, 3], ip: '198.51.100.7' });
    }
    await expect(
      answerWith(db(), token, { roundId, scale: [3, 3], ip: '198.51.100.7' }),
    ).rejects.toMatchObject({ code: 'throttled' });
    await answerWith(db(), token, { roundId, scale: [3, 3], ip: '198.51.100.8' });
    const [round] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, roundId));
    expect(round?.responseCount).toBe(31);
  });
});

describe('what is stored with an answer', () => {
  it('no time, no respondent, no invitation: answer tables have only round, question and value', async () => {
    const columns = await db()
      .select({
        table: informationSchemaColumns.tableName,
        column: informationSchemaColumns.columnName,
        type: informationSchemaColumns.dataType,
      })
      .from(informationSchemaColumns)
      .where(
        inArray(informationSchemaColumns.tableName, [
          'feedback_scale_tallies',
          'feedback_text_answers',
          'feedback_invitations',
        ]),
      )
      .orderBy(informationSchemaColumns.ordinalPosition);
    const byTable = (name: string) => columns.filter((c) => c.table === name).map((c) => c.column);
    expect(byTable('feedback_scale_tallies')).toEqual([
      'practice_id',
      'round_id',
      'question_id',
      'value',
      'count',
    ]);
    expect(byTable('feedback_text_answers')).toEqual([
      'id',
      'practice_id',
      'round_id',
      'question_id',
      'text_encrypted',
    ]);
    // An invitation knows whether it was used, not when and not which answer.
    expect(byTable('feedback_invitations')).toEqual([
      'id',
      'practice_id',
      'round_id',
      'token_hash',
      'answered',
    ]);
    expect(columns.filter((c) => c.type.startsWith('timestamp'))).toEqual([]);
  });

  it('the supervisee’s title and own questions are sealed at rest too', async () => {
    const roundId = await createFeedbackRound(db(), cast.self, { title: 'Otsikko levossa' });
    const [round] = await db().select().from(feedbackRounds).where(eq(feedbackRounds.id, roundId));
    const prompts = await db()
      .select()
      .from(feedbackQuestions)
      .where(eq(feedbackQuestions.roundId, roundId));
    expect(round?.titleEncrypted).toMatch(/^v1\./);
    expect(JSON.stringify([round, prompts])).not.toMatch(/Otsikko levossa|ensi kuussa/);
    expect(prompts.map((p) => p.starterKey)).toEqual([
      'roleExpectations',
      'dialogueListening',
      null,
    ]);
  });

  it('free text is sealed at rest, and its order says nothing of arrival', async () => {
    const roundId = await createFeedbackRound(db(), cast.self);
    const token = await sharedToken(db(), cast.self, roundId);
    const texts = ['ensimmäinen', 'toinen', 'kolmas', 'neljäs', 'viides', 'kuudes'];
    for (const text of texts)
      await answerWith(db(), token, { roundId, scale: [3, 3], text: [text] });
    const rows = await db()
      .select()
      .from(feedbackTextAnswers)
      .where(eq(feedbackTextAnswers.roundId, roundId));
    for (const row of rows) {
      expect(row.textEncrypted).toMatch(/^v1\./);
      for (const text of texts) expect(row.textEncrypted).not.toContain(text);
    }
    const results = await resultsOf(roundId);
    if (!results.visible) throw new Error('hidden');
    const shown = results.questions[2]?.kind === 'text' ? results.questions[2].answers : [];
    expect([...shown].sort()).toEqual([...texts].sort());
    // Shown in the order of the rows' random ids, whatever the order they came in.
    const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(shown).toEqual(
      byId.map((row) => decryptText(testKeyring, row.textEncrypted, answerContext(row.id))),
    );
  });
});
