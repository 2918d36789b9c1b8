/** The practice's reminder setting: how many hours before a session its supervisees are reminded. */
import { eq } from 'drizzle-orm';

import { practices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { assertRole, type MemberActor } from '~/practices/actor';

/** Every member may see it (it says what their supervisees receive); 0 means off. */
export async function getReminderHours({ db }: DomainContext, actor: MemberActor): Promise<number> {
  const [practice] = await db
    .select({ hours: practices.reminderHoursBefore })
    .from(practices)
    .where(eq(practices.id, actor.practiceId));
  if (!practice) throw new AppError('not_found');
  return practice.hours;
}

/** Only the owner changes it. Sessions already reminded are not reminded again. */
export async function setReminderHours(
  { db }: DomainContext,
  actor: MemberActor,
  hours: number,
): Promise<void> {
  assertRole(actor, 'owner');
  await db
    .update(practices)
    .set({ reminderHoursBefore: hours })
    .where(eq(practices.id, actor.practiceId));
}
