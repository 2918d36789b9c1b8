/**
 * A contract edit that reaches the supervisees' calendars: its place, its remote link, or
 * who takes part. Called by updateContract inside its transaction.
 */
import { and, eq, gt, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contractParticipants, contracts, supervisionSessions } from '#db/schema';
import type { MemberActor } from '~/practices/actor';

import { mailSessionChange } from './session-mail.server';

export interface TermsInCalendars {
  location: string | null;
  remoteLink: string | null;
  participants: readonly string[];
}

/** What the supervisees' calendars hold from the contract: place, remote link, who is invited. */
export async function termsInCalendars(
  tx: Db,
  actor: MemberActor,
  contractId: string,
): Promise<TermsInCalendars> {
  const [terms] = await tx
    .select({ location: contracts.location, remoteLink: contracts.remoteLink })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.practiceId, actor.practiceId)));
  const participants = await tx
    .select({ clientId: contractParticipants.clientId })
    .from(contractParticipants)
    .where(
      and(
        eq(contractParticipants.contractId, contractId),
        eq(contractParticipants.practiceId, actor.practiceId),
      ),
    );
  return {
    location: terms?.location ?? null,
    remoteLink: terms?.remoteLink ?? null,
    participants: participants.map((p) => p.clientId),
  };
}

/**
 * The coming sessions' invitations follow the contract: a new place or remote link is
 * mailed as a change, a new participant is invited, a removed one gets a cancellation.
 * The sessions' SEQUENCE goes up so calendars (and the supervisor's feed) take the update.
 */
export async function mailContractChange(
  tx: Db,
  actor: MemberActor,
  contractId: string,
  { before, after, now }: { before: TermsInCalendars; after: TermsInCalendars; now: Date },
): Promise<void> {
  const added = after.participants.filter((c) => !before.participants.includes(c));
  const removed = before.participants.filter((c) => !after.participants.includes(c));
  const stayed = after.participants.filter((c) => before.participants.includes(c));
  const linkChanged = after.remoteLink !== before.remoteLink;
  const placeChanged = after.location !== before.location;
  if (added.length === 0 && removed.length === 0 && !linkChanged && !placeChanged) return;

  const coming = await tx
    .update(supervisionSessions)
    .set({ icalSequence: sql`${supervisionSessions.icalSequence} + 1` })
    .where(
      and(
        eq(supervisionSessions.contractId, contractId),
        eq(supervisionSessions.practiceId, actor.practiceId),
        eq(supervisionSessions.status, 'scheduled'),
        gt(supervisionSessions.startsAt, now),
      ),
    )
    .returning({ id: supervisionSessions.id, ownLocation: supervisionSessions.location });
  if (coming.length === 0) return;
  const all = coming.map((s) => s.id);
  // A session with a place of its own keeps it when the contract's place changes.
  const changed = linkChanged
    ? all
    : placeChanged
      ? coming.filter((s) => s.ownLocation === null).map((s) => s.id)
      : [];
  const mail = { practiceId: actor.practiceId, now };
  if (removed.length > 0) {
    await mailSessionChange(tx, {
      ...mail,
      sessionIds: all,
      kind: 'cancelled',
      clientIds: removed,
    });
  }
  if (added.length > 0) {
    await mailSessionChange(tx, { ...mail, sessionIds: all, kind: 'booked', clientIds: added });
  }
  if (changed.length > 0 && stayed.length > 0) {
    await mailSessionChange(tx, {
      ...mail,
      sessionIds: changed,
      kind: 'changed',
      clientIds: stayed,
    });
  }
}
