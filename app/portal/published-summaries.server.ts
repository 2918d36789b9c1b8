/**
 * Published summaries as the supervisee reaches them: the latest publication of each session
 * of their contracts, never a draft or a private note. Each read of summary text is audited
 * as the supervisor's reads are (docs/decisions/008).
 */
import { and, asc, count, desc, eq, gt, inArray, notExists, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import type { Db } from '#db/client';
import { type Page, pageWindow } from '#db/paging';
import {
  contractParticipants,
  contracts,
  summaryPublications,
  supervisionSessions,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { mayReadPublication } from '~/notes/access.server';
import { recordNoteAccesses } from '~/notes/audit.server';
import { type SharedDraft, sharedDraftSchema } from '~/notes/content';
import { getPublishedSummary, publicationContext } from '~/notes/published-summary.server';
import { type Theme, themes } from '~/notes/themes';
import type { SuperviseeActor } from '~/practices/actor';
import { decryptText, type NoteKeyring } from '~/security/sealing.server';

import { participatedSessions } from './access.server';

export interface PublicationRow {
  sessionId: string;
  startsAt: Date;
  contractId: string;
  contractCode: string;
  revision: number;
  publishedAt: Date;
}

/**
 * The latest publication of every session of the supervisee's contracts (narrowed by
 * `where`), newest session first, decrypted, and each checked against the publication rule.
 * Two queries, however many sessions.
 */
/** What a summary list reads of each publication, its session and its contract. */
const publicationColumns = {
  id: summaryPublications.id,
  sessionId: summaryPublications.sessionId,
  revision: summaryPublications.revision,
  publishedAt: summaryPublications.publishedAt,
  publishedBy: summaryPublications.publishedBy,
  contentEncrypted: summaryPublications.contentEncrypted,
  startsAt: supervisionSessions.startsAt,
  contractId: supervisionSessions.contractId,
  contractCode: contracts.code,
};
const publicationSession = and(
  eq(supervisionSessions.id, summaryPublications.sessionId),
  eq(supervisionSessions.practiceId, summaryPublications.practiceId),
);
const sessionContract = and(
  eq(contracts.id, supervisionSessions.contractId),
  eq(contracts.practiceId, supervisionSessions.practiceId),
);

async function latestPublications(
  db: Db,
  keyring: NoteKeyring,
  actor: SuperviseeActor,
  where?: SQL,
): Promise<(PublicationRow & { content: SharedDraft })[]> {
  const latest = await db
    .selectDistinctOn([summaryPublications.sessionId], publicationColumns)
    .from(summaryPublications)
    .innerJoin(supervisionSessions, publicationSession)
    .innerJoin(contracts, sessionContract)
    .where(
      and(eq(summaryPublications.practiceId, actor.practiceId), participatedSessions(actor), where),
    )
    .orderBy(asc(summaryPublications.sessionId), desc(summaryPublications.revision));
  return (await readable(db, keyring, actor, latest)).sort(
    (a, b) => b.startsAt.getTime() - a.startsAt.getTime(),
  );
}

interface LatestRow extends PublicationRow {
  id: string;
  publishedBy: string;
  contentEncrypted: string;
}

/**
 * The rows the publication rule lets the supervisee read, decrypted, in the order given.
 * One query (the rows' contracts' participants), none when there are no rows.
 */
async function readable(
  db: Db,
  keyring: NoteKeyring,
  actor: SuperviseeActor,
  rows: LatestRow[],
): Promise<(PublicationRow & { content: SharedDraft })[]> {
  if (rows.length === 0) return [];
  const participants = await db
    .select({
      contractId: contractParticipants.contractId,
      clientId: contractParticipants.clientId,
    })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.practiceId, actor.practiceId),
        inArray(contractParticipants.contractId, [...new Set(rows.map((p) => p.contractId))]),
      ),
    );
  return rows
    .filter((publication) =>
      mayReadPublication(actor, {
        publishedBy: publication.publishedBy,
        participantClientIds: participants
          .filter((p) => p.contractId === publication.contractId)
          .map((p) => p.clientId),
      }),
    )
    .map((p) => ({
      sessionId: p.sessionId,
      startsAt: p.startsAt,
      contractId: p.contractId,
      contractCode: p.contractCode,
      revision: p.revision,
      publishedAt: p.publishedAt,
      content: sharedDraftSchema.parse(
        JSON.parse(decryptText(keyring, p.contentEncrypted, publicationContext(p.id))),
      ),
    }));
}

/** The summaries list's page size: each row shown is decrypted, so pages stay short. */
export const SUMMARIES_PAGE_SIZE = 20;

/**
 * One page of the latest publications of the supervisee's sessions, newest session first
 * (the session id breaks ties, so pages do not shift between requests). The latest revision,
 * the order and the page are chosen in SQL, so only the page's rows are decrypted; a page
 * that does not exist gives the first. Three queries however many summaries: the count, the
 * page, its contracts' participants (for the publication rule, checked on every row shown).
 */
