import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  clients,
  commissioners,
  contractGoals,
  contractParticipants,
  contracts,
  supervisionSessions,
  users,
} from '#db/schema';
import { isUniqueViolation } from '~/db-errors.server';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { timeZone } from '~/time/helsinki';

import { lockVisibleContract, participantClient, visibleContracts } from './access.server';
import { syncGoals } from './goals.server';
import { contractProgress } from './progress.server';
import { assertReferences } from './references.server';
import type { ContractInput, ContractStatusFilter } from './schemas';

// The rules moved to access.server.ts; these names stay importable from here.
export { lockVisibleContract, visibleContracts };

export interface ContractListFilter {
  status: ContractStatusFilter;
  /** Only contracts this supervisee takes part in (the client page). */
  clientId?: string;
  /** Only contracts this commissioner orders (the commissioner page). */
  commissionerId?: string;
}

export async function listContracts(
  db: Db,
  actor: MemberActor,
  filter: ContractListFilter = { status: 'all' },
) {
  const rows = await db
    .select({
      id: contracts.id,
      code: contracts.code,
      form: contracts.form,
      status: contracts.status,
      startsOn: contracts.startsOn,
      commissionerName: commissioners.name,
    })
    .from(contracts)
    .innerJoin(commissioners, eq(commissioners.id, contracts.commissionerId))
    .where(
      and(
        visibleContracts(actor),
        filter.status === 'all' ? undefined : eq(contracts.status, filter.status),
        filter.commissionerId ? eq(contracts.commissionerId, filter.commissionerId) : undefined,
        filter.clientId
          ? inArray(
              contracts.id,
              db
                .select({ id: contractParticipants.contractId })
                .from(contractParticipants)
                .where(
                  and(
                    eq(contractParticipants.clientId, filter.clientId),
                    eq(contractParticipants.practiceId, actor.practiceId),
                  ),
                ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(contracts.startsOn), asc(contracts.code));
  const ids = rows.map((row) => row.id);
  const [names, progress] = await Promise.all([
    participantNames(db, actor, ids),
    contractProgress(db, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    participantNames: names.get(row.id) ?? [],
    progress: progress.get(row.id) ?? { used: 0, agreed: 0, upcoming: 0 },
  }));
}

async function participantNames(db: Db, actor: MemberActor, contractIds: string[]) {
  const result = new Map<string, string[]>();
  if (contractIds.length === 0) return result;
  const rows = await db
    .select({ contractId: contractParticipants.contractId, name: clients.name })
    .from(contractParticipants)
    .innerJoin(clients, participantClient)
    .where(
      and(
        eq(contractParticipants.practiceId, actor.practiceId),
        inArray(contractParticipants.contractId, contractIds),
      ),
    )
    .orderBy(asc(clients.name));
  for (const { contractId, name } of rows) {
    const list = result.get(contractId) ?? [];
    list.push(name);
    result.set(contractId, list);
  }
  return result;
}

/** One contract with its parties, goals and progress; not_found when the actor may not see it. */
export async function getContract(db: Db, actor: MemberActor, id: string) {
  const [row] = await db
    .select({
      contract: contracts,
      commissioner: { id: commissioners.id, name: commissioners.name },
      supervisor: { id: users.id, name: users.name },
    })
    .from(contracts)
    .innerJoin(commissioners, eq(commissioners.id, contracts.commissionerId))
    .innerJoin(users, eq(users.id, contracts.supervisorId))
    .where(and(eq(contracts.id, id), visibleContracts(actor)));
  if (!row) throw new AppError('not_found');
  const [participants, goals, progress] = await Promise.all([
    db
      .select({ id: clients.id, name: clients.name })
      .from(contractParticipants)
      .innerJoin(clients, participantClient)
      .where(
        and(
          eq(contractParticipants.contractId, id),
          eq(contractParticipants.practiceId, actor.practiceId),
        ),
      )
      .orderBy(asc(clients.name)),
    db
      .select({ id: contractGoals.id, text: contractGoals.text, theme: contractGoals.theme })
      .from(contractGoals)
      .where(and(eq(contractGoals.contractId, id), eq(contractGoals.practiceId, actor.practiceId)))
      .orderBy(asc(contractGoals.position)),
    contractProgress(db, [id]),
  ]);
  return {
    ...row.contract,
    commissioner: row.commissioner,
    supervisor: row.supervisor,
    participants,
    goals,
    progress: progress.get(id) ?? { used: 0, agreed: row.contract.sessionsAgreed, upcoming: 0 },
  };
}

export type ContractDetail = Awaited<ReturnType<typeof getContract>>;

/** The next free code of the year in Finnish time, TO-2026-007, for the new-contract form. */
export async function suggestContractCode(db: Db, actor: MemberActor, now: Date): Promise<string> {
  const year = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now);
  const prefix = `TO-${year}-`;
  const rows = await db
    .select({ code: contracts.code })
    .from(contracts)
    .where(and(eq(contracts.practiceId, actor.practiceId), like(contracts.code, `${prefix}%`)));
  const highest = rows.reduce((max, { code }) => {
    const match = /^TO-\d{4}-(\d+)$/.exec(code);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}

async function assertCodeFree(db: Db, actor: MemberActor, code: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.practiceId, actor.practiceId), eq(contracts.code, code)));
  if (taken && taken.id !== exceptId) throw new AppError('conflict', 'contracts.codeTaken');
}

/** The contract row's own columns; participants and goals go to their own tables. */
function contractColumns(input: ContractInput) {
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

async function writeParticipants(
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
async function withCodeGuard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'contracts.codeTaken');
    throw error;
  }
}

