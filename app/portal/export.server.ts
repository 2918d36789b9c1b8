/**
 * "Export everything of theirs": what the supervisee's portal holds for them in their current
 * practice, in one object for the JSON download and the readable document (issue 8,
 * docs/decisions/010). Every part comes from the portal's own readers, so it follows the
 * same rules as the pages: their agreed contracts and those contracts' sessions, the latest
 * published summaries (never a draft or a private note), their own marks, reflections,
 * messages, evaluation answers, exercise answers (drafts too: their own text) and feedback
 * rounds with aggregated results only. Nothing of another participant, another practice, or
 * the supervisor's own evaluations.
 *
 * Queries: a constant number however many contracts and sessions there are. The one
 * exception is feedback rounds: exportFeedbackRounds reads each round's results as its page
 * does (up to four queries a round); a supervisee's rounds are few and not tied to sessions.
 */
import { eq } from 'drizzle-orm';

import { practices, users } from '#db/schema';
import type {
  ContractStatus,
  EvaluationKind,
  SessionStatus,
  SupervisionForm,
  Theme,
} from '#db/schema/values';
import { recordDataExport } from '~/auth/two-factor/security-events.server';
import { readOwnActions, type SessionActions } from '~/between-sessions/action-marks.server';
import { listOwnReflections, type OwnReflection } from '~/between-sessions/reflections.server';
import { listOwnRequests, type OwnRequest } from '~/between-sessions/requests.server';
import type { ContractProgressCounts } from '~/contracts/progress.server';
import type { DomainContext } from '~/domain/context';
import { AppError } from '~/errors';
import { listMyEvaluations } from '~/evaluations/portal-evaluations.server';
import {
  listMyAssignmentsWithAnswers,
  type MyAssignmentWithAnswer,
} from '~/exercises/answers.server';
import { exportFeedbackRounds } from '~/feedback/export.server';
import type { SuperviseeActor } from '~/practices/actor';
import { helsinkiDate } from '~/time/helsinki';

import { listPortalContracts, listPortalSessions } from './contracts.server';
import { readAllPortalSummaries } from './published-summaries.server';

export interface ExportedContract {
  id: string;
  code: string;
  form: SupervisionForm;
  status: ContractStatus;
  supervisorName: string;
  guidingQuestion: string | null;
  goals: { text: string; theme: Theme | null }[];
  methods: string | null;
  startsOn: string;
  plannedEndOn: string | null;
  sessionMinutes: number;
  rhythmWeeks: number | null;
  progress: ContractProgressCounts;
  place: string | null;
  remoteLink: string | null;
  cancellation: {
    noticeHours: number;
    lateCancellationCharged: boolean;
    missedSessionCharged: boolean;
  };
}

export interface ExportedSession {
  id: string;
  contractId: string;
  contractCode: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  /** In neutral terms: whether it took place; never why not, nor who called it off. */
  outcome: 'scheduled' | 'held' | 'cancelled' | 'missed';
  /** For a cancelled session: whether it was called off inside the notice period. */
  cancelledLate: boolean | null;
  /** A cancelled or missed session charged under the contract's cancellation rule. */
  chargedAsCancelledOrMissed: boolean;
  place: string | null;
  remoteLink: string | null;
}

const outcomeOf: Record<SessionStatus, ExportedSession['outcome']> = {
  scheduled: 'scheduled',
  held: 'held',
  cancelled: 'cancelled',
  no_show: 'missed',
};

export interface ExportedSummary {
  sessionId: string;
  sessionStartsAt: Date;
  contractCode: string;
  revision: number;
  publishedAt: Date;
  /** The shared text of each theme (empty where the summary says nothing about it). */
  themes: Record<Theme, string>;
}

export interface ExportedEvaluation {
  contractCode: string;
  goals: { id: string; text: string; theme: Theme | null }[];
  answers: {
    kind: EvaluationKind;
    submittedAt: Date | null;
    /** false: the supervisor recorded this answer of theirs (e.g. from paper). */
    answeredInPortal: boolean;
    comment: string | null;
    scores: { goalId: string; score: number }[];
  }[];
}

export type ExportedFeedbackRound = Awaited<ReturnType<typeof exportFeedbackRounds>>[number];

export interface SuperviseeExport {
  generatedAt: Date;
  profile: { name: string; email: string; practiceName: string };
  contracts: ExportedContract[];
  sessions: ExportedSession[];
  summaries: ExportedSummary[];
  /** The agreed actions of the published summaries with the supervisee's own marks. */
  actions: SessionActions[];
  reflections: OwnReflection[];
  messagesToSupervisor: OwnRequest[];
  evaluations: ExportedEvaluation[];
  exercises: MyAssignmentWithAnswer[];
  feedbackRounds: ExportedFeedbackRound[];
}

