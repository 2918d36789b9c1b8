/**
 * The practice profile: its name and how supervisees reach it. Every member reads it (the
 * name is in every page's menu); the owner alone changes it, like the practice's other
 * settings (docs/decisions/008).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';

import { practices } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { optionalEmail, optionalPhone, requiredText } from '~/forms/fields';

import { assertRole, type MemberActor } from './actor';
import { savePracticeSettings } from './practice-settings.server';

export const practiceProfileSchema = z.object({
  name: requiredText(120),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
});

export type PracticeProfile = z.infer<typeof practiceProfileSchema>;
type ProfileField = keyof PracticeProfile;

const profileColumns = {
  name: practices.name,
  contactEmail: practices.contactEmail,
  contactPhone: practices.contactPhone,
} as const;

export async function readPracticeProfile(
  { db }: DomainContext,
  actor: MemberActor,
): Promise<PracticeProfile> {
  const [profile] = await db
    .select(profileColumns)
    .from(practices)
    .where(eq(practices.id, actor.practiceId));
  if (!profile) throw new AppError('not_found');
  return profile;
}

/** The owner saves the profile; the audit names the fields that changed. */
export async function updatePracticeProfile(
  ctx: DomainContext,
  actor: MemberActor,
  input: PracticeProfile,
): Promise<{ changedFields: ProfileField[] }> {
  assertRole(actor, 'owner');
  return savePracticeSettings(ctx, actor, 'practice_profile', profileColumns, input);
}
