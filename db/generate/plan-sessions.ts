/**
 * Sessions for the planned contracts: placed on weekdays inside each contract's period, never
 * overlapping another session of the same supervisor, with outcomes as the app records them
 * (cancellationColumns and usesAllowance are the app's own rules).
 */
import { usesAllowance } from '~/sessions/allowance.server';
import { cancellationColumns } from '~/sessions/outcomes.server';
import { addDays, helsinkiInstant, isoWeekday, type LocalDate } from '~/time/helsinki';

import type { sessionAttendance, sessionChanges, supervisionSessions } from '../schema';
import type { Canceller } from '../schema';
import { cancellationReasons } from './finnish';
import type { PlannedContract } from './plan-contracts';
import type { Random } from './random';

export type SessionRow = typeof supervisionSessions.$inferInsert & {
  id: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

export interface PlannedSession {
  row: SessionRow;
  contract: PlannedContract;
}

export interface SessionPlan {
  sessions: PlannedSession[];
  changes: (typeof sessionChanges.$inferInsert)[];
  attendance: (typeof sessionAttendance.$inferInsert)[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SLOT = 30 * MINUTE;
const FIRST_START = 8 * 60;
const LAST_END = 18 * 60;

/** Half-hour slots of each supervisor's calendar that are taken. */
type Calendar = Set<number>;

function slotsOf(start: number, minutes: number): number[] {
  const first = Math.floor(start / SLOT);
  return Array.from({ length: Math.ceil(minutes / 30) }, (_, i) => first + i);
}

/** The nearest free weekday time to the wanted day; null when the week around it is full. */
function place(
  calendar: Calendar,
  contract: PlannedContract,
  wanted: LocalDate,
): { start: number } | null {
  const minutes = contract.row.sessionMinutes;
  for (let distance = 0; distance <= 6; distance++) {
    for (const direction of distance === 0 ? [0] : [1, -1]) {
      const day = addDays(wanted, distance * direction);
      if (day < contract.firstDay || day > contract.lastDay || isoWeekday(day) > 5) continue;
      // Weekdays have no clock change (Finland changes on Sunday nights), so minutes add up.
      const midnight = helsinkiInstant(day).getTime();
      const times = [contract.preferredMinute];
      for (let m = FIRST_START; m + minutes <= LAST_END; m += 30) times.push(m);
      for (const minute of times) {
        const start = midnight + minute * MINUTE;
        const slots = slotsOf(start, minutes);
        if (slots.every((s) => !calendar.has(s))) {
          for (const s of slots) calendar.add(s);
          return { start };
        }
      }
    }
  }
  return null;
}

export function planSessions(random: Random, contracts: PlannedContract[], now: Date): SessionPlan {
  const calendars = new Map<string, Calendar>();
  const plan: SessionPlan = { sessions: [], changes: [], attendance: [] };
  for (const contract of contracts) {
    if (contract.sessionCount === 0) continue;
    const calendar = calendars.get(contract.row.supervisorId) ?? new Set<number>();
    calendars.set(contract.row.supervisorId, calendar);
    const span = (Date.parse(contract.lastDay) - Date.parse(contract.firstDay)) / DAY + 1;
    const starts: number[] = [];
    for (let k = 0; k < contract.sessionCount; k++) {
      const wanted = addDays(
        contract.firstDay,
        Math.floor(((k + 0.5) * span) / contract.sessionCount),
      );
      const placed = place(calendar, contract, wanted);
      if (placed) starts.push(placed.start);
    }
    starts.sort((a, b) => a - b);
    const weeks = Math.round(span / Math.max(1, starts.length) / 7);
    contract.row.rhythmWeeks = weeks >= 1 && weeks <= 8 ? weeks : null;
    planContractSessions(random, contract, starts, now, plan);
  }
  return plan;
}

function planContractSessions(
  random: Random,
  contract: PlannedContract,
  starts: number[],
  now: Date,
  plan: SessionPlan,
) {
  const { row: terms } = contract;
  const activatedAt = terms.activatedAt?.getTime() ?? now.getTime();
  const rows: SessionRow[] = [];
  // Booked in series of a few sessions at a time, some of them one by one.
  for (let i = 0; i < starts.length;) {
    const length = random.int(1, 10);
    const chunk = starts.slice(i, i + length);
    i += length;
    const firstStart = chunk[0] ?? now.getTime();
    const bookedAt = new Date(
      Math.max(
        activatedAt + HOUR,
        Math.min(firstStart - random.int(3, 28) * DAY, now.getTime() - HOUR, firstStart - HOUR),
      ),
    );
    const seriesId = chunk.length > 1 ? random.uuid() : null;
    for (const start of chunk) {
      const startsAt = new Date(start);
      const endsAt = new Date(start + terms.sessionMinutes * MINUTE);
      rows.push({
        id: random.uuid(),
        practiceId: terms.practiceId,
        contractId: terms.id,
        supervisorId: terms.supervisorId,
        startsAt,
        endsAt,
        seriesId,
        ...outcome(random, contract, startsAt, endsAt, bookedAt, now),
        createdAt: bookedAt,
      });
    }
  }

  markAllowanceAndEvaluations(random, contract, rows);
  for (const row of rows) {
    plan.sessions.push({ row, contract });
    plan.changes.push({
      sessionId: row.id,
      practiceId: row.practiceId,
      changedBy: row.supervisorId,
      kind: 'booked',
      newStartsAt: row.startsAt,
      newEndsAt: row.endsAt,
      createdAt: row.createdAt,
    });
    if (row.status !== 'scheduled' && row.status !== undefined) {
      plan.changes.push({
        sessionId: row.id,
        practiceId: row.practiceId,
        changedBy: row.supervisorId,
        kind: row.status,
        createdAt: row.updatedAt,
      });
    }
    if (row.status === 'held' && contract.form !== 'individual') {
      const attended = contract.participantIds.map(() => random.chance(0.9));
      if (!attended.includes(true)) attended[0] = true;
      contract.participantIds.forEach((clientId, i) => {
        plan.attendance.push({
          sessionId: row.id,
          clientId,
          practiceId: row.practiceId,
          attended: attended[i] ?? false,
        });
      });
    }
  }
}

type Outcome = Pick<
  SessionRow,
  | 'status'
  | 'chargeable'
  | 'cancelledAt'
  | 'cancelledLate'
  | 'cancelledBy'
  | 'cancellationReason'
  | 'icalSequence'
  | 'updatedAt'
>;

/** What became of the session by `now`, with the columns the app's use cases would write. */
function outcome(
  random: Random,
  contract: PlannedContract,
  startsAt: Date,
  endsAt: Date,
  bookedAt: Date,
  now: Date,
): Outcome {
  const terms = contract.row;
  const scheduled: Outcome = { status: 'scheduled', chargeable: true, updatedAt: bookedAt };
  const cancel = (by: Canceller, hoursBefore: number): Outcome => {
    const at = Math.min(
      now.getTime() - MINUTE,
      Math.max(bookedAt.getTime() + MINUTE, startsAt.getTime() - hoursBefore * HOUR),
    );
    const columns = cancellationColumns(
      {
        cancellationNoticeHours: terms.cancellationNoticeHours ?? 24,
        chargeLateCancellation: terms.chargeLateCancellation ?? true,
      },
      startsAt,
      { by, reason: random.pick(cancellationReasons), cancelledAt: new Date(at) },
      now,
    );
    return { ...columns, icalSequence: 1, updatedAt: columns.cancelledAt };
  };
  const notice = terms.cancellationNoticeHours ?? 24;
  const onTime = () => random.int(notice + 1, 21 * 24);
  const late = () => random.int(1, notice - 1);

  if (startsAt.getTime() > now.getTime()) {
    if (!random.chance(0.04)) return scheduled;
    // Called off already; how far ahead depends on when "now" is.
    const by = random.chance(0.7) ? 'supervisee' : 'supervisor';
    return cancel(by, (startsAt.getTime() - now.getTime()) / HOUR + random.int(1, 96));
  }
  const recent = now.getTime() - endsAt.getTime() < 5 * DAY;
  if (endsAt.getTime() > now.getTime() || (recent && random.chance(0.4))) return scheduled;

  const what = random.weighted({
    held: 875,
    superviseeOnTime: 40,
    superviseeLate: 25,
    supervisor: 30,
    practice: 5,
    noShow: 25,
  });
  const recordedAt = new Date(
    Math.min(now.getTime() - MINUTE, endsAt.getTime() + random.int(10, 600) * MINUTE),
  );
  switch (what) {
    case 'held':
      return { status: 'held', chargeable: true, updatedAt: recordedAt };
    case 'noShow':
      return { status: 'no_show', chargeable: terms.chargeNoShow ?? true, updatedAt: recordedAt };
    case 'superviseeOnTime':
      return cancel('supervisee', onTime());
    case 'superviseeLate':
      return cancel('supervisee', late());
    case 'supervisor':
      return cancel('supervisor', random.chance(0.3) ? late() : onTime());
    case 'practice':
      return cancel('practice', onTime());
  }
}

/**
 * The allowance the contract agreed on, the sessions booked past it as extra, and which
 * sessions are its start, middle and end evaluation points.
 */
function markAllowanceAndEvaluations(
  random: Random,
  contract: PlannedContract,
  rows: SessionRow[],
) {
  const counted = rows.filter((r) =>
    usesAllowance({ status: r.status ?? 'scheduled', chargeable: r.chargeable ?? true }),
  );
  const overBooked = counted.length > 6 && random.chance(0.15) ? random.int(1, 3) : 0;
  const agreed = overBooked > 0 ? counted.length - overBooked : Math.ceil(counted.length / 5) * 5;
  contract.row.sessionsAgreed = Math.max(1, agreed);
  counted.forEach((row, i) => {
    row.extra = i >= agreed;
  });
  const met = counted.filter((r) => r.status !== 'no_show');
  const first = met[0];
  if (first) first.evaluationKind = 'start';
  if (met.length >= 3) {
    const middle = met[Math.floor(met.length / 2)];
    if (middle) middle.evaluationKind = 'middle';
  }
  const last = met[met.length - 1];
  if (contract.status === 'ended' && met.length >= 2 && last) last.evaluationKind = 'end';
}
