/**
 * A big, realistic practice for benchmarks and for trying the app with years of history:
 * 20 supervisors, 1,000 clients, 50 commissioners, 300 contracts and 50,000 sessions over
 * five years at scale 1, portal accounts for about 60 % of the clients with what they did
 * in the portal, and three years of monthly invoicing on a connected Stripe account. The same seed and `now` always give the same rows (ids included);
 * only the sealed texts differ, as each seal takes a fresh random IV.
 *
 * Rows are planned in memory and written in multi-row batches in one transaction, which is
 * why this does not go through the use cases one session at a time; where a column's value
 * follows a rule of the app (cancellations, the allowance, note themes, sealing contexts),
 * the app's own function computes it.
 */
import { and, eq, inArray, like, notExists, sql } from 'drizzle-orm';

import { hashPassword } from '~/auth/password.server';
import { addStarterExercises } from '~/exercises/toolkit.server';
import type { NoteKeyring } from '~/security/sealing.server';
import { helsinkiDate } from '~/time/helsinki';

import type { Db } from '../client';
import {
  agreedActionMarks,
  agreedActions,
  clients,
  commissioners,
  contractGoals,
  contractParticipants,
  contracts,
  evaluations,
  evaluationScores,
  invoiceLines,
  invoiceRuns,
  invoices,
  memberships,
  noteAuditLog,
  portalAccess,
  portalInvitations,
  practices,
  sessionAttendance,
  sessionChanges,
  sessionNotes,
  sessionReflections,
  stripeConnections,
  stripeCustomers,
  stripeTaxRates,
  summaryPublications,
  supervisionSessions,
  users,
} from '../schema';
import { insertInBatches } from './insert';
import { PAYMENT_TERM_DAYS, planBilling } from './plan-billing';
import { minimumContracts, planContracts } from './plan-contracts';
import { planNotes } from './plan-notes';
import { ownerEmail, planPeople, practiceDomain } from './plan-people';
import { planPortal } from './plan-portal';
import { planSessions } from './plan-sessions';
import { Random } from './random';

export interface PracticeSize {
  supervisors: number;
  clients: number;
  commissioners: number;
  contracts: number;
  sessions: number;
}

/** The size at a scale: 1 is the full benchmark practice, 0.02 has 1,000 sessions. */
export function sizeAt(scale: number): PracticeSize {
  if (!(scale > 0 && scale <= 10)) throw new RangeError('scale must be in (0, 10]');
  return {
    supervisors: Math.max(2, Math.round(20 * scale)),
    clients: Math.max(30, Math.round(1_000 * scale)),
    commissioners: Math.max(3, Math.round(50 * scale)),
    contracts: Math.max(minimumContracts, Math.round(300 * scale)),
    sessions: Math.round(50_000 * scale),
  };
}

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** The moment the history ends at; sessions after it are still to come. */
  now: Date;
  /** Every generated member signs in with this password. */
  password: string;
  /** Delete an earlier generated practice first instead of refusing. */
  reset?: boolean;
}

export interface GeneratedPractice {
  practiceId: string;
  owner: { name: string; email: string };
  supervisor: { name: string; email: string };
  /** A supervisee with a live portal account (the same password as the members). */
  supervisee: { name: string; email: string };
  rows: Record<string, number>;
  noteParts: number;
}

export class PracticeExistsError extends Error {
  constructor() {
    super(`A generated practice (${ownerEmail}) is already in this database; use --reset.`);
    this.name = 'PracticeExistsError';
  }
}

