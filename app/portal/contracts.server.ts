/**
 * The supervisee's contracts as the portal shows them: the agreed terms a supervisee should
 * know (guiding question, goals, rhythm, place, cancellation rule), how far the process has
 * come and the next session. Never prices, cancellation reasons or anything about notes.
 * A constant number of queries however many contracts and sessions there are.
 */
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  contractGoals,
  contracts,
  summaryPublications,
  supervisionSessions,
  users,
} from '#db/schema';
import type { ContractStatus, SessionStatus, SupervisionForm, Theme } from '#db/schema/values';
import { contractProgress, type ContractProgressCounts } from '~/contracts/progress.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { SuperviseeActor } from '~/practices/actor';

import { agreedContracts, participatedSessions } from './access.server';
import { type MeetingPlace, meetingPlace } from './meeting-place';

export interface PortalSession extends MeetingPlace {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  cancelledLate: boolean | null;
  chargeable: boolean;
}

export interface PortalContract {
  id: string;
  code: string;
  form: SupervisionForm;
  status: ContractStatus;
  supervisorName: string;
  guidingQuestion: string | null;
  methods: string | null;
  sessionMinutes: number;
  rhythmWeeks: number | null;
  startsOn: string;
  plannedEndOn: string | null;
  location: string | null;
  remoteLink: string | null;
  cancellationNoticeHours: number;
  chargeLateCancellation: boolean;
  chargeNoShow: boolean;
  goals: { text: string; theme: Theme | null }[];
  progress: ContractProgressCounts;
  nextSession: PortalSession | null;
}

const contractColumns = {
  id: contracts.id,
  code: contracts.code,
  form: contracts.form,
  status: contracts.status,
  supervisorName: users.name,
  guidingQuestion: contracts.guidingQuestion,
  methods: contracts.methods,
  sessionsAgreed: contracts.sessionsAgreed,
  sessionMinutes: contracts.sessionMinutes,
  rhythmWeeks: contracts.rhythmWeeks,
  startsOn: contracts.startsOn,
  plannedEndOn: contracts.plannedEndOn,
  location: contracts.location,
  remoteLink: contracts.remoteLink,
  cancellationNoticeHours: contracts.cancellationNoticeHours,
  chargeLateCancellation: contracts.chargeLateCancellation,
  chargeNoShow: contracts.chargeNoShow,
};

const sessionColumns = {
  id: supervisionSessions.id,
  startsAt: supervisionSessions.startsAt,
  endsAt: supervisionSessions.endsAt,
  status: supervisionSessions.status,
  location: supervisionSessions.location,
  cancelledLate: supervisionSessions.cancelledLate,
  chargeable: supervisionSessions.chargeable,
};

function contractQuery(db: Db, actor: SuperviseeActor) {
  return db
    .select(contractColumns)
    .from(contracts)
    .innerJoin(users, eq(users.id, contracts.supervisorId))
    .where(agreedContracts(actor))
    .$dynamic();
}

/** Goals of the given contracts (already scoped to the actor), in order, by contract. */
async function goalsOf(db: Db, actor: SuperviseeActor, contractIds: string[]) {
  const byContract = new Map<string, { text: string; theme: Theme | null }[]>();
  if (contractIds.length === 0) return byContract;
  const rows = await db
    .select({
      contractId: contractGoals.contractId,
      text: contractGoals.text,
      theme: contractGoals.theme,
    })
    .from(contractGoals)
    .where(
      and(
        eq(contractGoals.practiceId, actor.practiceId),
        inArray(contractGoals.contractId, contractIds),
      ),
    )
    .orderBy(asc(contractGoals.contractId), asc(contractGoals.position));
  for (const { contractId, ...goal } of rows) {
    byContract.set(contractId, [...(byContract.get(contractId) ?? []), goal]);
  }
  return byContract;
}

type ContractRow = Awaited<ReturnType<typeof contractQuery>>[number];

function toPortalSession(
  row: { location: string | null } & Omit<PortalSession, keyof MeetingPlace>,
  contract: { location: string | null; remoteLink: string | null },
): PortalSession {
  const { location, ...session } = row;
  return { ...session, ...meetingPlace(location, contract) };
}

function toPortalContract(
  row: ContractRow,
  goals: Map<string, PortalContract['goals']>,
  progress: Map<string, ContractProgressCounts>,
  nextSession: PortalSession | null,
): PortalContract {
  const { sessionsAgreed, ...contract } = row;
  return {
    ...contract,
    goals: goals.get(row.id) ?? [],
    progress: progress.get(row.id) ?? { used: 0, agreed: sessionsAgreed, upcoming: 0 },
    nextSession,
  };
}

