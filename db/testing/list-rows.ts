/**
 * Rows inserted in bulk for the tests of the growing lists (clients, contracts, sessions):
 * paging needs more than a page of them, and making each through its use case would take
 * most of a minute. The use cases that create them have tests of their own.
 */
import type { Db } from '../client';
import {
  clients,
  commissioners,
  contractParticipants,
  contracts,
  type SessionStatus,
  supervisionSessions,
} from '../schema';

export async function insertCommissioner(
  db: Db,
  practiceId: string,
  name: string,
): Promise<string> {
  const [row] = await db
    .insert(commissioners)
    .values({ practiceId, name, businessId: '0201256-6' })
    .returning({ id: commissioners.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function insertCommissioners(
  db: Db,
  practiceId: string,
  rows: readonly { name: string; city?: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(commissioners)
    .values(rows.map((row) => ({ practiceId, businessId: '0201256-6', ...row })))
    .returning({ id: commissioners.id });
  return inserted.map((row) => row.id);
}

export async function insertClients(
  db: Db,
  practiceId: string,
  rows: readonly { name: string; email?: string; organisation?: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(clients)
    .values(rows.map((row) => ({ practiceId, ...row })))
    .returning({ id: clients.id });
  return inserted.map((row) => row.id);
}

export interface ContractRowInput {
  code: string;
  supervisorId: string;
  commissionerId: string;
  participants: readonly string[];
  status?: (typeof contracts.$inferInsert)['status'];
  startsOn?: string;
  sessionsAgreed?: number;
}

/** Contracts with their participants, in the given order. */
export async function insertContracts(
  db: Db,
  practiceId: string,
  rows: readonly ContractRowInput[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(contracts)
    .values(
      rows.map((row) => ({
        practiceId,
        supervisorId: row.supervisorId,
        commissionerId: row.commissionerId,
        code: row.code,
        form: row.participants.length > 1 ? ('group' as const) : ('individual' as const),
        status: row.status ?? 'active',
        sessionsAgreed: row.sessionsAgreed ?? 10,
        sessionMinutes: 60,
        startsOn: row.startsOn ?? '2026-09-01',
        priceCents: 15_000,
      })),
    )
    .returning({ id: contracts.id });
  const ids = inserted.map((row) => row.id);
  const participants = rows.flatMap((row, index) =>
    row.participants.map((clientId) => ({ contractId: ids[index] ?? '', clientId, practiceId })),
  );
  if (participants.length > 0) await db.insert(contractParticipants).values(participants);
  return ids;
}

/** One session per status, a week apart from 1 Sep 2026 at 10.00 Helsinki time. */
export async function insertSessions(
  db: Db,
  contract: { practiceId: string; contractId: string; supervisorId: string },
  statuses: readonly SessionStatus[],
): Promise<void> {
  for (let start = 0; start < statuses.length; start += 1000) {
    await db.insert(supervisionSessions).values(
      statuses.slice(start, start + 1000).map((status, offset) => {
        const week = start + offset;
        const startsAt = new Date(Date.UTC(2026, 8, 1 + week * 7, 7));
        return {
          ...contract,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 60 * 60_000),
          status,
          chargeable: status !== 'cancelled',
          cancelledAt: status === 'cancelled' ? startsAt : null,
        };
      }),
    );
  }
}
