/**
 * What the supervisees wrote about a session, for its supervisor on the staff session page:
 * reflections, how they marked the agreed actions (with comments), and their messages.
 * The owner reaches it only as the session's supervisor.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { jsonArray, subqueryValue, toDate } from '#db/json';
import {
  type ActionMarkState,
  agreedActionMarks,
  agreedActions,
  type ReflectionMoment,
  sessionReflections,
  type SessionRequestKind,
  sessionRequests,
} from '#db/schema';
import type { DomainContext } from '~/domain/context';
import { actionContext } from '~/notes/note-sealing.server';
import type { MemberActor } from '~/practices/actor';
import { decryptText } from '~/security/sealing.server';
import { getSession } from '~/sessions/queries.server';

import { mayReadSuperviseeText } from './access.server';
import { markCommentContext, reflectionContext, requestContext } from './sealing.server';

export interface SuperviseeWork {
  participants: {
    clientId: string;
    name: string;
    reflections: { moment: ReflectionMoment; text: string; updatedAt: Date }[];
    marks: { actionId: string; state: ActionMarkState; comment: string }[];
    requests: { kind: SessionRequestKind; message: string; createdAt: Date }[];
  }[];
  actions: { id: string; text: string }[];
}

/** What the supervisees wrote about the session, if the actor is its supervisor (else not_found). */
export async function getSuperviseeWork(
  ctx: DomainContext,
  actor: MemberActor,
  sessionId: string,
): Promise<SuperviseeWork> {
  const { session, participants } = await getSession(ctx, actor, sessionId);
  return superviseeWorkOf(ctx, actor, session, participants);
}

/**
 * The same for a session already read for the actor (getSession, which applied the access
 * rule) with its contract's participants: one query for reflections, actions, their marks
 * and messages together.
 */
export async function superviseeWorkOf(
  { db, keyring }: DomainContext,
  actor: MemberActor,
  session: { id: string; supervisorId: string },
  people: readonly { id: string; name: string }[],
): Promise<SuperviseeWork> {
  const inSession = <T extends { sessionId: AnyPgColumn; practiceId: AnyPgColumn }>(table: T) =>
    and(eq(table.sessionId, session.id), eq(table.practiceId, actor.practiceId));
  const r = sessionReflections;
  const m = agreedActionMarks;
  const q = sessionRequests;
  const [row] = await db
    .select({
      reflections: subqueryValue<ReflectionRow[]>(
        db
          .select({
            list: jsonArray({
              id: r.id,
              clientId: r.clientId,
              moment: r.moment,
              textEncrypted: r.textEncrypted,
              updatedAt: r.updatedAt,
            }),
          })
          .from(r)
          .where(inSession(r)),
      ),
      actions: subqueryValue<ActionRow[]>(
        db
          .select({
            list: jsonArray({ id: agreedActions.id, textEncrypted: agreedActions.textEncrypted }, [
              agreedActions.position,
            ]),
          })
          .from(agreedActions)
          .where(inSession(agreedActions)),
      ),
      marks: subqueryValue<MarkRow[]>(
        db
          .select({
            list: jsonArray({
              id: m.id,
              actionId: m.actionId,
              clientId: m.clientId,
              state: m.state,
              commentEncrypted: m.commentEncrypted,
            }),
          })
          .from(m)
          .innerJoin(
            agreedActions,
            and(eq(agreedActions.id, m.actionId), eq(agreedActions.practiceId, m.practiceId)),
          )
          .where(and(inSession(agreedActions), eq(m.practiceId, actor.practiceId))),
      ),
      requests: subqueryValue<RequestRow[]>(
        db
          .select({
            list: jsonArray(
              {
                id: q.id,
                clientId: q.clientId,
                kind: q.kind,
                messageEncrypted: q.messageEncrypted,
                createdAt: q.createdAt,
              },
              [q.createdAt, q.id],
            ),
          })
          .from(q)
          .where(inSession(q)),
      ),
    })
    .from(sql`(values (1)) as one`);
  if (!row) throw new Error('a select without a table returned no row');
  const { reflections, actions, marks, requests } = row;
  const readable = (authorClientId: string) =>
    mayReadSuperviseeText(actor, { authorClientId, sessionSupervisorId: session.supervisorId });
  return {
    actions: actions.map((a) => ({
      id: a.id,
      text: decryptText(keyring, a.textEncrypted, actionContext(a.id)),
    })),
    participants: people
      .filter((p) => readable(p.id))
      .map((p) => ({
        clientId: p.id,
        name: p.name,
        reflections: reflections
          .filter((x) => x.clientId === p.id)
          .sort((a, b) => (a.moment === 'before' ? -1 : b.moment === 'before' ? 1 : 0))
          .map((x) => ({
            moment: x.moment,
            text: decryptText(keyring, x.textEncrypted, reflectionContext(x.id)),
            updatedAt: toDate(x.updatedAt),
          })),
        marks: marks
          .filter((x) => x.clientId === p.id)
          .map((x) => ({
            actionId: x.actionId,
            state: x.state,
            comment: x.commentEncrypted
              ? decryptText(keyring, x.commentEncrypted, markCommentContext(x.id))
              : '',
          })),
        requests: requests
          .filter((x) => x.clientId === p.id)
          .map((x) => ({
            kind: x.kind,
            message: decryptText(keyring, x.messageEncrypted, requestContext(x.id)),
            createdAt: toDate(x.createdAt),
          })),
      })),
  };
}

// The rows as they come through JSON: times as ISO strings.
interface ReflectionRow {
  id: string;
  clientId: string;
  moment: ReflectionMoment;
  textEncrypted: string;
  updatedAt: string;
}
interface ActionRow {
  id: string;
  textEncrypted: string;
}
interface MarkRow {
  id: string;
  actionId: string;
  clientId: string;
  state: ActionMarkState;
  commentEncrypted: string | null;
}
interface RequestRow {
  id: string;
  clientId: string;
  kind: SessionRequestKind;
  messageEncrypted: string;
  createdAt: string;
}
