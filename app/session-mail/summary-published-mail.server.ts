/**
 * "A summary was published": tells a session's supervisees that there is something to read
 * in the portal. The mail holds the session's date and the portal's address — never any
 * note or summary text, which stays sealed in the database and is read only after sign-in.
 */
import type { Db } from '#db/client';
import { enqueueEmail } from '~/email/outbox.server';

import { loadMailedSessions, participantRecipients } from './recipients.server';
import { summaryPublishedEmail } from './templates';

export async function mailSummaryPublished(
  tx: Db,
  input: { practiceId: string; sessionId: string; appOrigin: string },
): Promise<void> {
  const [session] = await loadMailedSessions(tx, input.practiceId, [input.sessionId]);
  if (!session) return;
  const recipients = await participantRecipients(tx, input.practiceId, [session.contractId]);
  const email = summaryPublishedEmail({
    sessionStartsAt: session.startsAt,
    portalUrl: `${input.appOrigin}/portal`,
  });
  for (const recipient of recipients.get(session.contractId) ?? []) {
    await enqueueEmail(tx, { to: recipient.email, practiceId: input.practiceId, ...email });
  }
}
