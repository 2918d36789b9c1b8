import { randomUUID } from 'node:crypto';

import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';

import { containsPattern } from '#db/like';
import { type Page, pageWindow } from '#db/paging';
import { clients } from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import type { MemberActor } from '~/practices/actor';
import { decryptText, encryptText, type NoteKeyring } from '~/security/sealing.server';

import { loadClient, recordBackgroundAccess } from './access.server';
import type { ClientInput } from './schemas';

export interface ClientFilter {
  q?: string;
  status: 'active' | 'archived';
  /** 1-based; a page past the end reads as the first. */
  page?: number;
}

// The background is bound to its client: a ciphertext copied to another row will not open.
const backgroundContext = (clientId: string) => `client:${clientId}:background`;

/**
 * One page of the practice's clients, by name (every member sees them all: contact details
 * are the practice's); the encrypted background is never part of a list. Two queries
 * whatever the practice's size: the count, then the page, both on `clients_practice_name_idx`.
 * The search reads every client of the practice (a LIKE with a leading wildcard uses no
 * B-tree): about 2 ms for 1,000 clients, so no trigram index yet.
 */
export async function listClients(
  { db }: DomainContext,
  actor: MemberActor,
  filter: ClientFilter = { status: 'active' },
): Promise<Page<ClientListRow>> {
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
  const where = and(...conditions);
  const [counted] = await db.select({ total: count() }).from(clients).where(where);
  const { offset, limit, ...window } = pageWindow(filter.page ?? 1, counted?.total ?? 0);
  const rows = await db
    .select({
      id: clients.id,
      name: clients.name,
      email: clients.email,
      title: clients.title,
      organisation: clients.organisation,
    })
    .from(clients)
    .where(where)
    // Names repeat; the id keeps the order, and so the pages, the same from one request to the next.
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(limit)
    .offset(offset);
  return { rows, ...window };
}

export interface ClientListRow {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  organisation: string | null;
}

/**
 * One client of the practice. The background is opened only for those the rule in
 * ./access.server allows, and each such read is audited; to others `background` is null
 * and `backgroundAccess` false, which says nothing about whether one exists.
 */
export async function getClient(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  id: string,
) {
  const { client, backgroundEncrypted, backgroundAccess } = await loadClient(db, actor, id);
  const withheld = { ...client, background: null, backgroundAccess };
  if (!backgroundAccess || !backgroundEncrypted) return withheld;
  const background = decryptText(keyring, backgroundEncrypted, backgroundContext(id));
  await recordBackgroundAccess(db, actor, id, 'read', now);
  return { ...withheld, background };
}

function sealBackground(id: string, background: string | null, keyring: NoteKeyring) {
  return background ? encryptText(keyring, background, backgroundContext(id)) : null;
}

/** A new client; whoever writes the first background becomes its author. */
export async function createClient(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  input: ClientInput,
): Promise<string> {
  const id = randomUUID();
  const { background, ...plain } = input;
  await db.transaction(async (tx) => {
    await tx.insert(clients).values({
      id,
      practiceId: actor.practiceId,
      ...plain,
      backgroundEncrypted: sealBackground(id, background, keyring),
      backgroundAuthorId: background ? actor.userId : null,
    });
    if (background) await recordBackgroundAccess(tx, actor, id, 'write', now);
  });
  return id;
}

/**
 * Saves the contact details. The background changes only when the actor may use it;
 * for anyone else the stored one is kept as it is, whatever the form sent.
 */
export async function updateClient(
  { db, keyring, now }: DomainContext,
  actor: MemberActor,
  id: string,
  input: ClientInput,
): Promise<void> {
  const { background, ...plain } = input;
  await db.transaction(async (tx) => {
    const current = await loadClient(tx, actor, id, { lock: true });
    const backgroundColumns = current.backgroundAccess
      ? {
          backgroundEncrypted: sealBackground(id, background, keyring),
          backgroundAuthorId: current.backgroundAuthorId ?? (background ? actor.userId : null),
        }
      : {};
    await tx
      .update(clients)
      .set({ ...plain, ...backgroundColumns })
      .where(and(eq(clients.id, id), eq(clients.practiceId, actor.practiceId)));
    if (current.backgroundAccess) await recordBackgroundAccess(tx, actor, id, 'write', now);
  });
}

/** Archiving keeps the client (contracts and notes refer to them) but lists them apart. */
export async function setClientArchived(
  { db, now }: DomainContext,
  actor: MemberActor,
  id: string,
  archived: boolean,
): Promise<void> {
  const updated = await db
    .update(clients)
    .set({ archivedAt: archived ? now : null })
    .where(and(eq(clients.id, id), eq(clients.practiceId, actor.practiceId)))
    .returning({ id: clients.id });
  if (updated.length === 0) throw new AppError('not_found');
}
