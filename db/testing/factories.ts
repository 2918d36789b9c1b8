import { randomBytes } from 'node:crypto';

import { signUp } from '~/auth/sign-up.server';
import type { Actor } from '~/practices/actor';

import type { Db } from '../client';
import { memberships, type PracticeRole, users } from '../schema';

export const TEST_PASSWORD = 'harmaa-lokki-lentää-2026';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.test`;
}

/** A practice with its owner, made through the real sign-up. */
export async function createPracticeWithOwner(
  db: Db,
  overrides: { email?: string; password?: string; practiceName?: string } = {},
): Promise<{ owner: Actor; email: string; password: string }> {
  const email = overrides.email ?? uniqueEmail('owner');
  const password = overrides.password ?? TEST_PASSWORD;
  const { userId, practiceId } = await signUp(db, {
    practiceName: overrides.practiceName ?? 'Testiohjaus Oy',
    name: 'Olli Omistaja',
    email,
    password,
  });
  return { owner: { userId, practiceId, role: 'owner' }, email, password };
}

/** Adds a member with the given role; the password hash is not a usable one. */
export async function addMember(
  db: Db,
  practiceId: string,
  role: PracticeRole = 'supervisor',
): Promise<Actor & { email: string }> {
  const email = uniqueEmail(role);
  const [user] = await db
    .insert(users)
    .values({ email, name: 'Sini Supervisor', passwordHash: 'not-a-hash' })
    .returning({ id: users.id });
  if (!user) throw new Error('insert returned no row');
  await db.insert(memberships).values({ practiceId, userId: user.id, role });
  return { userId: user.id, practiceId, role, email };
}
