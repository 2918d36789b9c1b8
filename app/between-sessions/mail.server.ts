/** Mail from the portal to a session's supervisor: through the outbox, in their language. */
import { and, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, users } from '#db/schema';
import { enqueueEmail } from '~/email/outbox.server';
import type { Locale } from '~/i18n';
import { formatDateTime } from '~/i18n/format';

/**
 * Queues a mail to the supervisor of a session (a member of the practice), in the same
 * transaction as what caused it. `compose` gets the supervisor's language and the session's
 * time written in it.
 */
export async function mailSessionSupervisor(
  tx: Db,
  input: {
    practiceId: string;
    supervisorId: string;
    startsAt: Date;
    compose: (locale: Locale, when: string) => { subject: string; text: string };
  },
): Promise<void> {
  const [supervisor] = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.practiceId, input.practiceId)),
    )
    .where(eq(users.id, input.supervisorId));
  // A supervisor who has left the practice gets no mail about its sessions.
  if (!supervisor) return;
  const locale = supervisor.locale ?? 'fi';
  await enqueueEmail(tx, {
    to: supervisor.email,
    practiceId: input.practiceId,
    ...input.compose(locale, formatDateTime(input.startsAt, locale)),
  });
}
