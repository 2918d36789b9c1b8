/**
 * The audit trail of a user's account protection, and the mail that tells them about it:
 * a change they did not make themselves is how a stolen password shows.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { type SecurityEventKind, securityEvents, users } from '#db/schema';
import { enqueueEmail } from '~/email/outbox.server';
import { securityNoticeEmail, type SecurityNoticeKind } from '~/email/templates';
import { isLocale, type Locale } from '~/i18n';

const noticeFor: Partial<Record<SecurityEventKind, SecurityNoticeKind>> = {
  two_factor_enrolled: 'enrolled',
  two_factor_removed: 'removed',
  recovery_code_used: 'recoveryCodeUsed',
};

/**
 * Records the event (who and when, nothing else) and, for enrolment, removal and the use of
 * a recovery code, mails the user. Run it in the transaction of the change itself.
 */
export async function recordSecurityEvent(
  db: Db,
  event: { userId: string; kind: SecurityEventKind; now: Date; locale: Locale },
): Promise<void> {
  await db
    .insert(securityEvents)
    .values({ userId: event.userId, kind: event.kind, createdAt: event.now });
  const notice = noticeFor[event.kind];
  if (!notice) return;
  const [user] = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, event.userId));
  if (!user) return;
  const locale = isLocale(user.locale) ? user.locale : event.locale;
  await enqueueEmail(db, {
    to: user.email,
    ...securityNoticeEmail(locale, { kind: notice, at: event.now }),
  });
}

/**
 * Records that the user downloaded their data export: who and when, nothing of what it held.
 * No mail: the user did it themself a moment ago.
 */
export async function recordDataExport(db: Db, userId: string, now: Date): Promise<void> {
  await db.insert(securityEvents).values({ userId, kind: 'data_exported', createdAt: now });
}
