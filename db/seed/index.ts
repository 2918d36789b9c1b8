/**
 * The demo practice a new user finds on first start: two supervisors, eight supervisees,
 * an individual, a team and a group contract with a few weeks of held sessions, notes and
 * published summaries, and upcoming sessions. Runs only on an empty database, and never in
 * production unless SEED_DEMO=1. Times are relative to now, so the demo always has a past
 * and a future.
 */
import { and, count, eq } from 'drizzle-orm';

import { markEmailVerified } from '~/auth/email-verification.server';
import { hashPassword } from '~/auth/password.server';
import { signUp } from '~/auth/sign-up.server';
import { createClient } from '~/clients/clients.server';
import { assignExercise } from '~/exercises/assignments.server';
import { emptyPrivateNote, emptySharedDraft } from '~/notes/content';
import { publishSummary } from '~/notes/publish-summary.server';
import { saveNote } from '~/notes/save-note.server';
import type { MemberActor } from '~/practices/actor';
import type { NoteKeyring } from '~/security/sealing.server';
import { addDays, helsinkiDate, helsinkiInstant } from '~/time/helsinki';

import type { Db } from '../client';
import {
  commissioners,
  contractGoals,
  contractParticipants,
  contracts,
  exercises,
  memberships,
  portalAccess,
  practices,
  supervisionSessions,
  users,
} from '../schema';
import { demoClients, demoCommissioners, demoGuidingQuestions, demoNotes } from './content';

export const demoAccounts = {
  owner: {
    email: 'omistaja@demo.ohjaamo.fi',
    password: 'demo-omistaja-2026',
    name: 'Aino Ohjaaja',
  },
  supervisor: {
    email: 'ohjaaja@demo.ohjaamo.fi',
    password: 'demo-ohjaaja-2026',
    name: 'Veikko Väisänen',
  },
  /** Sanna Kivelä of the group contract, with a portal account. */
  supervisee: {
    email: 'sanna.kivela@kuopio.example',
    password: 'demo-tyonohjattava-2026',
    name: 'Sanna Kivelä',
  },
} as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(practices);
  return (row?.n ?? 0) === 0;
}

type ClientKey = (typeof demoClients)[number]['key'];
type CommissionerKey = (typeof demoCommissioners)[number]['key'];

