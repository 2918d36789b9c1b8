/**
 * The practice profile: its name and how supervisees reach it. Every member reads it (the
 * name is in every page's menu); the owner alone changes it, like the practice's other
 * settings (docs/decisions/008).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';

import { practices, practiceSettingsAuditLog } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { optionalEmail, optionalPhone, requiredText } from '~/forms/fields';

import { assertRole, type MemberActor } from './actor';

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

const profileFields = Object.keys(profileColumns) as ProfileField[];

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

/**
 * The owner saves the profile. The row is locked while it is compared and written, so the
 * audit entry names exactly the fields this save changed; a save that changes nothing
 * writes nothing.
 */
export async function updatePracticeProfile(
  { db, now }: DomainContext,
  actor: MemberActor,
  input: PracticeProfile,
): Promise<{ changedFields: ProfileField[] }> {
  assertRole(actor, 'owner');
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(profileColumns)
      .from(practices)
      .where(eq(practices.id, actor.practiceId))
      .for('update');
    if (!current) throw new AppError('not_found');
    const changedFields = profileFields.filter((field) => current[field] !== input[field]);
    if (changedFields.length === 0) return { changedFields };
    await tx
      .update(practices)
      .set({ ...input, updatedAt: now })
      .where(eq(practices.id, actor.practiceId));
    await tx.insert(practiceSettingsAuditLog).values({
      practiceId: actor.practiceId,
      actorId: actor.userId,
      setting: 'practice_profile',
      changedFields,
      createdAt: now,
    });
    return { changedFields };
  });
}
