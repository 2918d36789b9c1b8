import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '#db/client';
import { clientBackgroundAuditLog, contractParticipants } from '#db/schema';
import { createAccessCast } from '#db/testing/access-cast';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture } from '#db/testing/factories';
import { createTestDatabase } from '#db/testing/test-database';
import { isAppError } from '~/errors';
import type { MemberActor, SuperviseeActor } from '~/practices/actor';

import { mayUseBackground } from './access.server';
import { createClient, getClient, updateClient } from './clients.server';
import { clientSchema } from './schemas';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const BACKGROUND = 'Uusi esihenkilö, tiimissä jännitteitä yövuorojen jaosta.';

const input = (background: string) =>
  clientSchema.parse({ name: 'Maria Lehtonen', organisation: 'Kuopio', background });

type Who =
  | 'its author'
  | "the client's supervisor"
  | 'another supervisor'
  | 'the owner'
  | "the owner supervising one of the client's contracts"
  | 'a member of another practice';

/**
 * A client whose background a supervisor wrote; the cast's contract supervisor has the
 * client on their contract; the owner has another practice's rights only as an owner,
 * unless `ownerSupervises` gives them a contract of this client too.
 */
async function clientWithBackground(ownerSupervises = false) {
  const cast = await createAccessCast(db());
  const writer = await addMember(db(), cast.owner.practiceId, 'supervisor');
  const clientId = await createClient(testContext(db()), writer, input(BACKGROUND));
  await db().insert(contractParticipants).values({
    contractId: cast.contractId,
    clientId,
    practiceId: cast.owner.practiceId,
  });
  if (ownerSupervises) {
    const { contractId } = await createContractFixture(db(), cast.owner);
    await db()
      .insert(contractParticipants)
      .values({ contractId, clientId, practiceId: cast.owner.practiceId });
  }
  const actors: Record<Who, MemberActor> = {
    'its author': writer,
    "the client's supervisor": cast.author,
    'another supervisor': cast.colleague,
    'the owner': cast.owner,
    "the owner supervising one of the client's contracts": cast.owner,
    'a member of another practice': cast.outsider,
  };
  return { clientId, actors, writer };
}

async function backgroundSeenBy(actor: MemberActor, clientId: string) {
  try {
    const client = await getClient(testContext(db()), actor, clientId);
    return client.background ?? 'withheld';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const table: [Who, string][] = [
  ['its author', 'allowed'],
  ["the client's supervisor", 'allowed'],
  ["the owner supervising one of the client's contracts", 'allowed'],
  ['another supervisor', 'withheld'],
  ['the owner', 'withheld'],
  ['a member of another practice', 'not_found'],
];

describe('who may read and write a client background', () => {
  it.each(table)('read by %s: %s', async (who, expected) => {
    const setting = await clientWithBackground(who.includes('supervising'));
    const seen = await backgroundSeenBy(setting.actors[who], setting.clientId);
    expect(seen).toBe(expected === 'allowed' ? BACKGROUND : expected);
  });

  it.each(table)('write by %s: %s', async (who, expected) => {
    const setting = await clientWithBackground(who.includes('supervising'));
    const attempt = await updateClient(
      testContext(db()),
      setting.actors[who],
      setting.clientId,
      input('Korvattu teksti'),
    ).then(
      () => 'saved',
      (error: unknown) => (isAppError(error) ? error.code : 'crashed'),
    );
    const stored = await backgroundSeenBy(setting.writer, setting.clientId);
    if (expected === 'not_found') expect(attempt).toBe('not_found');
    expect(stored).toBe(expected === 'allowed' ? 'Korvattu teksti' : BACKGROUND);
  });

  it('a supervisee never reads the background written about them', () => {
    const supervisee: SuperviseeActor = {
      kind: 'supervisee',
      userId: 'u1',
      practiceId: 'p1',
      clientIds: ['c1'],
    };
    expect(mayUseBackground(supervisee, { authorId: 'u1', contractSupervisorIds: ['u1'] })).toBe(
      false,
    );
  });
});

describe('the background audit trail', () => {
  it('records each read and write by someone allowed, never a withheld view, never the text', async () => {
    const setting = await clientWithBackground();
    const supervisor = setting.actors["the client's supervisor"];
    await getClient(testContext(db()), supervisor, setting.clientId);
    await getClient(testContext(db()), setting.actors['another supervisor'], setting.clientId);
    await updateClient(testContext(db()), supervisor, setting.clientId, input(BACKGROUND));
    const trail = await db()
      .select()
      .from(clientBackgroundAuditLog)
      .where(eq(clientBackgroundAuditLog.clientId, setting.clientId));
    expect(trail.map((row) => [row.actorId, row.action]).sort()).toEqual(
      [
        [setting.writer.userId, 'write'],
        [supervisor.userId, 'read'],
        [supervisor.userId, 'write'],
      ].sort(),
    );
    expect(JSON.stringify(trail)).not.toContain('yövuoro');
  });
});