/** Creates the demo practice; returns false (and does nothing) if any practice exists. */
export async function seedDemoPractice(
  db: Db,
  keyring: NoteKeyring,
  now = new Date(),
): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  const { owner, supervisor } = demoAccounts;
  const signedUp = await signUp(
    { db, keyring, now: new Date() },
    {
      practiceName: 'Työnohjaus Kajo',
      name: owner.name,
      email: owner.email,
      password: owner.password,
      locale: null,
      // The demo owner is marked verified below, so the link in this mail is never needed.
      mail: { appOrigin: '', keyring },
    },
  );
  if (signedUp.kind !== 'created') throw new Error('demo owner already exists');
  await markEmailVerified(db, signedUp.userId, now);
  const practiceId = signedUp.practiceId;
  // How supervisees reach the practice: the portal's front page shows it.
  await db
    .update(practices)
    .set({ contactEmail: 'toimisto@demo.ohjaamo.fi', contactPhone: '040 123 4567' })
    .where(eq(practices.id, practiceId));
  const aino: MemberActor = { kind: 'member', userId: signedUp.userId, practiceId, role: 'owner' };
  const [veikkoUser] = await db
    .insert(users)
    .values({
      email: supervisor.email,
      name: supervisor.name,
      passwordHash: await hashPassword(supervisor.password),
      emailVerifiedAt: now,
    })
    .returning({ id: users.id });
  if (!veikkoUser) throw new Error('insert returned no row');
  await db.insert(memberships).values({ practiceId, userId: veikkoUser.id, role: 'supervisor' });
  const veikko: MemberActor = {
    kind: 'member',
    userId: veikkoUser.id,
    practiceId,
    role: 'supervisor',
  };

  const commissionerIds = new Map<CommissionerKey, string>();
  for (const { key, ...values } of demoCommissioners) {
    const [row] = await db
      .insert(commissioners)
      .values({ ...values, practiceId })
      .returning({ id: commissioners.id });
    if (row) commissionerIds.set(key, row.id);
  }
  const clientIds = new Map<ClientKey, string>();
  for (const { key, ...values } of demoClients) {
    const id = await createClient({ db, keyring, now: new Date() }, aino, {
      ...values,
      phone: null,
      background: null,
      streetAddress: null,
      postalCode: null,
      city: null,
    });
    clientIds.set(key, id);
  }

  const today = helsinkiDate(now);
  const at = (days: number, time: string) => helsinkiInstant(addDays(today, days), time);
  const plan = [
    {
      actor: aino,
      code: 'TO-2026-001',
      form: 'individual' as const,
      commissioner: 'hyvinvointialue' as const,
      participants: ['maria'] as ClientKey[],
      minutes: 60,
      rhythmWeeks: 3,
      location: 'Sairaalantie 3, neuvotteluhuone 2',
      guidingQuestion: demoGuidingQuestions.individual,
      goals: [
        { text: 'Oma rooli ja sen rajat selkiytyvät', theme: 'role' as const },
        { text: 'Uskallan puuttua ajoissa', theme: 'power' as const },
        { text: 'Osastolla on toimiva kokouskäytäntö', theme: 'environment' as const },
      ],
      held: [-42, -21, -7],
      upcoming: [14, 35],
      time: '09:00',
      publish: true,
    },
    {
      actor: veikko,
      code: 'TO-2026-002',
      form: 'team' as const,
      commissioner: 'kaupunki' as const,
      participants: ['jukka', 'ari', 'leena'] as ClientKey[],
      minutes: 90,
      rhythmWeeks: 4,
      location: 'Koivurinteen koulu, opettajainhuone',
      guidingQuestion: demoGuidingQuestions.team,
      goals: [
        { text: 'Päätökset tehdään yhdessä ja kirjataan', theme: 'dialogue' as const },
        { text: 'Työnjako johtoryhmässä on selvä', theme: 'role' as const },
      ],
      held: [-28],
      upcoming: [0, 28],
      time: '13:00',
      publish: false,
    },
    {
      actor: aino,
      code: 'TO-2026-003',
      form: 'group' as const,
      commissioner: 'kaupunki' as const,
      participants: ['sanna', 'heidi', 'olli'] as ClientKey[],
      minutes: 90,
      rhythmWeeks: 3,
      location: 'Etäyhteys (Teams)',
      guidingQuestion: demoGuidingQuestions.group,
      goals: [
        { text: 'Luottamus tiimiin rakentuu', theme: 'dialogue' as const },
        { text: 'Osaan antaa tilaa itseohjautuvuudelle', theme: 'environment' as const },
      ],
      held: [-35, -14],
      upcoming: [7],
      time: '14:30',
      publish: true,
    },
  ];

  for (const [index, contract] of plan.entries()) {
    const commissionerId = commissionerIds.get(contract.commissioner);
    if (!commissionerId) throw new Error('demo commissioner missing');
    const [row] = await db
      .insert(contracts)
      .values({
        practiceId,
        supervisorId: contract.actor.userId,
        commissionerId,
        code: contract.code,
        form: contract.form,
        status: 'active',
        sessionsAgreed: contract.form === 'individual' ? 10 : 8,
        sessionMinutes: contract.minutes,
        rhythmWeeks: contract.rhythmWeeks,
        location: contract.location,
        startsOn: addDays(today, (contract.held[0] ?? 0) - 7),
        plannedEndOn: addDays(today, 240),
        guidingQuestion: contract.guidingQuestion,
        methods: 'Ratkaisukeskeinen ja dialoginen työskentely, reflektoivat kysymykset.',
        priceCents: contract.form === 'individual' ? 16_000 : 24_000,
        vatRateBasisPoints: 2550,
        activatedAt: at((contract.held[0] ?? 0) - 7, '08:00'),
      })
      .returning({ id: contracts.id });
    if (!row) throw new Error('insert returned no row');
    await db.insert(contractParticipants).values(
      contract.participants.map((key) => ({
        contractId: row.id,
        clientId: clientIds.get(key) ?? '',
        practiceId,
      })),
    );
    await db.insert(contractGoals).values(
      contract.goals.map((goal, position) => ({
        ...goal,
        position,
        contractId: row.id,
        practiceId,
      })),
    );
    const sessionRows = await db
      .insert(supervisionSessions)
      .values(
        [...contract.held, ...contract.upcoming].map((days, i) => ({
          practiceId,
          contractId: row.id,
          supervisorId: contract.actor.userId,
          startsAt: at(days, contract.time),
          endsAt: new Date(at(days, contract.time).getTime() + contract.minutes * 60_000),
          status: days < 0 ? ('held' as const) : ('scheduled' as const),
          evaluationKind: i === 0 ? ('start' as const) : null,
        })),
      )
      .returning({ id: supervisionSessions.id, status: supervisionSessions.status });
    const held = sessionRows.filter((s) => s.status === 'held');
    for (const [i, session] of held.entries()) {
      const text = demoNotes[(i + index) % demoNotes.length] ?? demoNotes[0];
      await saveNote({ db, keyring, now }, contract.actor, session.id, {
        baseVersion: 0,
        private: { ...emptyPrivateNote, ...text.private },
        shared: { ...emptySharedDraft, ...text.shared, actions: [...text.shared.actions] },
        themes: null,
      });
      // The demo's summaries are history: nobody is told about them now.
      if (contract.publish) {
        await publishSummary({ db, keyring, now }, contract.actor, session.id, null);
      }
    }
    // Maria of the individual contract, and Sanna of the group (who reads it in the portal).
    const exerciseFor = contract.participants.find((key) => key === 'maria' || key === 'sanna');
    if (exerciseFor) {
      await giveDemoExercise(db, keyring, now, contract.actor, row.id, clientIds.get(exerciseFor));
    }
  }
  await giveDemoPortalAccount(db, practiceId, clientIds.get('sanna'), now);
  return true;
}

