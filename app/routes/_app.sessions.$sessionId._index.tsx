import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { requirePracticeRole, throwAsResponse } from '~/auth/guards.server';
import { superviseeWorkOf } from '~/between-sessions/supervisee-work.server';
import { SuperviseeWorkSection as SuperviseeWorkNow } from '~/between-sessions/supervisee-work-section';
import { mayManageBilling } from '~/billing/access.server';
import { invoiceOfSession } from '~/billing/invoice-of-session.server';
import { SessionInvoiceNote } from '~/billing/session-invoice-note';
import { domainContext } from '~/domain/context';
import { type FieldErrors, formFailure, parseForm } from '~/forms/parse';
import { type BadRequest, badRequest } from '~/forms/respond.server';
import { idParam } from '~/http/params.server';
import { pageTitle } from '~/i18n/meta';
import { useT } from '~/i18n/react';
import { bookingProblem } from '~/sessions/action-results.server';
import {
  cancelSession,
  getSession,
  hasStarted,
  isLateCancellation,
  markHeld,
  markNoShow,
  rescheduleSession,
} from '~/sessions/booking.server';
import { correctOutcome, isOutcomeCorrectable, waiveCharge } from '~/sessions/corrections.server';
import { bookNextSession, sessionFollowUp } from '~/sessions/next-session.server';
import {
  CorrectionForm as CorrectionFormNow,
  WaiveForm as WaiveFormNow,
} from '~/sessions/outcome-correction-forms';
import {
  attendanceOf,
  cancelSchema,
  correctionSchema,
  noShowSchema,
  pastCancelSchema,
  rescheduleSchema,
  waiveSchema,
} from '~/sessions/schemas';
import type { SessionActionResult, SessionIntent } from '~/sessions/session-actions';
import * as sessionActions from '~/sessions/session-actions';
import { SessionDetails, SessionHistory, useSessionHeading } from '~/sessions/session-details';
import { helsinkiDate, helsinkiTime } from '~/time/helsinki';
import { formatIsoWeek, isoWeekOf } from '~/time/iso-week';
import { PageHeader } from '~/ui/app-shell';
import { deferredPart } from '~/ui/deferred-part';

// The session's forms, different for each state of a session: their code comes after the
// page (app/ui/deferred-part.tsx), which keeps the page within its JavaScript budget.
const actions = () => import('~/sessions/session-actions');
const NextStep = deferredPart(import.meta.env.SSR ? sessionActions.NextStep : null, () =>
  actions().then((m) => m.NextStep),
);
const RescheduleForm = deferredPart(
  import.meta.env.SSR ? sessionActions.RescheduleForm : null,
  () => actions().then((m) => m.RescheduleForm),
);
const CancelForm = deferredPart(import.meta.env.SSR ? sessionActions.CancelForm : null, () =>
  actions().then((m) => m.CancelForm),
);
const OutcomeForms = deferredPart(import.meta.env.SSR ? sessionActions.OutcomeForms : null, () =>
  actions().then((m) => m.OutcomeForms),
);
const CorrectionForm = deferredPart(import.meta.env.SSR ? CorrectionFormNow : null, () =>
  import('~/sessions/outcome-correction-forms').then((m) => m.CorrectionForm),
);
const WaiveForm = deferredPart(import.meta.env.SSR ? WaiveFormNow : null, () =>
  import('~/sessions/outcome-correction-forms').then((m) => m.WaiveForm),
);
const SuperviseeWorkSection = deferredPart(import.meta.env.SSR ? SuperviseeWorkNow : null, () =>
  import('~/between-sessions/supervisee-work-section').then((m) => m.SuperviseeWorkSection),
);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sessions.detail');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.sessionId);
  const ctx = domainContext(context);
  // The session is read once, with the access rule; what hangs on it is read for that view.
  const view = await getSession(ctx, actor, id).catch(throwAsResponse);
  const [superviseeWork, invoice, followUp] = await Promise.all([
    superviseeWorkOf(ctx, actor, view.session, view.participants),
    // Whoever may see the session may see its invoice's number and status; only the owner
    // reaches the invoice itself.
    invoiceOfSession(ctx.db, actor.practiceId, id),
    sessionFollowUp(ctx, actor, view.session),
  ]);
  const now = ctx.now;
  const { startsAt, endsAt } = view.session;
  return {
    view,
    superviseeWork,
    followUp,
    started: hasStarted(startsAt, now),
    correctable: isOutcomeCorrectable(view.session),
    invoice,
    linkToInvoice: mayManageBilling(actor),
    outcomeLocked: view.session.status !== 'scheduled' && view.session.invoicedAt !== null,
    wouldBeLate: isLateCancellation(startsAt, view.contract.cancellationNoticeHours, now),
    week: formatIsoWeek(isoWeekOf(helsinkiDate(startsAt))),
    rescheduleDefaults: {
      date: helsinkiDate(startsAt),
      time: helsinkiTime(startsAt),
      minutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000),
    },
  };
}

const intents: readonly SessionIntent[] = [
  'reschedule',
  'cancel',
  'held',
  'noShow',
  'cancelled',
  'correct',
  'waive',
  'bookNext',
];

