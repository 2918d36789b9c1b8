/**
 * Saving a group of the practice row's settings (its profile, its invoicing details): the
 * row is locked while the stored values are compared and written, so the audit entry names
 * exactly the fields this save changed; a save that changes nothing writes nothing. Who may
 * save is the caller's rule, checked before.
 */
import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

import { practices, practiceSettingsAuditLog } from '#db/schema';
import type { PracticeSettingGroup } from '#db/schema/values';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';

import type { MemberActor } from './actor';

export async function savePracticeSettings<Field extends string>(
  { db, now }: DomainContext,
  actor: MemberActor,
  setting: PracticeSettingGroup,
  columns: Record<Field, PgColumn>,
  input: Record<Field, unknown>,
): Promise<{ changedFields: Field[] }> {
  const fields = Object.keys(columns) as Field[];
  return db.transaction(async (tx) => {
    const [current] = (await tx
      .select(columns)
      .from(practices)
      .where(eq(practices.id, actor.practiceId))
      .for('update')) as Record<Field, unknown>[];
    if (!current) throw new AppError('not_found');
    const changedFields = fields.filter((field) => current[field] !== input[field]);
    if (changedFields.length === 0) return { changedFields };
    await tx
      .update(practices)
      .set({ ...input, updatedAt: now })
      .where(eq(practices.id, actor.practiceId));
    await tx.insert(practiceSettingsAuditLog).values({
      practiceId: actor.practiceId,
      actorId: actor.userId,
      setting,
      changedFields,
      createdAt: now,
    });
    return { changedFields };
  });
}
