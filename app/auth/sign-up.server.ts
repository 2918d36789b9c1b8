import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, practices, users } from '#db/schema';
import { isUniqueViolation } from '~/db-errors.server';
import { AppError } from '~/errors';
import type { Locale } from '~/i18n';

import { hashPassword } from './password.server';

export interface SignUpInput {
  practiceName: string;
  name: string;
  email: string;
  password: string;
  locale?: Locale | null;
}

/** Creates a user, their practice and their owner membership, all or nothing. */
export async function signUp(
  db: Db,
  input: SignUpInput,
): Promise<{ userId: string; practiceId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, input.email));
      if (existing) throw new AppError('conflict', 'signup.emailTaken');
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale ?? null,
        })
        .returning({ id: users.id });
      const [practice] = await tx
        .insert(practices)
        .values({ name: input.practiceName })
        .returning({ id: practices.id });
      if (!user || !practice) throw new Error('insert returned no row');
      await tx
        .insert(memberships)
        .values({ practiceId: practice.id, userId: user.id, role: 'owner' });
      return { userId: user.id, practiceId: practice.id };
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser is told why.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'signup.emailTaken');
    throw error;
  }
}