/** The supervisee's contracts, active ones first, then ended ones, newest first within each. */
export async function listPortalContracts(
  { db, now }: DomainContext,
  actor: SuperviseeActor,
): Promise<PortalContract[]> {
  const rows = await contractQuery(db, actor).orderBy(desc(contracts.startsOn));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [goals, progress, upcoming] = await Promise.all([
    goalsOf(db, actor, ids),
    contractProgress(db, ids),
    // The first coming (or ongoing) session of each contract.
    db
      .selectDistinctOn([supervisionSessions.contractId], {
        ...sessionColumns,
        contractId: supervisionSessions.contractId,
      })
      .from(supervisionSessions)
      .where(
        and(
          participatedSessions(actor),
          inArray(supervisionSessions.contractId, ids),
          eq(supervisionSessions.status, 'scheduled'),
          gt(supervisionSessions.endsAt, now),
        ),
      )
      .orderBy(asc(supervisionSessions.contractId), asc(supervisionSessions.startsAt)),
  ]);
  const next = new Map(upcoming.map(({ contractId, ...session }) => [contractId, session]));
  return (
    rows
      .map((row) => {
        const session = next.get(row.id);
        return toPortalContract(
          row,
          goals,
          progress,
          session ? toPortalSession(session, row) : null,
        );
      })
      // A stable sort: active before ended, each still newest first.
      .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'))
  );
}

export interface PortalContractPage extends PortalContract {
  /**
   * Every session, in time order: whether a summary of it has been published, and whether
   * it is still to come (then it can be added to a calendar).
   */
  sessions: (PortalSession & { hasSummary: boolean; coming: boolean })[];
}

/** One of the supervisee's contracts with all its sessions; not_found for any other. */
export async function getPortalContract(
  { db, now }: DomainContext,
  actor: SuperviseeActor,
  contractId: string,
): Promise<PortalContractPage> {
  const [row] = await contractQuery(db, actor).where(
    and(agreedContracts(actor), eq(contracts.id, contractId)),
  );
  if (!row) throw new AppError('not_found');
  const [goals, progress, sessionRows] = await Promise.all([
    goalsOf(db, actor, [row.id]),
    contractProgress(db, [row.id]),
    db
      .select({
        ...sessionColumns,
        hasSummary: sql<boolean>`exists (${db
          .select({ id: summaryPublications.id })
          .from(summaryPublications)
          .where(
            and(
              eq(summaryPublications.sessionId, supervisionSessions.id),
              eq(summaryPublications.practiceId, supervisionSessions.practiceId),
            ),
          )})`,
      })
      .from(supervisionSessions)
      .where(and(participatedSessions(actor), eq(supervisionSessions.contractId, row.id)))
      .orderBy(asc(supervisionSessions.startsAt)),
  ]);
  const sessions = sessionRows.map(({ hasSummary, ...session }) => ({
    ...toPortalSession(session, row),
    hasSummary: Boolean(hasSummary),
    coming: session.status === 'scheduled' && session.endsAt.getTime() > now.getTime(),
  }));
  const nextSession = sessions.find((s) => s.coming) ?? null;
  return { ...toPortalContract(row, goals, progress, nextSession), sessions };
}

export interface PortalContractSession extends PortalSession {
  contractId: string;
}

/**
 * Every session of the given contracts (the supervisee's agreed ones, as listPortalContracts
 * returned them), in time order, with the place the session meets at. One query.
 */
export async function listPortalSessions(
  { db }: DomainContext,
  actor: SuperviseeActor,
  agreed: readonly Pick<PortalContract, 'id' | 'location' | 'remoteLink'>[],
): Promise<PortalContractSession[]> {
  if (agreed.length === 0) return [];
  const byId = new Map(agreed.map((c) => [c.id, c]));
  const rows = await db
    .select({ ...sessionColumns, contractId: supervisionSessions.contractId })
    .from(supervisionSessions)
    .where(
      and(participatedSessions(actor), inArray(supervisionSessions.contractId, [...byId.keys()])),
    )
    .orderBy(asc(supervisionSessions.startsAt), asc(supervisionSessions.id));
  return rows.flatMap(({ contractId, ...row }) => {
    const contract = byId.get(contractId);
    return contract ? [{ ...toPortalSession(row, contract), contractId }] : [];
  });
}
