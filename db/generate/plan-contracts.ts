/**
 * Contracts of every form, payer and state, with their participants and goals, and how many
 * sessions each gets. Every combination the schema allows appears at least once, at any scale.
 */
import { addDays, helsinkiInstant, type LocalDate } from '~/time/helsinki';

import type { contractGoals, contractParticipants, contracts } from '../schema';
import {
  type ContractStatus,
  type Payer,
  type SupervisionForm,
  type Theme,
  themes,
} from '../schema';
import { goalTexts, guidingQuestions } from './finnish';
import { address, type PeoplePlan } from './plan-people';
import type { Random } from './random';

/** What the session plan needs to know of a contract besides its row. */
export interface PlannedContract {
  row: typeof contracts.$inferInsert & { id: string; supervisorId: string; sessionMinutes: number };
  status: ContractStatus;
  form: SupervisionForm;
  participantIds: string[];
  goalIds: string[];
  /** First and last day sessions may fall on (Helsinki dates); none for a draft. */
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** Preferred weekday slot: minutes after midnight. */
  preferredMinute: number;
  sessionCount: number;
  /** Whether the supervisor publishes summaries to this contract's supervisees. */
  publishes: boolean;
}

export interface ContractPlan {
  contracts: PlannedContract[];
  participants: (typeof contractParticipants.$inferInsert)[];
  goals: (typeof contractGoals.$inferInsert)[];
}

type Kind = { form: SupervisionForm; status: ContractStatus; payer: Payer };

/** Every kind once, in this order, before the rest are drawn by weight. */
const everyKind: Kind[] = [
  ...(['individual', 'team', 'group'] as const).flatMap((form) =>
    (['active', 'ended', 'draft'] as const).map((status) => ({
      form,
      status,
      payer: 'commissioner' as const,
    })),
  ),
  ...(['active', 'ended', 'draft'] as const).map((status) => ({
    form: 'individual' as const,
    status,
    payer: 'supervisee' as const,
  })),
];

export const minimumContracts = everyKind.length;

function drawKind(random: Random): Kind {
  const form = random.weighted({ individual: 60, team: 20, group: 20 });
  const status = random.weighted({ active: 50, ended: 44, draft: 6 });
  const payer = form === 'individual' && random.chance(0.25) ? 'supervisee' : 'commissioner';
  return { form, status, payer };
}

const HORIZON_DAYS = 5 * 365;
/** Sessions are booked up to this many days ahead. */
const BOOKED_AHEAD_DAYS = 90;

