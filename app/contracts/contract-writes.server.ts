/** What creating and updating a contract share. Internal to those two use cases. */
import { and, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contractParticipants, contracts } from '#db/schema';
import { isUniqueViolation } from '~/db-errors.server';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';

import type { ContractInput } from './schemas';

export async function assertCodeFree(db: Db, actor: MemberActor, code: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.practiceId, actor.practiceId), eq(contracts.code, code)));
  if (taken && taken.id !== exceptId) throw new AppError('conflict', 'contracts.codeTaken');
}

/** The contract row's own columns; participants and goals go to their own tables. */
export function contractColumns(input: ContractInput) {
  return {
    supervisorId: input.supervisorId,
    commissionerId: input.commissionerId,
    code: input.code,
    form: input.form,
    sessionsAgreed: input.sessionsAgreed,
    sessionMinutes: input.sessionMinutes,
    rhythmWeeks: input.rhythmWeeks,
    location: input.location,
    remoteLink: input.remoteLink,
    startsOn: input.startsOn,
    plannedEndOn: input.plannedEndOn,
    guidingQuestion: input.guidingQuestion,
    methods: input.methods,
    priceCents: input.priceCents,
    vatRateBasisPoints: input.vatRateBasisPoints,
    vatExemptReason: input.vatExemptReason,
    payer: input.payer,
    cancellationNoticeHours: input.cancellationNoticeHours,
    chargeLateCancellation: input.chargeLateCancellation,
    chargeNoShow: input.chargeNoShow,
    commissionerDisclosure: input.commissionerDisclosure,
    retentionMonths: input.retentionMonths,
  } satisfies Partial<typeof contracts.$inferInsert>;
}

export async function writeParticipants(
  tx: Db,
  actor: MemberActor,
  contractId: string,
  input: ContractInput,
) {
  await tx.insert(contractParticipants).values(
    input.participants.map((clientId) => ({
      contractId,
      clientId,
      practiceId: actor.practiceId,
    })),
  );
}

// Two people saving the same code at once pass the check; the unique index decides.
export async function withCodeGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'contracts.codeTaken');
    throw error;
  }
}
