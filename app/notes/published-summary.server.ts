/** Reading a released summary: the one note text that leaves its author. */
import { and, eq } from 'drizzle-orm';

import { contractParticipants, summaryPublications, supervisionSessions } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { Actor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';

import { mayReadPublication } from './access.server';
import { recordNoteAccess } from './audit.server';
import { type SharedDraft, sharedDraftSchema } from './content';

export const publicationContext = (publicationId: string) => `summary:${publicationId}`;

/**
 * A published revision as the supervisee will see it, for whoever may read it (its
 * publisher now, the session's supervisees in the portal). Every read is audited.
 */
export async function getPublishedSummary(
  { db, keyring, now }: DomainContext,
  actor: Actor,
  sessionId: string,
  revision: number,
): Promise<SharedDraft & { publishedAt: Date }> {
  const [publication] = await db
    .select({
      id: summaryPublications.id,
      contractId: supervisionSessions.contractId,
      publishedBy: summaryPublications.publishedBy,
      publishedAt: summaryPublications.publishedAt,
      contentEncrypted: summaryPublications.contentEncrypted,
    })
    .from(summaryPublications)
    .innerJoin(
      supervisionSessions,
      and(
        eq(supervisionSessions.id, summaryPublications.sessionId),
        eq(supervisionSessions.practiceId, summaryPublications.practiceId),
      ),
    )
    .where(
      and(
        eq(summaryPublications.sessionId, sessionId),
        eq(summaryPublications.practiceId, actor.practiceId),
        eq(summaryPublications.revision, revision),
      ),
    );
  if (!publication) throw new AppError('not_found');
  const participants = await db
    .select({ clientId: contractParticipants.clientId })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.contractId, publication.contractId),
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    );
  const facts = {
    publishedBy: publication.publishedBy,
    participantClientIds: participants.map((p) => p.clientId),
  };
  if (!mayReadPublication(actor, facts)) throw new AppError('not_found');
  const content = sharedDraftSchema.parse(
    JSON.parse(
      decryptText(keyring, publication.contentEncrypted, publicationContext(publication.id)),
    ),
  );
  await recordNoteAccess(
    db,
    { practiceId: actor.practiceId, sessionId, actorId: actor.userId, action: 'read_shared' },
    now,
  );
  return { ...content, publishedAt: publication.publishedAt };
}