async function latestPublicationsPage(
  db: Db,
  keyring: NoteKeyring,
  actor: SuperviseeActor,
  requestedPage: number,
  pageSize: number,
): Promise<Page<PublicationRow & { content: SharedDraft }>> {
  const newer = alias(summaryPublications, 'newer_publication');
  const where = and(
    eq(summaryPublications.practiceId, actor.practiceId),
    participatedSessions(actor),
    // The latest revision of each session: no revision of it above this one.
    notExists(
      db
        .select({ one: sql`1` })
        .from(newer)
        .where(
          and(
            eq(newer.sessionId, summaryPublications.sessionId),
            gt(newer.revision, summaryPublications.revision),
          ),
        ),
    ),
  );
  const [counted] = await db
    .select({ total: count() })
    .from(summaryPublications)
    .innerJoin(supervisionSessions, publicationSession)
    .where(where);
  const { offset, limit, ...window } = pageWindow(requestedPage, counted?.total ?? 0, pageSize);
  if (window.total === 0) return { rows: [], ...window };
  const rows = await db
    .select(publicationColumns)
    .from(summaryPublications)
    .innerJoin(supervisionSessions, publicationSession)
    .innerJoin(contracts, sessionContract)
    .where(where)
    .orderBy(desc(supervisionSessions.startsAt), asc(summaryPublications.sessionId))
    .limit(limit)
    .offset(offset);
  return { rows: await readable(db, keyring, actor, rows), ...window };
}

/** The themes a published summary speaks about: those with shared text. */
export function publishedThemes(content: SharedDraft): Theme[] {
  return themes.filter((theme) => content[theme].trim() !== '');
}

/**
 * A page of the supervisee's published summaries, newest session first: when, which
 * contract, which themes. No summary text leaves here, so listing them is not a read of one.
 */
export async function listPortalSummaries(
  { db, keyring }: DomainContext,
  actor: SuperviseeActor,
  { page = 1 }: { page?: number } = {},
): Promise<Page<PublicationRow & { themes: Theme[] }>> {
  const { rows, ...window } = await latestPublicationsPage(
    db,
    keyring,
    actor,
    page,
    SUMMARIES_PAGE_SIZE,
  );
  return {
    rows: rows.map(({ content, ...row }) => ({ ...row, themes: publishedThemes(content) })),
    ...window,
  };
}

/**
 * The latest publication of one session of the supervisee's contracts, through the same
 * read (and audit) as every reader of a summary; not_found when there is none to read.
 */
export async function getPortalSummary(
  ctx: DomainContext,
  actor: SuperviseeActor,
  sessionId: string,
): Promise<PublicationRow & { summary: SharedDraft }> {
  const [latest] = await ctx.db
    .select({
      sessionId: supervisionSessions.id,
      startsAt: supervisionSessions.startsAt,
      contractId: supervisionSessions.contractId,
      contractCode: contracts.code,
      revision: summaryPublications.revision,
    })
    .from(summaryPublications)
    .innerJoin(
      supervisionSessions,
      and(
        eq(supervisionSessions.id, summaryPublications.sessionId),
        eq(supervisionSessions.practiceId, summaryPublications.practiceId),
      ),
    )
    .innerJoin(
      contracts,
      and(
        eq(contracts.id, supervisionSessions.contractId),
        eq(contracts.practiceId, supervisionSessions.practiceId),
      ),
    )
    .where(
      and(
        eq(summaryPublications.sessionId, sessionId),
        eq(summaryPublications.practiceId, actor.practiceId),
        participatedSessions(actor),
      ),
    )
    .orderBy(desc(summaryPublications.revision))
    .limit(1);
  if (!latest) throw new AppError('not_found');
  const { publishedAt, ...summary } = await getPublishedSummary(
    ctx,
    actor,
    sessionId,
    latest.revision,
  );
  return { ...latest, publishedAt, summary };
}

export interface ThemePassage extends PublicationRow {
  text: string;
}

/**
 * "Everything about power so far": the part on one theme of the published summaries that
 * have one, newest session first, a page of summaries at a time. The page is chosen in SQL
 * over all the supervisee's summaries (their theme is known only once decrypted), so only
 * its `SUMMARIES_PAGE_SIZE` summaries are decrypted, and a page shows those of them that
 * speak about the theme: possibly fewer, or none. The page's position counts summaries.
 * Each summary whose text is shown is audited as read.
 */
export async function summariesAboutTheme(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
  theme: Theme,
  { page = 1 }: { page?: number } = {},
): Promise<Page<ThemePassage>> {
  const { rows, ...window } = await latestPublicationsPage(
    db,
    keyring,
    actor,
    page,
    SUMMARIES_PAGE_SIZE,
  );
  const passages = rows
    .filter(({ content }) => content[theme].trim() !== '')
    .map(({ content, ...row }) => ({ ...row, text: content[theme] }));
  await recordNoteAccesses(
    db,
    passages.map((p) => ({
      practiceId: actor.practiceId,
      sessionId: p.sessionId,
      actorId: actor.userId,
      action: 'read_shared' as const,
    })),
    now,
  );
  return { rows: passages, ...window };
}

/** The latest publications of the given contracts' sessions, for the themes timeline. */
export async function publishedThemesBySession(
  { db, keyring }: DomainContext,
  actor: SuperviseeActor,
  contractIds: readonly string[],
): Promise<Map<string, Theme[]>> {
  if (contractIds.length === 0) return new Map();
  const rows = await latestPublications(
    db,
    keyring,
    actor,
    inArray(supervisionSessions.contractId, [...contractIds]),
  );
  return new Map(rows.map((row) => [row.sessionId, publishedThemes(row.content)]));
}

/**
 * Every published summary of the supervisee, whole (its latest revision), newest session
 * first: for their data export. Each is audited as read, in one insert.
 */
export async function readAllPortalSummaries(
  { db, keyring, now }: DomainContext,
  actor: SuperviseeActor,
): Promise<(PublicationRow & { content: SharedDraft })[]> {
  const rows = await latestPublications(db, keyring, actor);
  await recordNoteAccesses(
    db,
    rows.map((p) => ({
      practiceId: actor.practiceId,
      sessionId: p.sessionId,
      actorId: actor.userId,
      action: 'read_shared' as const,
    })),
    now,
  );
  return rows;
}
