import { and, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, practices } from '#db/schema';

/**
 * Whether a practice the user belongs to requires them to sign in with a second factor.
 * Staff: a practice they are a member of requires it of staff. Supervisees (through the
 * portal's access rows) are to be added here, against `require_two_factor_supervisees`.
 */
export async function twoFactorRequired(db: Db, userId: string): Promise<boolean> {
  const [staff] = await db
    .select({ practiceId: practices.id })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(and(eq(memberships.userId, userId), eq(practices.requireTwoFactorStaff, true)))
    .limit(1);
  return staff !== undefined;
}