/** A new contract, as a draft, with its participants and goals. */
export async function createContract(db: Db, actor: MemberActor, input: ContractInput): Promise<string> {
  return withCodeGuard(() =>
    db.transaction(async (tx) => {
      await assertReferences(tx, actor, input);
      await assertCodeFree(tx, actor, input.code);
      const [row] = await tx
        .insert(contracts)
        .values({ ...contractColumns(input), practiceId: actor.practiceId, status: 'draft' })
        .returning({ id: contracts.id });
      if (!row) throw new Error('insert returned no row');
      await writeParticipants(tx, actor, row.id, input);
      await syncGoals(tx, actor, row.id, input);
      return row.id;
    }),
  );
}

/** Draft and active contracts can be edited; an ended one is a closed record. */
export async function updateContract(
  db: Db,
  actor: MemberActor,
  id: string,
  input: ContractInput,
): Promise<void> {
  await withCodeGuard(() =>
    db.transaction(async (tx) => {
      const current = await lockVisibleContract(tx, actor, id);
      if (current.status === 'ended') throw new AppError('conflict', 'contracts.notEditable');
      await assertReferences(tx, actor, input, id);
      await assertCodeFree(tx, actor, input.code, id);
      if (input.supervisorId !== current.supervisorId) {
        // Sessions carry their supervisor (calendar, double booking, note authorship).
        const [session] = await tx
          .select({ id: supervisionSessions.id })
          .from(supervisionSessions)
          .where(
            and(
              eq(supervisionSessions.contractId, id),
              eq(supervisionSessions.practiceId, actor.practiceId),
            ),
          )
          .limit(1);
        if (session) throw new AppError('conflict', 'contracts.supervisorLocked');
      }
      await tx
        .update(contracts)
        .set(contractColumns(input))
        .where(and(eq(contracts.id, id), eq(contracts.practiceId, actor.practiceId)));
      await tx
        .delete(contractParticipants)
        .where(
          and(
            eq(contractParticipants.contractId, id),
            eq(contractParticipants.practiceId, actor.practiceId),
          ),
        );
      await writeParticipants(tx, actor, id, input);
      await syncGoals(tx, actor, id, input);
    }),
  );
}
