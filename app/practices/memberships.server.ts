import { and, asc, type Column, eq, type SQL,sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, type PracticeRole, practices, users } from '#db/schema';
import { setSessionPractice } from '~/auth/session.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import { assertRole, type MemberActor } from './actor';

export interface PracticeMembership {
  practiceId: string;
  practiceName: string;
  role: PracticeRole;
}

/**
 * Every practice the user belongs to, oldest membership first. Async, so the caller gets a
 * promise of rows (which may be awaited twice), not Drizzle's lazy query, which would run
 * again on each await.
 */
export async function listMemberships(db: Db, userId: string): Promise<PracticeMembership[]> {
  return db
    .select({ practiceId: practices.id, practiceName: practices.name, role: memberships.role })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/**
 * The same list as `listMemberships`, as a column of another query: the session lookup reads
 * it with the session, so a page's guards need no query of their own.
 */
export function membershipsColumn(userId: Column): SQL<PracticeMembership[]> {
  return sql<PracticeMembership[]>`coalesce((
    select json_agg(
      json_build_object('practiceId', ${practices.id}, 'practiceName', ${practices.name}, 'role', ${memberships.role})
      order by ${memberships.createdAt})
    from ${memberships} join ${practices} on ${practices.id} = ${memberships.practiceId}
    where ${memberships.userId} = ${userId}), '[]'::json)`;
}

/** The practice a signed-in user works in: the session's choice, else their first membership. */
export function pickActiveMembership(
  all: PracticeMembership[],
  preferredPracticeId: string | null,
): PracticeMembership | undefined {
  return all.find((m) => m.practiceId === preferredPracticeId) ?? all[0];
}

/** Moves the session to another of the user's practices; refuses one they do not belong to. */
export async function switchPractice(
  { db }: DomainContext,
  auth: { userId: string; sessionId: string },
  practiceId: string,
): Promise<void> {
  const all = await listMemberships(db, auth.userId);
  if (!all.some((m) => m.practiceId === practiceId)) throw new AppError('forbidden');
  await setSessionPractice(db, auth.sessionId, practiceId);
}

/** The practice's members with their addresses: for its owner only. */
export async function listMembers({ db }: DomainContext, actor: MemberActor) {
  assertRole(actor, 'owner');
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
    .where(eq(memberships.practiceId, actor.practiceId))
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