export async function generatePractice(
  db: Db,
  keyring: NoteKeyring,
  options: GenerateOptions,
): Promise<GeneratedPractice> {
  const size = sizeAt(options.scale);
  const random = new Random(options.seed);
  const now = options.now;
  // One hash for all members: they share the password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(options.password);
  const createdAt = new Date(now.getTime() - 5 * 366 * 86_400_000);

  const people = planPeople(random, size, passwordHash, createdAt);
  const contractPlan = planContracts(random, people, size, helsinkiDate(now));
  const sessionPlan = planSessions(random, contractPlan.contracts, now);
  const notePlan = planNotes(random, keyring, sessionPlan.sessions, now);
  const portalPlan = planPortal(random, keyring, {
    people,
    contracts: contractPlan.contracts,
    sessions: sessionPlan.sessions,
    notes: notePlan,
    passwordHash,
    now,
  });
  const [owner, supervisor] = people.users;
  if (!owner || !supervisor) throw new Error('a practice needs an owner and a supervisor');
  const billingPlan = planBilling(random, {
    people,
    sessions: sessionPlan.sessions,
    changes: sessionPlan.changes,
    ownerId: owner.id,
    now,
  });
  people.practice.paymentTermDays = PAYMENT_TERM_DAYS;
  people.practice.nextInvoiceNumber = billingPlan.nextInvoiceNumber;

  const tables = [
    ['users', users, people.users],
    ['users (supervisees)', users, portalPlan.users],
    ['practices', practices, [people.practice]],
    ['memberships', memberships, people.memberships],
    ['commissioners', commissioners, people.commissioners],
    ['clients', clients, people.clients],
    ['contracts', contracts, contractPlan.contracts.map((c) => c.row)],
    ['contract_participants', contractParticipants, contractPlan.participants],
    ['contract_goals', contractGoals, contractPlan.goals],
    ['supervision_sessions', supervisionSessions, sessionPlan.sessions.map((s) => s.row)],
    ['session_changes', sessionChanges, sessionPlan.changes],
    ['session_attendance', sessionAttendance, sessionPlan.attendance],
    ['session_notes', sessionNotes, notePlan.notes],
    ['summary_publications', summaryPublications, notePlan.publications],
    ['agreed_actions', agreedActions, notePlan.actions],
    ['note_audit_log', noteAuditLog, notePlan.audit],
    ['evaluations', evaluations, notePlan.evaluations],
    ['evaluation_scores', evaluationScores, notePlan.scores],
    ['portal_invitations', portalInvitations, portalPlan.invitations],
    ['portal_access', portalAccess, portalPlan.access],
    ['agreed_action_marks', agreedActionMarks, portalPlan.marks],
    ['session_reflections', sessionReflections, portalPlan.reflections],
    ['note_audit_log (portal)', noteAuditLog, portalPlan.audit],
    ['stripe_connections', stripeConnections, [billingPlan.connection]],
    ['stripe_customers', stripeCustomers, billingPlan.customers],
    ['stripe_tax_rates', stripeTaxRates, billingPlan.taxRates],
    ['invoice_runs', invoiceRuns, billingPlan.runs],
    ['invoices', invoices, billingPlan.invoices],
    ['invoice_lines', invoiceLines, billingPlan.lines],
  ] as const;

  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, ownerEmail));
    if (existing) {
      if (!options.reset) throw new PracticeExistsError();
      await removeGeneratedPractice(tx, existing.id);
    }
    for (const [, table, rows] of tables) {
      await insertInBatches(tx, table, rows as readonly (typeof table.$inferInsert)[]);
    }
    await addStarterExercises(tx, people.practice.id);
  });
  // Fresh statistics, as a server's autovacuum would gather them in time: without them the
  // planner guesses at tens of thousands of new rows, and what the bench or an EXPLAIN shows
  // is not what a real practice gets. (Some servers, this project's CI machine among them,
  // run with autovacuum off.)
  await db.execute(sql`analyze`);

  const liveAccess = portalPlan.access.find((a) => !a.revokedAt);
  const supervisee = portalPlan.users.find((u) => u.id === liveAccess?.userId);
  if (!supervisee) throw new Error('no supervisee with portal access was generated');
  return {
    practiceId: people.practice.id,
    owner: { name: owner.name, email: owner.email },
    supervisor: { name: supervisor.name, email: supervisor.email },
    supervisee: { name: supervisee.name, email: supervisee.email },
    rows: Object.fromEntries(tables.map(([name, , rows]) => [name, rows.length])),
    noteParts: notePlan.noteParts,
  };
}

/**
 * The practice (its rows go with it), the generated members' accounts and the portal
 * accounts of its supervisees that no other practice knows.
 */
async function removeGeneratedPractice(tx: Db, ownerId: string) {
  const owned = await tx
    .select({ practiceId: memberships.practiceId })
    .from(memberships)
    .where(eq(memberships.userId, ownerId));
  const practiceIds = owned.map((m) => m.practiceId);
  if (practiceIds.length > 0) {
    const supervisees = await tx
      .selectDistinct({ userId: portalAccess.userId })
      .from(portalAccess)
      .where(inArray(portalAccess.practiceId, practiceIds));
    // The cascade checks every deleted session against invoice_lines and evaluations through
    // their session indexes (migration 0019).
    await tx.delete(practices).where(inArray(practices.id, practiceIds));
    if (supervisees.length > 0) {
      const elsewhere = tx
        .select({ id: portalAccess.id })
        .from(portalAccess)
        .where(eq(portalAccess.userId, users.id));
      const member = tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(eq(memberships.userId, users.id));
      await tx.delete(users).where(
        and(
          inArray(
            users.id,
            supervisees.map((s) => s.userId),
          ),
          notExists(elsewhere),
          notExists(member),
        ),
      );
    }
  }
  await tx.delete(users).where(like(users.email, `%@${practiceDomain}`));
}
