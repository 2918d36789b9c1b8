import { and, eq, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, portalAccess, practices } from '#db/schema';

/**
 * Whether a practice the user belongs to requires them to sign in with a second factor:
 * as staff (a membership where the practice requires it of staff) or as a supervisee (live
 * portal access where the practice requires it of supervisees).
 */
export async function twoFactorRequired(db: Db, userId: string): Promise<boolean> {
  const [staff] = await db
    .select({ practiceId: practices.id })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(and(eq(memberships.userId, userId), eq(practices.requireTwoFactorStaff, true)))
    .limit(1);
  if (staff) return true;
  const [supervisee] = await db
    .select({ practiceId: practices.id })
    .from(portalAccess)
    .innerJoin(practices, eq(practices.id, portalAccess.practiceId))
    .where(
      and(
        eq(portalAccess.userId, userId),
        isNull(portalAccess.revokedAt),
        eq(practices.requireTwoFactorSupervisees, true),
      ),
    )
    .limit(1);
  return supervisee !== undefined;
}
