import { and, asc, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, type PracticeRole, practices, users } from '#db/schema';

export interface PracticeMembership {
  practiceId: string;
  practiceName: string;
  role: PracticeRole;
}

/** The practice a signed-in user works in: the session's choice, else their first membership. */
export async function findActiveMembership(
  db: Db,
  userId: string,
  preferredPracticeId: string | null,
): Promise<PracticeMembership | undefined> {
  const rows = await db
    .select({ practiceId: practices.id, practiceName: practices.name, role: memberships.role })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  return rows.find((r) => r.practiceId === preferredPracticeId) ?? rows[0];
}

export async function listMembers(db: Db, practiceId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.practiceId, practiceId))
    .orderBy(asc(users.name));
}

export async function isMember(db: Db, practiceId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.practiceId, practiceId), eq(users.email, email)));
  return Boolean(row);
}
