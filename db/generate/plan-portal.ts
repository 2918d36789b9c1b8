/**
 * The supervisees' portal: accounts for about 60 % of the clients, each made as an accepted
 * invitation makes it (acceptPortalInvitation: the invitation spent, a user with the same
 * password as the members, an access row granted by the inviting supervisor), a few
 * revoked and a few still invited; and what the supervisees did there — agreed actions
 * marked, reflections before and after sessions, summaries read (audited as the portal
 * audits them) and their own evaluations answered in the portal.
 */
import { markCommentContext, reflectionContext } from '~/between-sessions/sealing.server';
import { encryptText, type NoteKeyring } from '~/security/sealing.server';
import { sha256Hex } from '~/security/tokens.server';

import type {
  agreedActionMarks,
  noteAuditLog,
  portalAccess,
  portalInvitations,
  sessionReflections,
  users,
} from '../schema';
import { actionMarkComments, reflectionTexts } from './finnish';
import type { PlannedContract } from './plan-contracts';
import type { NotePlan } from './plan-notes';
import type { PeoplePlan } from './plan-people';
import type { PlannedSession } from './plan-sessions';
import type { Random } from './random';

export interface PortalPlan {
  users: (typeof users.$inferInsert & { id: string; email: string })[];
  invitations: (typeof portalInvitations.$inferInsert)[];
  access: (typeof portalAccess.$inferInsert)[];
  marks: (typeof agreedActionMarks.$inferInsert)[];
  reflections: (typeof sessionReflections.$inferInsert)[];
  /** The supervisees' reads of published summaries. */
  audit: (typeof noteAuditLog.$inferInsert)[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const INVITATION_LIFETIME = 7 * DAY;
/** The share of all clients with an account (of those who can have one: an agreed contract and an e-mail address). */
const ACCOUNT_SHARE = 0.6;

/** A portal user's account and the window in which it had access. */
interface Account {
  userId: string;
  clientId: string;
  since: number;
  until: number;
}

/** A token the invitation mail would have carried; only its hash is kept, as the app does. */
function token(random: Random): string {
  return `${random.uuid()}${random.uuid()}`.replace(/-/g, '');
}

export function planPortal(
  random: Random,
  keyring: NoteKeyring,
  input: {
    people: PeoplePlan;
    contracts: readonly PlannedContract[];
    sessions: readonly PlannedSession[];
    notes: NotePlan;
    passwordHash: string;
    now: Date;
  },
): PortalPlan {
  const { people, now } = input;
  const nowMs = now.getTime();
  const practiceId = people.practice.id;
  const plan: PortalPlan = {
    users: [],
    invitations: [],
    access: [],
    marks: [],
    reflections: [],
    audit: [],
  };

  const contractsOf = new Map<string, PlannedContract[]>();
  for (const contract of input.contracts) {
    if (contract.status === 'draft' || !contract.row.activatedAt) continue;
    for (const clientId of contract.participantIds) {
      const list = contractsOf.get(clientId);
      if (list) list.push(contract);
      else contractsOf.set(clientId, [contract]);
    }
  }

  const emails = new Set<string>();
  const invitable = people.clients.flatMap((client) => {
    const agreed = contractsOf.get(client.id);
    const email = client.email?.trim().toLowerCase();
    if (!agreed || !email || emails.has(email)) return [];
    emails.add(email);
    return [{ client, agreed, email }];
  });
  const share = Math.min(0.95, (ACCOUNT_SHARE * people.clients.length) / invitable.length);

  const accounts = new Map<string, Account>();
  for (const { client, agreed, email } of invitable) {
    const first = agreed.reduce((a, b) =>
      (a.row.activatedAt?.getTime() ?? 0) <= (b.row.activatedAt?.getTime() ?? 0) ? a : b,
    );
    const inviter = first.row.supervisorId;
    const invitedAt = Math.min(
      (first.row.activatedAt?.getTime() ?? nowMs) + random.int(1, 20) * DAY,
      nowMs - 3 * DAY,
    );
    if (!random.chance(share)) {
      // A few were invited in the last days and have not answered yet.
      if (random.chance(0.05)) {
        const sentAt = nowMs - random.int(1, 6 * 24) * HOUR;
        plan.invitations.push({
          id: random.uuid(),
          practiceId,
          clientId: client.id,
          email,
          tokenHash: sha256Hex(token(random)),
          invitedBy: inviter,
          expiresAt: new Date(sentAt + INVITATION_LIFETIME),
          createdAt: new Date(sentAt),
        });
      }
      continue;
    }
    const acceptedAt = new Date(invitedAt + random.int(10, 3 * 24 * 60) * MINUTE);
    const userId = random.uuid();
    plan.invitations.push({
      id: random.uuid(),
      practiceId,
      clientId: client.id,
      email,
      tokenHash: sha256Hex(token(random)),
      invitedBy: inviter,
      expiresAt: new Date(invitedAt + INVITATION_LIFETIME),
      acceptedAt,
      createdAt: new Date(invitedAt),
    });
    plan.users.push({
      id: userId,
      email,
      name: client.name,
      passwordHash: input.passwordHash,
      locale: 'fi',
      emailVerifiedAt: acceptedAt,
      createdAt: acceptedAt,
      updatedAt: acceptedAt,
    });
    // Some whose every contract has ended lost their access some weeks later.
    const lastEnd = agreed.every((c) => c.row.endedAt)
      ? Math.max(...agreed.map((c) => c.row.endedAt?.getTime() ?? 0))
      : null;
    const revokedAt =
      lastEnd !== null && random.chance(0.1)
        ? Math.max(acceptedAt.getTime() + DAY, lastEnd + random.int(14, 90) * DAY)
        : null;
    const revoked = revokedAt !== null && revokedAt < nowMs ? revokedAt : null;
    plan.access.push({
      id: random.uuid(),
      practiceId,
      clientId: client.id,
      userId,
      grantedBy: inviter,
      createdAt: acceptedAt,
      revokedAt: revoked === null ? null : new Date(revoked),
      revokedBy: revoked === null ? null : inviter,
    });
    accounts.set(client.id, {
      userId,
      clientId: client.id,
      since: acceptedAt.getTime(),
      until: revoked ?? nowMs,
    });
  }

  planActivity(random, keyring, input, accounts, plan);
  return plan;
}

/** A moment after `from` (by up to `days`), while the account had access, or null. */
function within(random: Random, account: Account, from: number, days: number): Date | null {
  const at = Math.max(from, account.since) + random.int(30, days * 24 * 60) * MINUTE;
  return at < account.until ? new Date(at) : null;
}

function planActivity(
  random: Random,
  keyring: NoteKeyring,
  input: { sessions: readonly PlannedSession[]; notes: NotePlan; now: Date },
  accounts: Map<string, Account>,
  plan: PortalPlan,
) {
  const nowMs = input.now.getTime();
  const sessionById = new Map(input.sessions.map((s) => [s.row.id, s]));
  const participantAccounts = (sessionId: string): Account[] => {
    const session = sessionById.get(sessionId);
    if (!session) return [];
    return session.contract.participantIds.flatMap((clientId) => {
      const account = accounts.get(clientId);
      return account ? [account] : [];
    });
  };

  // Published summaries read in the portal, each read audited as the app audits it.
  for (const publication of input.notes.publications) {
    const publishedAt = publication.publishedAt?.getTime() ?? nowMs;
    for (const account of participantAccounts(publication.sessionId)) {
      if (!random.chance(0.6)) continue;
      const readAt = within(random, account, publishedAt, 10);
      if (!readAt) continue;
      plan.audit.push({
        practiceId: publication.practiceId,
        sessionId: publication.sessionId,
        actorId: account.userId,
        action: 'read_shared',
        createdAt: readAt,
      });
    }
  }

  // Agreed actions marked done or not done, each participant for themself.
  for (const action of input.notes.actions) {
    const createdAt = action.createdAt?.getTime() ?? nowMs;
    for (const account of participantAccounts(action.sessionId)) {
      if (!random.chance(0.5)) continue;
      const markedAt = within(random, account, createdAt, 21);
      if (!markedAt) continue;
      const id = random.uuid();
      const comment = random.chance(0.2) ? random.pick(actionMarkComments) : null;
      plan.marks.push({
        id,
        practiceId: action.practiceId,
        actionId: action.id ?? '',
        clientId: account.clientId,
        markedBy: account.userId,
        state: random.chance(0.75) ? 'done' : 'not_done',
        commentEncrypted: comment ? encryptText(keyring, comment, markCommentContext(id)) : null,
        updatedAt: markedAt,
      });
    }
  }

  // Reflections: before a session that was not called off, and after one that was held.
  for (const { row } of input.sessions) {
    if (row.status === 'cancelled') continue;
    for (const account of participantAccounts(row.id)) {
      const moments = [
        ...(random.chance(0.12) ? (['before'] as const) : []),
        ...(row.status === 'held' && random.chance(0.15) ? (['after'] as const) : []),
      ];
      for (const moment of moments) {
        const at =
          moment === 'before'
            ? row.startsAt.getTime() - random.int(2, 72) * HOUR
            : row.endsAt.getTime() + random.int(1, 72) * HOUR;
        if (at < account.since || at >= Math.min(account.until, nowMs)) continue;
        const id = random.uuid();
        plan.reflections.push({
          id,
          practiceId: row.practiceId,
          sessionId: row.id,
          clientId: account.clientId,
          authorId: account.userId,
          moment,
          textEncrypted: encryptText(
            keyring,
            random.pick(reflectionTexts[moment]),
            reflectionContext(id),
          ),
          createdAt: new Date(at),
          updatedAt: new Date(at),
        });
      }
    }
  }

  // A supervisee's own evaluation, submitted while they had an account, was answered in the
  // portal: recorded by their own user (evaluations/access.server.ts).
  for (const evaluation of input.notes.evaluations) {
    const account = evaluation.respondentClientId
      ? accounts.get(evaluation.respondentClientId)
      : undefined;
    const at = evaluation.submittedAt?.getTime();
    if (!account || at === undefined || at < account.since || at >= account.until) continue;
    evaluation.recordedBy = account.userId;
    evaluation.recordedInPortal = true;
  }
}