/**
 * The headers of a download of the export: a dated file name, and no cache anywhere (it
 * holds confidential text).
 */
export function exportDownloadHeaders(
  format: 'json' | 'html',
  generatedAt: Date,
): Record<string, string> {
  return {
    'Content-Type':
      format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Disposition': `attachment; filename="ohjaamo-export-${helsinkiDate(generatedAt)}.${format}"`,
    // Cache-Control: no-store comes from the server, as for every page (express-app.server.ts).
  };
}

/** Who the supervisee is here: their account's name and address, and the practice's name. */
async function profileOf({ db }: DomainContext, actor: SuperviseeActor) {
  const [row] = await db
    .select({ name: users.name, email: users.email, practiceName: practices.name })
    .from(users)
    .innerJoin(practices, eq(practices.id, actor.practiceId))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError('not_found');
  return row;
}

function exportedContract(
  contract: Awaited<ReturnType<typeof listPortalContracts>>[number],
): ExportedContract {
  return {
    id: contract.id,
    code: contract.code,
    form: contract.form,
    status: contract.status,
    supervisorName: contract.supervisorName,
    guidingQuestion: contract.guidingQuestion,
    goals: contract.goals,
    methods: contract.methods,
    startsOn: contract.startsOn,
    plannedEndOn: contract.plannedEndOn,
    sessionMinutes: contract.sessionMinutes,
    rhythmWeeks: contract.rhythmWeeks,
    progress: contract.progress,
    place: contract.location,
    remoteLink: contract.remoteLink,
    cancellation: {
      noticeHours: contract.cancellationNoticeHours,
      lateCancellationCharged: contract.chargeLateCancellation,
      missedSessionCharged: contract.chargeNoShow,
    },
  };
}

async function evaluationsOf(ctx: DomainContext, actor: SuperviseeActor) {
  const contracts = await listMyEvaluations(ctx, actor);
  return contracts.map((contract): ExportedEvaluation => ({
    contractCode: contract.code,
    goals: contract.goals,
    answers: contract.points.flatMap((point) =>
      point.answer
        ? [
            {
              kind: point.kind,
              submittedAt: point.answer.submittedAt,
              answeredInPortal: point.answer.byMe,
              comment: point.answer.comment,
              scores: Object.entries(point.answer.scores).map(([goalId, score]) => ({
                goalId,
                score,
              })),
            },
          ]
        : [],
    ),
  }));
}

/**
 * The supervisee's export of their current practice. Reading it is audited: each published
 * summary it holds as read (note_audit_log, as the pages do) and the export itself as the
 * user's security event — who and when, nothing of what it held.
 */
export async function exportSupervisee(
  ctx: DomainContext,
  actor: SuperviseeActor,
): Promise<SuperviseeExport> {
  const { db, keyring, now } = ctx;
  const portalContracts = await listPortalContracts(ctx, actor);
  const codeOf = new Map(portalContracts.map((c) => [c.id, c.code]));
  const [
    profile,
    sessions,
    publications,
    actions,
    reflections,
    messagesToSupervisor,
    evaluations,
    exercises,
    feedbackRounds,
  ] = await Promise.all([
    profileOf(ctx, actor),
    listPortalSessions(ctx, actor, portalContracts),
    readAllPortalSummaries(ctx, actor),
    // Actions exist only on published sessions, whose reading readAllPortalSummaries audits.
    readOwnActions(db, keyring, actor),
    listOwnReflections(ctx, actor),
    listOwnRequests(ctx, actor),
    evaluationsOf(ctx, actor),
    listMyAssignmentsWithAnswers(ctx, actor),
    exportFeedbackRounds(ctx, actor),
  ]);
  await recordDataExport(db, actor.userId, now);
  return {
    generatedAt: now,
    profile,
    contracts: portalContracts.map(exportedContract),
    sessions: sessions.map((session) => ({
      id: session.id,
      contractId: session.contractId,
      contractCode: codeOf.get(session.contractId) ?? '',
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      durationMinutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
      outcome: outcomeOf[session.status],
      cancelledLate: session.status === 'cancelled' ? session.cancelledLate : null,
      chargedAsCancelledOrMissed:
        session.chargeable &&
        ((session.status === 'cancelled' && session.cancelledLate === true) ||
          session.status === 'no_show'),
      place: session.place,
      remoteLink: session.remoteLink,
    })),
    summaries: publications.map((p) => ({
      sessionId: p.sessionId,
      sessionStartsAt: p.startsAt,
      contractCode: p.contractCode,
      revision: p.revision,
      publishedAt: p.publishedAt,
      themes: {
        role: p.content.role,
        power: p.content.power,
        environment: p.content.environment,
        dialogue: p.content.dialogue,
      },
    })),
    actions,
    reflections,
    messagesToSupervisor,
    evaluations,
    exercises,
    feedbackRounds,
  };
}
