import { randomUUID } from 'node:crypto';

import { and, asc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';

import type { Db } from '#db/client';
import { containsPattern } from '#db/like';
import { clients } from '#db/schema';
import { AppError } from '~/errors';
import { decryptText, encryptText, type NoteKeyring } from '~/notes/crypto.server';
import type { MemberActor } from '~/practices/actor';

import type { ClientInput } from './schemas';

export interface ClientFilter {
  q?: string;
  status: 'active' | 'archived';
}

// The background is bound to its client: a ciphertext copied to another row will not open.
const backgroundContext = (clientId: string) => `client:${clientId}:background`;

/** The practice's clients, by name; the encrypted background is never part of a list. */
export function listClients(db: Db, actor: MemberActor, filter: ClientFilter = { status: 'active' }) {
  const conditions: (SQL | undefined)[] = [
    eq(clients.practiceId, actor.practiceId),
    filter.status === 'archived' ? isNotNull(clients.archivedAt) : isNull(clients.archivedAt),
  ];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(
        ilike(clients.name, pattern),
        ilike(clients.email, pattern),
        ilike(clients.organisation, pattern),
      ),
    );
  }
  return db
    .select({
      id: clients.id,
      name: clients.name,
      email: clients.email,
      title: clients.title,
      organisation: clients.organisation,
    })
    .from(clients)
    .where(and(...conditions))
    .orderBy(asc(clients.name));
}

export async function getClient(db: Db, actor: MemberActor, id: string, keyring: NoteKeyring) {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), eq(clients.practiceId, actor.practiceId)));
  if (!row) throw new AppError('not_found');
  const { backgroundEncrypted, ...client } = row;
  return {
    ...client,
    background: backgroundEncrypted
      ? decryptText(keyring, backgroundEncrypted, backgroundContext(id))
      : null,
  };
}

function storedValues(id: string, input: ClientInput, keyring: NoteKeyring) {
  const { background, ...plain } = input;
  return {
    ...plain,
    backgroundEncrypted: background
      ? encryptText(keyring, background, backgroundContext(id))
      : null,
  };
}

export async function createClient(
  db: Db,
  actor: MemberActor,
  input: ClientInput,
  keyring: NoteKeyring,
): Promise<string> {
  const id = randomUUID();
  await db
    .insert(clients)
    .values({ id, practiceId: actor.practiceId, ...storedValues(id, input, keyring) });
  return id;
}

export async function updateClient(
  db: Db,
  actor: MemberActor,
  id: string,
  input: ClientInput,
  keyring: NoteKeyring,
): Promise<void> {
  const updated = await db
    .update(clients)
    .set(storedValues(id, input, keyring))
    .where(and(eq(clients.id, id), eq(clients.practiceId, actor.practiceId)))
    .returning({ id: clients.id });
  if (updated.length === 0) throw new AppError('not_found');
}

/** Archiving keeps the client (contracts and notes refer to them) but lists them apart. */
export async function setClientArchived(
  db: Db,
  actor: MemberActor,
  id: string,
  archived: boolean,
): Promise<void> {
  const updated = await db
    .update(clients)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(clients.id, id), eq(clients.practiceId, actor.practiceId)))
    .returning({ id: clients.id });
  if (updated.length === 0) throw new AppError('not_found');
}
