import { eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { memberships, practices, users } from '#db/schema';
import { isUniqueViolation } from '~/db-errors.server';
import type { DomainContext } from '~/domain/context';
import { enqueueEmail, type LinkMailSetup } from '~/email/outbox.server';
import { signUpAttemptEmail } from '~/email/templates';
import { addStarterExercises } from '~/exercises/toolkit.server';
import { isLocale, type Locale } from '~/i18n';

import { queueVerificationMail } from './email-verification.server';
import { hashPassword } from './password.server';
import { countAttempt, throttles } from './throttle.server';

export interface SignUpInput {
  practiceName: string;
  name: string;
  email: string;
  password: string;
  locale?: Locale | null;
}

export type SignUpResult =
  { kind: 'created'; userId: string; practiceId: string } | { kind: 'address-taken' };

/**
 * Creates a user, their practice and their owner membership, all or nothing, and mails a
 * link to confirm the address. An address that already has an account gets a mail telling
 * its owner instead; the caller answers both the same way, so sign-up reveals no accounts.
 */
export async function signUp(
  { db, now }: DomainContext,
  input: SignUpInput & { mail: LinkMailSetup },
): Promise<SignUpResult> {
  // Hashed either way, so a taken address takes as long as a new one.
  const passwordHash = await hashPassword(input.password);
  const locale = input.locale ?? 'fi';
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id, locale: users.locale })
        .from(users)
        .where(eq(users.email, input.email));
      if (existing) {
        await tellOwnerOfAttempt(
          tx,
          input,
          isLocale(existing.locale) ? existing.locale : locale,
          now,
        );
        return { kind: 'address-taken' };
      }
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
      await addStarterExercises(tx, practice.id);
      await queueVerificationMail(tx, { id: user.id, email: input.email, locale }, input.mail, now);
      return { kind: 'created', userId: user.id, practiceId: practice.id };
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides; the loser looks the same.
    if (isUniqueViolation(error)) return { kind: 'address-taken' };
    throw error;
  }
}

async function tellOwnerOfAttempt(
  tx: Db,
  input: { email: string; mail: LinkMailSetup },
  locale: Locale,
  now: Date,
): Promise<void> {
  // Repeated sign-ups must not turn this notice into a way to flood someone's inbox.
  if (!(await countAttempt(tx, throttles.signUpNotice, input.email, now))) return;
  const origin = input.mail.appOrigin;
  await enqueueEmail(tx, {
    to: input.email,
    ...signUpAttemptEmail(locale, {
      logInLink: `${origin}/login`,
      resetLink: `${origin}/forgot-password`,
    }),
  });
}
