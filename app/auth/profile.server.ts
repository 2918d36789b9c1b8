import { eq } from 'drizzle-orm';

import { users } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import type { Locale } from '~/i18n';

/** The user's own details; only ever called with the signed-in user's id. */
export async function updateProfile(
  { db }: DomainContext,
  userId: string,
  input: { name?: string; locale?: Locale | null },
): Promise<void> {
  await db.update(users).set(input).where(eq(users.id, userId));
}