/**
 * Sanna signs in to the portal as an accepted invitation would have let her: a user of her
 * own (not a member) with live access to her client row. (Maria of the individual contract
 * is left without one, for a new user to invite.)
 */
async function giveDemoPortalAccount(
  db: Db,
  practiceId: string,
  clientId: string | undefined,
  now: Date,
) {
  if (!clientId) throw new Error('demo supervisee missing');
  const { supervisee } = demoAccounts;
  const [user] = await db
    .insert(users)
    .values({
      email: supervisee.email,
      name: supervisee.name,
      passwordHash: await hashPassword(supervisee.password),
      emailVerifiedAt: now,
    })
    .returning({ id: users.id });
  if (!user) throw new Error('insert returned no row');
  await db.insert(portalAccess).values({ practiceId, clientId, userId: user.id });
}

/**
 * The practice got the starter toolkit at sign-up; a supervisee of the contract has one
 * exercise from it to do before the next session.
 */
async function giveDemoExercise(
  db: Db,
  keyring: NoteKeyring,
  now: Date,
  actor: MemberActor,
  contractId: string,
  clientId: string | undefined,
) {
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(
      and(eq(exercises.practiceId, actor.practiceId), eq(exercises.starterKey, 'team-feedback')),
    );
  if (!clientId || !exercise) return;
  await assignExercise({ db, keyring, now }, actor, contractId, {
    exerciseId: exercise.id,
    clientId,
    dueOn: addDays(helsinkiDate(now), 10),
  });
}