export async function action({
  request,
  params,
  context,
}: ActionFunctionArgs): Promise<SessionActionResult | BadRequest<SessionActionResult> | Response> {
  const actor = await requirePracticeRole(request, context);
  const id = idParam(params.sessionId);
  const form = await request.formData();
  const ctx = domainContext(context);
  const intent = intents.find((candidate) => candidate === form.get('intent'));
  if (!intent) throw new Response(null, { status: 400 });
  // Checkboxes of one name come as a list, which the failure's values cannot hold.
  const attendance = attendanceOf(form);
  const kept = attendance.attendedClientIds ? { attended: attendance.attendedClientIds } : {};
  const refused = (fieldErrors: FieldErrors) =>
    badRequest({ intent, failure: formFailure(form, fieldErrors), ...kept });
  try {
    if (intent === 'reschedule') {
      const parsed = parseForm(rescheduleSchema, form);
      if (!parsed.ok) return refused(parsed.fieldErrors);
      await rescheduleSession(ctx, actor, id, parsed.data);
    } else if (intent === 'cancel') {
      const parsed = parseForm(cancelSchema, form);
      if (!parsed.ok) return refused(parsed.fieldErrors);
      const { cancelledBy: by, cancellationReason: reason } = parsed.data;
      await cancelSession(ctx, actor, id, { by, reason });
    } else if (intent === 'cancelled') {
      const parsed = parseForm(pastCancelSchema, form);
      if (!parsed.ok) return refused(parsed.fieldErrors);
      await cancelSession(ctx, actor, id, parsed.data);
    } else if (intent === 'correct') {
      const parsed = parseForm(correctionSchema, form);
      if (!parsed.ok) return refused(parsed.fieldErrors);
      const corrected =
        parsed.data.status === 'held' ? { ...parsed.data, ...attendance } : parsed.data;
      await correctOutcome(ctx, actor, id, corrected);
    } else if (intent === 'waive') {
      const parsed = parseForm(waiveSchema, form);
      if (!parsed.ok) return refused(parsed.fieldErrors);
      await waiveCharge(ctx, actor, id, parsed.data.waiveReason);
    } else if (intent === 'held') {
      await markHeld(ctx, actor, id, attendance);
    } else if (intent === 'noShow') {
      const parsed = parseForm(noShowSchema, form);
      if (!parsed.ok) return refused(parsed.fieldErrors);
      await markNoShow(ctx, actor, id);
    } else {
      await bookNextSession(ctx, actor, id);
    }
  } catch (error) {
    return bookingProblem(form, error, { intent, ...kept });
  }
  return redirect(`/sessions/${id}`);
}

const linkClass =
  'rounded-md border border-teal-800 px-4 py-2 font-medium no-underline hover:bg-teal-50';

export default function SessionPage() {
  const t = useT();
  const {
    view,
    superviseeWork,
    followUp,
    started,
    correctable,
    wouldBeLate,
    week,
    rescheduleDefaults,
    invoice,
    linkToInvoice,
    outcomeLocked,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { session, contract, participants } = view;
  const heading = useSessionHeading(view, followUp.place);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={heading.title} lead={heading.lead} />
        <div className="flex flex-wrap gap-2">
          <Link to={`/sessions/${session.id}/notes`} className={linkClass}>
            {t('sessions.notesLink')}
          </Link>
          <Link to={`/calendar?week=${week}`} className={linkClass}>
            {t('sessions.backToCalendar')}
          </Link>
        </div>
      </div>
      <div className="mb-6">
        <NextStep
          sessionId={session.id}
          held={session.status === 'held'}
          followUp={followUp}
          result={result}
        />
      </div>
      <SessionDetails view={view} />
      <SessionInvoiceNote
        invoice={invoice}
        linkToInvoice={linkToInvoice}
        outcomeLocked={outcomeLocked}
      />
      {session.status === 'scheduled' ? (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          <RescheduleForm result={result} defaults={rescheduleDefaults} />
          {started ? null : (
            <CancelForm
              result={result}
              noticeHours={contract.cancellationNoticeHours}
              wouldBeLate={wouldBeLate}
              chargeLateCancellation={contract.chargeLateCancellation}
            />
          )}
          <OutcomeForms
            result={result}
            started={started}
            participants={participants}
            recordsAttendance={contract.form !== 'individual'}
            chargeNoShow={contract.chargeNoShow}
          />
        </div>
      ) : correctable ? (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          {session.chargeable && session.status !== 'held' ? (
            <WaiveForm failure={result?.intent === 'waive' ? result.failure : undefined} />
          ) : null}
          <CorrectionForm
            current={session.status}
            failure={result?.intent === 'correct' ? result.failure : undefined}
            attendance={
              contract.form === 'individual'
                ? null
                : { participants, sent: result?.intent === 'correct' ? result.attended : undefined }
            }
            pastAllowance={view.pastAllowanceIfCounted}
          />
        </div>
      ) : null}
      <SuperviseeWorkSection work={superviseeWork} />
      <SessionHistory history={view.history} />
    </>
  );
}
