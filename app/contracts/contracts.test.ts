import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clients, commissioners, contracts, evaluationScores } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import type { AppError } from '~/errors';
import { recordEvaluation } from '~/evaluations/evaluations.server';
import type { MemberActor } from '~/practices/actor';

import { createContract } from './create-contract.server';
import { contractValues } from './form-values';
import { getContract } from './get-contract.server';
import { listContracts } from './list-contracts.server';
import { contractFormOptions } from './references.server';
import { contractSchema } from './schemas';
import { activateContract, endContract } from './status.server';
import { suggestContractCode } from './suggest-contract-code.server';
import { updateContract } from './update-contract.server';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const someId = '00000000-0000-4000-8000-000000000001';
const otherId = '00000000-0000-4000-8000-000000000002';

/** A complete, valid submission of the contract form, as the browser would send it. */
function formValues(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const values: Record<string, string | undefined> = {
    supervisorId: someId,
    commissionerId: someId,
    form: 'individual',
    [`participant_${someId}`]: 'on',
    code: 'to-2026-001',
    sessionsAgreed: '10',
    sessionMinutes: '60',
    rhythmWeeks: '3',
    location: 'Kauppakatu 1, Kuopio',
    remoteLink: '',
    startsOn: '2026-09-01',
    plannedEndOn: '2027-05-31',
    guidingQuestion: 'Miten johdan muutosta niin, että tiimi pysyy mukana?',
    goal1Text: 'Selkeämpi rooli esihenkilönä',
    goal1Theme: 'role',
    goal2Text: 'Palaverikäytännöt kuntoon',
    goal2Theme: '',
    methods: 'Ratkaisukeskeinen, dialoginen',
    price: '150,50',
    vat: '2550',
    vatExemptReason: '',
    payer: 'commissioner',
    cancellationNoticeHours: '48',
    chargeLateCancellation: 'on',
    commissionerDisclosure: 'attendance',
    retentionMonths: '24',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function errors(values: Record<string, string>): Record<string, string[]> {
  const result = contractSchema.safeParse(values);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

function parse(values: Record<string, string>) {
  const result = contractSchema.safeParse(values);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  return attempt.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as AppError,
  );
}

/** A commissioner and `count` supervisees in the actor's practice. */
async function parties(actor: MemberActor, count = 1) {
  const [commissioner] = await db()
    .insert(commissioners)
    .values({
      practiceId: actor.practiceId,
      name: 'Pohjois-Savon hyvinvointialue',
      businessId: '3221318-4',
    })
    .returning({ id: commissioners.id });
  const people = await db()
    .insert(clients)
    .values(
      Array.from({ length: count }, (_, i) => ({
        practiceId: actor.practiceId,
        name: `Työnohjattava ${i + 1}`,
      })),
    )
    .returning({ id: clients.id });
  if (!commissioner) throw new Error('no commissioner');
  return { commissionerId: commissioner.id, clientIds: people.map((p) => p.id) };
}

async function newContract(actor: MemberActor, overrides: Record<string, string | undefined> = {}) {
  const { commissionerId, clientIds } = await parties(actor);
  const [clientId = ''] = clientIds;
  const input = parse(
    formValues({
      supervisorId: actor.userId,
      commissionerId,
      [`participant_${someId}`]: undefined,
      [`participant_${clientId}`]: 'on',
      code: `TO-${Math.random().toString().slice(2, 8)}`,
      ...overrides,
    }),
  );
  return {
    id: await createContract(testContext(db()), actor, input),
    input,
    clientId,
    commissionerId,
  };
}

describe('contract form validation', () => {
  it('accepts a complete form and turns it into stored values', () => {
    const input = parse(formValues());
    expect(input.code).toBe('TO-2026-001');
    expect(input.priceCents).toBe(15_050);
    expect(input.vatRateBasisPoints).toBe(2550);
    expect(input.participants).toEqual([someId]);
    expect(input.goals).toEqual([
      { id: null, text: 'Selkeämpi rooli esihenkilönä', theme: 'role' },
      { id: null, text: 'Palaverikäytännöt kuntoon', theme: null },
    ]);
    expect(input.chargeLateCancellation).toBe(true);
    expect(input.chargeNoShow).toBe(false);
  });

  it('reads the price in euros into cents and refuses what is no amount', () => {
    expect(parse(formValues({ price: '1 500,50 €' })).priceCents).toBe(150_050);
    expect(errors(formValues({ price: 'sata' })).price).toEqual(['contracts.invalidPrice']);
  });

  it('asks for one participant in individual and two or more in team and group supervision', () => {
    expect(errors(formValues({ [`participant_${someId}`]: undefined })).participants).toEqual([
      'contracts.oneParticipant',
    ]);
    const two = { [`participant_${otherId}`]: 'on' };
    expect(errors(formValues(two)).participants).toEqual(['contracts.oneParticipant']);
    expect(errors(formValues({ form: 'team' })).participants).toEqual([
      'contracts.severalParticipants',
    ]);
    expect(errors(formValues({ form: 'group' })).participants).toEqual([
      'contracts.severalParticipants',
    ]);
    expect(errors(formValues({ form: 'group', ...two }))).toEqual({});
  });

  it('needs the legal reason when the sale is exempt from VAT', () => {
    expect(errors(formValues({ vat: 'exempt' })).vatExemptReason).toEqual([
      'contracts.vatReasonRequired',
    ]);
    const input = parse(formValues({ vat: 'exempt', vatExemptReason: 'AVL 34 §' }));
    expect(input.vatRateBasisPoints).toBeNull();
    expect(input.vatExemptReason).toBe('AVL 34 §');
    // A reason left in the field is not stored when a rate was chosen after all.
    expect(parse(formValues({ vat: '0', vatExemptReason: 'AVL 34 §' }))).toMatchObject({
      vatRateBasisPoints: 0,
      vatExemptReason: null,
    });
  });

  it('refuses an end before the start and reports every problem at once', () => {
    expect(errors(formValues({ plannedEndOn: '2026-08-31' })).plannedEndOn).toEqual([
      'contracts.endBeforeStart',
    ]);
    expect(parse(formValues({ startsOn: '1.9.2026', plannedEndOn: '' }))).toMatchObject({
      startsOn: '2026-09-01',
      plannedEndOn: null,
    });
    expect(errors(formValues({ startsOn: '31.2.2026' })).startsOn).toEqual([
      'contracts.invalidDate',
    ]);
    const many = errors(
      formValues({
        sessionsAgreed: '0',
        sessionMinutes: '500',
        code: '',
        vat: 'exempt',
        form: 'team',
      }),
    );
    expect(Object.keys(many).sort()).toEqual(
      ['code', 'participants', 'sessionMinutes', 'sessionsAgreed', 'vatExemptReason'].sort(),
    );
  });

  it('checks ranges, links and goal rows', () => {
    expect(errors(formValues({ rhythmWeeks: '27' })).rhythmWeeks).toEqual([
      'contracts.rhythmWeeksRange',
    ]);
    expect(parse(formValues({ rhythmWeeks: '' })).rhythmWeeks).toBeNull();
    expect(errors(formValues({ cancellationNoticeHours: '337' })).cancellationNoticeHours).toEqual([
      'contracts.cancellationNoticeRange',
    ]);
    expect(errors(formValues({ retentionMonths: '2,5' })).retentionMonths).toEqual([
      'contracts.wholeNumber',
    ]);
    expect(errors(formValues({ remoteLink: 'javascript:alert(1)' })).remoteLink).toEqual([
      'contracts.invalidUrl',
    ]);
    expect(errors(formValues({ goal3Theme: 'power' })).goals).toEqual([
      'contracts.goalTextMissing',
    ]);
  });
});

describe('contracts', () => {
  it('creates a draft and reads it back with participants, goals and commissioner', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { id, clientId, commissionerId, input } = await newContract(owner);
    const contract = await getContract(testContext(db()), owner, id);
    expect(contract).toMatchObject({
      code: input.code,
      status: 'draft',
      form: 'individual',
      priceCents: 15_050,
      sessionsAgreed: 10,
      commissioner: { id: commissionerId, name: 'Pohjois-Savon hyvinvointialue' },
      participants: [{ id: clientId, name: 'Työnohjattava 1' }],
      progress: { used: 0, agreed: 10, upcoming: 0 },
    });
    expect(contract.goals.map((g) => [g.text, g.theme])).toEqual([
      ['Selkeämpi rooli esihenkilönä', 'role'],
      ['Palaverikäytännöt kuntoon', null],
    ]);
  });

  it('refuses a code already used in the practice, but not one used by another practice', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const other = await createPracticeWithOwner(db());
    await newContract(owner, { code: 'TO-2026-050' });
    expect((await refusal(newContract(owner, { code: 'to-2026-050' }))).messageKey).toBe(
      'contracts.codeTaken',
    );
    await expect(newContract(other.owner, { code: 'TO-2026-050' })).resolves.toBeTruthy();
    const second = await newContract(owner, { code: 'TO-2026-051' });
    expect(
      (
        await refusal(
          updateContract(testContext(db()), owner, second.id, {
            ...second.input,
            code: 'TO-2026-050',
          }),
        )
      ).messageKey,
    ).toBe('contracts.codeTaken');
  });

  it('suggests the next free code of the year', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const now = new Date('2026-12-31T22:30:00Z'); // already 2027 in Helsinki
    expect(await suggestContractCode(testContext(db(), now), owner)).toBe('TO-2027-001');
    await newContract(owner, { code: 'TO-2027-009' });
    await newContract(owner, { code: 'TO-2027-X' });
    expect(await suggestContractCode(testContext(db(), now), owner)).toBe('TO-2027-010');
  });

  it('shows a supervisor only their own contracts and the owner every one', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const sini = await addMember(db(), owner.practiceId);
    const pekka = await addMember(db(), owner.practiceId);
    const sinis = await newContract(sini);
    const pekkas = await newContract(pekka);

    expect((await listContracts(testContext(db()), sini)).map((c) => c.id)).toEqual([sinis.id]);
    expect((await listContracts(testContext(db()), owner)).map((c) => c.id).sort()).toEqual(
      [sinis.id, pekkas.id].sort(),
    );
    // Started one at a time: a rejection nobody awaits yet would be reported as unhandled.
    for (const attempt of [
      () => getContract(testContext(db()), sini, pekkas.id),
      () =>
        updateContract(testContext(db()), sini, pekkas.id, {
          ...pekkas.input,
          supervisorId: sini.userId,
        }),
      () => activateContract(testContext(db()), sini, pekkas.id),
      () => endContract(testContext(db()), sini, pekkas.id),
    ])
      expect((await refusal(attempt())).code).toBe('not_found');

    await updateContract(testContext(db()), owner, pekkas.id, {
      ...pekkas.input,
      methods: 'Reflektiivinen',
    });
    expect((await getContract(testContext(db()), owner, pekkas.id)).methods).toBe('Reflektiivinen');
    // The owner may hand a contract without sessions to another supervisor.
    await updateContract(testContext(db()), owner, pekkas.id, {
      ...pekkas.input,
      supervisorId: sini.userId,
    });
    expect((await getContract(testContext(db()), sini, pekkas.id)).supervisor.id).toBe(sini.userId);
  });

  it('lets a supervisor choose only themself as the supervisor', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const sini = await addMember(db(), owner.practiceId);
    const error = await refusal(newContract(sini, { supervisorId: owner.userId }));
    expect(error.messageKey).toBe('contracts.supervisorNotAllowed');
    expect(
      (await contractFormOptions(testContext(db()), sini)).supervisors.map((s) => s.id),
    ).toEqual([sini.userId]);
    expect((await contractFormOptions(testContext(db()), owner)).supervisors).toHaveLength(2);
  });

  it('keeps contracts and their references inside the practice', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const other = await createPracticeWithOwner(db());
    const mine = await newContract(owner);
    for (const attempt of [
      () => getContract(testContext(db()), other.owner, mine.id),
      () =>
        updateContract(testContext(db()), other.owner, mine.id, {
          ...mine.input,
          supervisorId: other.owner.userId,
        }),
      () => endContract(testContext(db()), other.owner, mine.id),
    ])
      expect((await refusal(attempt())).code).toBe('not_found');
    expect(await listContracts(testContext(db()), other.owner)).toEqual([]);

    // Another practice's commissioner, client or member cannot be put on a contract.
    const theirs = await parties(other.owner);
    const attempts = [
      { commissionerId: theirs.commissionerId },
      { participants: theirs.clientIds },
      { supervisorId: other.owner.userId },
    ];
    const keys = [];
    for (const change of attempts)
      keys.push(
        (
          await refusal(
            createContract(testContext(db()), owner, { ...mine.input, code: 'X1', ...change }),
          )
        ).messageKey,
      );
    expect(keys).toEqual([
      'contracts.commissionerUnknown',
      'contracts.participantUnknown',
      'contracts.supervisorUnknown',
    ]);
  });

  it('moves from draft to active to ended, and an ended contract is read-only', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { id, input } = await newContract(owner);
    expect((await refusal(endContract(testContext(db()), owner, id))).code).toBe('conflict');
    await activateContract(testContext(db(), new Date('2026-08-20T10:00:00Z')), owner, id);
    await updateContract(testContext(db()), owner, id, { ...input, sessionsAgreed: 12 });
    const endedAt = new Date('2027-05-31T12:00:00Z');
    await endContract(testContext(db(), endedAt), owner, id);
    const contract = await getContract(testContext(db()), owner, id);
    expect(contract).toMatchObject({ status: 'ended', sessionsAgreed: 12, endedAt });
    expect(contract.activatedAt).toEqual(new Date('2026-08-20T10:00:00Z'));
    const error = await refusal(
      updateContract(testContext(db()), owner, id, { ...input, sessionsAgreed: 20 }),
    );
    expect([error.code, error.messageKey]).toEqual(['conflict', 'contracts.notEditable']);
    expect((await refusal(activateContract(testContext(db()), owner, id))).code).toBe('conflict');
  });

  it('filters the list by status and names participants and commissioner', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const draft = await newContract(owner);
    const fixture = await createContractFixture(db(), owner);
    const active = await listContracts(testContext(db()), owner, { status: 'active' });
    expect(active).toEqual([
      expect.objectContaining({
        id: fixture.contractId,
        commissionerName: 'Kuopion kaupunki',
        participantNames: ['Maria Lehtonen'],
        progress: { used: 0, agreed: 10, upcoming: 0 },
      }),
    ]);
    expect(
      (await listContracts(testContext(db()), owner, { status: 'draft' })).map((c) => c.id),
    ).toEqual([draft.id]);
    expect(await listContracts(testContext(db()), owner, { status: 'ended' })).toEqual([]);
  });

  it('replaces participants and goals together when edited, and keeps archived ones offered', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { id, input, clientId } = await newContract(owner);
    const team = await parties(owner, 2);
    await updateContract(testContext(db()), owner, id, {
      ...input,
      form: 'team',
      participants: team.clientIds,
      goals: [{ id: null, text: 'Yhteinen suunta', theme: 'dialogue' }],
    });
    const contract = await getContract(testContext(db()), owner, id);
    expect(contract.participants.map((p) => p.id).sort()).toEqual([...team.clientIds].sort());
    expect(contract.goals.map((g) => g.text)).toEqual(['Yhteinen suunta']);

    const [archived = ''] = team.clientIds;
    await db().update(clients).set({ archivedAt: new Date() }).where(eq(clients.id, archived));
    const offered = (await contractFormOptions(testContext(db()), owner, id)).clients.map(
      (c) => c.id,
    );
    expect(offered).toContain(archived);
    expect(offered).toContain(clientId);
    expect(
      (await contractFormOptions(testContext(db()), owner)).clients.map((c) => c.id),
    ).not.toContain(archived);
    // Still saveable with the archived participant it already had.
    await updateContract(testContext(db()), owner, id, {
      ...input,
      form: 'team',
      participants: team.clientIds,
    });
    const [row] = await db().select().from(contracts).where(eq(contracts.id, id));
    expect(row?.form).toBe('team');
  });

  it('keeps goals and their evaluation scores when the contract form is saved again', async () => {
    const { owner } = await createPracticeWithOwner(db());
    const { id, clientId, commissionerId } = await newContract(owner);
    const before = await getContract(testContext(db()), owner, id);
    const [role, meetings] = before.goals;
    if (!role || !meetings) throw new Error('expected two goals');
    await recordEvaluation(testContext(db()), owner, id, {
      kind: 'start',
      respondentClientId: null,
      scores: { [role.id]: 2, [meetings.id]: 4 },
      comment: null,
    });

    // The edit form as the browser sends it back: first goal reworded, second emptied,
    // a new one in row 3.
    const edited = parse(
      formValues({
        ...contractValues(before),
        [`participant_${someId}`]: undefined,
        [`participant_${clientId}`]: 'on',
        commissionerId,
        goal1Text: 'Selkeämpi rooli koko organisaatiossa',
        goal2Text: '',
        goal3Text: 'Palaute tiimiltä',
        goal3Theme: 'dialogue',
      }),
    );
    await updateContract(testContext(db()), owner, id, edited);

    const after = await getContract(testContext(db()), owner, id);
    expect(after.goals.map((g) => g.text)).toEqual([
      'Selkeämpi rooli koko organisaatiossa',
      'Palaute tiimiltä',
    ]);
    expect(after.goals[0]?.id).toBe(role.id);
    const scores = await db()
      .select({ goalId: evaluationScores.goalId, score: evaluationScores.score })
      .from(evaluationScores);
    // The reworded goal keeps its score; the removed goal's score went with it.
    expect(scores.filter((s) => s.goalId === role.id || s.goalId === meetings.id)).toEqual([
      { goalId: role.id, score: 2 },
    ]);
  });

  it("never takes over another contract's goal through a forged goal id", async () => {
    const { owner } = await createPracticeWithOwner(db());
    const mine = await newContract(owner);
    const other = await newContract(owner);
    const [otherGoal] = (await getContract(testContext(db()), owner, other.id)).goals;
    if (!otherGoal) throw new Error('expected a goal');
    await updateContract(testContext(db()), owner, mine.id, {
      ...mine.input,
      goals: [{ id: otherGoal.id, text: 'Kaapattu', theme: null }],
    });
    expect((await getContract(testContext(db()), owner, other.id)).goals[0]).toMatchObject({
      id: otherGoal.id,
      text: 'Selkeämpi rooli esihenkilönä',
    });
    const [mineGoal] = (await getContract(testContext(db()), owner, mine.id)).goals;
    expect(mineGoal?.text).toBe('Kaapattu');
    expect(mineGoal?.id).not.toBe(otherGoal.id);
  });
});