export function planContracts(
  random: Random,
  people: PeoplePlan,
  size: { contracts: number; sessions: number },
  today: LocalDate,
): ContractPlan {
  const practiceId = people.practice.id;
  const supervisors = people.users;
  const clientQueue = random.sample(people.clients, people.clients.length);
  let nextClient = 0;
  const takeClient = () => {
    const client = clientQueue[nextClient % clientQueue.length];
    nextClient += 1;
    if (!client) throw new Error('no clients to plan contracts with');
    return client;
  };

  const planned: PlannedContract[] = [];
  const participants: ContractPlan['participants'] = [];
  const goals: ContractPlan['goals'] = [];
  for (let i = 0; i < size.contracts; i++) {
    const kind = everyKind[i] ?? drawKind(random);
    const supervisor = supervisors[i % supervisors.length];
    const commissioner = random.pick(people.commissioners);
    if (!supervisor || !commissioner) throw new Error('no supervisors or commissioners');
    const id = random.uuid();

    let startOffset: number;
    let endOffset: number;
    if (kind.status === 'draft') {
      startOffset = random.int(7, 60);
      endOffset = startOffset + random.int(180, 365);
    } else if (kind.status === 'ended') {
      startOffset = -random.int(240, HORIZON_DAYS);
      endOffset = Math.min(-7, startOffset + random.int(180, 1_500));
    } else {
      startOffset = -random.int(30, HORIZON_DAYS);
      endOffset = random.int(30, 365);
    }
    const startsOn = addDays(today, startOffset);
    const plannedEndOn = addDays(today, endOffset);
    const lastOffset =
      kind.status === 'active' ? Math.min(endOffset, BOOKED_AHEAD_DAYS) : endOffset;

    const group = kind.form !== 'individual';
    const minutes = group ? random.pick([90, 120]) : random.pick([45, 60, 60, 90]);
    const memberCount = group ? random.int(3, 8) : 1;
    const members = Array.from({ length: memberCount }, takeClient);
    for (const member of members) {
      participants.push({ contractId: id, clientId: member.id, practiceId });
      if (kind.payer === 'supervisee' && member.streetAddress === null) {
        const home = address(random);
        member.streetAddress = home.street;
        member.postalCode = home.postalCode;
        member.city = home.city;
      }
    }
    const goalThemes = random.sample(themes, random.int(2, 4));
    const goalIds = goalThemes.map((theme: Theme, position) => {
      const goalId = random.uuid();
      goals.push({
        id: goalId,
        contractId: id,
        practiceId,
        position,
        text: random.pick(goalTexts[theme]),
        theme,
        createdAt: helsinkiInstant(addDays(startsOn, -14), '12:00'),
      });
      return goalId;
    });

    const vatExempt = random.chance(0.2);
    const createdAt = helsinkiInstant(addDays(startsOn, -random.int(7, 30)), '10:00');
    const activatedAt =
      kind.status === 'draft'
        ? null
        : helsinkiInstant(addDays(startsOn, -random.int(1, 6)), '12:00');
    const endedAt =
      kind.status === 'ended' ? helsinkiInstant(addDays(plannedEndOn, 1), '09:00') : null;
    planned.push({
      row: {
        id,
        practiceId,
        supervisorId: supervisor.id,
        commissionerId: commissioner.id,
        code: '', // numbered by start year once all contracts are known
        form: kind.form,
        status: kind.status,
        sessionsAgreed: 0, // set by the session plan from what it books
        sessionMinutes: minutes,
        rhythmWeeks: null,
        location: random.chance(0.7) ? `${commissioner.addressLine}, neuvotteluhuone` : null,
        remoteLink: random.chance(0.3) ? `https://video.example/${id.slice(0, 8)}` : null,
        startsOn,
        plannedEndOn,
        guidingQuestion: random.pick(guidingQuestions),
        methods: 'Dialoginen ja ratkaisukeskeinen työskentely.',
        priceCents: (group ? random.int(40, 60) : random.int(24, 36)) * 500,
        vatRateBasisPoints: vatExempt ? null : 2550,
        vatExemptReason: vatExempt
          ? 'Arvonlisäverolain 34 §:n mukainen terveydenhoitopalvelu'
          : null,
        payer: kind.payer,
        cancellationNoticeHours: random.pick([24, 48, 72]),
        chargeLateCancellation: random.chance(0.85),
        chargeNoShow: random.chance(0.9),
        commissionerDisclosure: random.weighted({
          nothing: 10,
          attendance: 70,
          attendance_and_evaluations: 20,
        }),
        retentionMonths: 24,
        activatedAt,
        endedAt,
        createdAt,
        updatedAt: endedAt ?? activatedAt ?? createdAt,
      },
      status: kind.status,
      form: kind.form,
      participantIds: members.map((m) => m.id),
      goalIds,
      firstDay: startsOn,
      lastDay: addDays(today, lastOffset),
      preferredMinute: random.int(16, 30) * 30,
      sessionCount: 0,
      publishes: random.chance(0.7),
    });
  }
  numberCodes(planned);
  shareSessions(random, planned, size.sessions);
  return { contracts: planned, participants, goals };
}

/** TO-2024-007: numbered within the start year, in order of start. */
function numberCodes(planned: PlannedContract[]) {
  const byStart = [...planned].sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  const perYear = new Map<string, number>();
  for (const contract of byStart) {
    const year = contract.firstDay.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    contract.row.code = `TO-${year}-${String(n).padStart(3, '0')}`;
  }
}

/** Shares the sessions among contracts that can have them, in proportion to their length. */
function shareSessions(random: Random, planned: PlannedContract[], total: number) {
  const bookable = planned.filter((c) => c.status !== 'draft');
  const weights = bookable.map((c) => {
    const days = (Date.parse(c.lastDay) - Date.parse(c.firstDay)) / 86_400_000 + 1;
    return Math.max(1, days) * (0.6 + random.next() * 0.8);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  bookable.forEach((contract, i) => {
    contract.sessionCount = Math.floor((total * (weights[i] ?? 0)) / sum);
    given += contract.sessionCount;
  });
  for (let i = 0; given < total; i = (i + 1) % bookable.length) {
    const contract = bookable[i];
    if (!contract) break;
    contract.sessionCount += 1;
    given += 1;
  }
}
