/**
 * The forms of a session: move it, cancel it, record how it went, and the step that follows.
 */
import { Form, Link } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { formatDate, formatTime } from '~/i18n/format';
import { useLocale, useT } from '~/i18n/react';
import { helsinkiDate, helsinkiTime } from '~/time/helsinki';
import { CheckboxField, FormErrors, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

import { BookingErrors, type BookingProblem, PastConfirmation, WhenFields } from './form-parts';
import { weekdayLabel } from './labels';
import type { SessionFollowUp } from './next-session.server';
import { AttendanceFields, CancellationFields, useCancellationLabels } from './outcome-corrections';

export type SessionIntent =
  'reschedule' | 'cancel' | 'held' | 'noShow' | 'cancelled' | 'correct' | 'waive' | 'bookNext';
export type SessionActionResult = BookingProblem & {
  intent: SessionIntent;
  /** The attendance boxes ticked on a refused submission, to show them as they were sent. */
  attended?: string[];
};

function Intent({ value }: { value: SessionIntent }) {
  return <input type="hidden" name="intent" value={value} />;
}

const failureFor = (result: SessionActionResult | undefined, intent: SessionIntent) =>
  result?.intent === intent ? result : undefined;

export function RescheduleForm({
  result,
  defaults,
}: {
  result: SessionActionResult | undefined;
  defaults: { date: string; time: string; minutes: number };
}) {
  const t = useT();
  const problem = failureFor(result, 'reschedule');
  return (
    <Panel id="reschedule-heading" title={t('sessions.reschedule')}>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <Intent value="reschedule" />
        <BookingErrors problem={problem} />
        <WhenFields failure={problem?.failure} defaults={defaults} />
        <PastConfirmation problem={problem} />
        <SubmitButton>{t('sessions.rescheduleSubmit')}</SubmitButton>
      </Form>
    </Panel>
  );
}

export function CancelForm({
  result,
  noticeHours,
  wouldBeLate,
  chargeLateCancellation,
}: {
  result: SessionActionResult | undefined;
  noticeHours: number;
  wouldBeLate: boolean;
  chargeLateCancellation: boolean;
}) {
  const t = useT();
  const labels = useCancellationLabels();
  const failure: FormFailure | undefined = failureFor(result, 'cancel')?.failure;
  const consequence = !wouldBeLate
    ? t('sessions.cancelOnTime')
    : chargeLateCancellation
      ? t('sessions.cancelLateCharged')
      : t('sessions.cancelLateFree');
  return (
    <Panel id="cancel-heading" title={t('sessions.cancel')}>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <Intent value="cancel" />
        <FormErrors
          failure={failure}
          labels={{ ...labels, confirmCancel: t('sessions.confirmCancel') }}
        />
        <p className="text-slate-700">{t('sessions.noticeRule', { hours: noticeHours })}</p>
        <p
          className={
            wouldBeLate
              ? 'rounded-md border border-amber-700 bg-amber-50 p-3 font-medium text-amber-950'
              : 'text-slate-800'
          }
        >
          {consequence}
        </p>
        <CancellationFields failure={failure} past={false} />
        <CheckboxField name="confirmCancel" label={t('sessions.confirmCancel')} failure={failure} />
        <SubmitButton>{t('sessions.cancelSubmit')}</SubmitButton>
      </Form>
    </Panel>
  );
}

/**
 * Held (with attendance for a team or group), a no-show, or cancelled after all; only once
 * the start has passed. Before that the page offers cancelling instead.
 */
export function OutcomeForms({
  result,
  started,
  participants,
  recordsAttendance,
  chargeNoShow,
}: {
  result: SessionActionResult | undefined;
  started: boolean;
  participants: { id: string; name: string }[];
  recordsAttendance: boolean;
  chargeNoShow: boolean;
}) {
  const t = useT();
  const labels = useCancellationLabels();
  const held = failureFor(result, 'held');
  const heldFailure = held?.failure;
  const noShowFailure = failureFor(result, 'noShow')?.failure;
  const cancelledFailure = failureFor(result, 'cancelled')?.failure;
  return (
    <Panel id="outcome-heading" title={t('sessions.outcome')}>
      {!started ? (
        <p className="text-slate-700">{t('sessions.outcomeLater')}</p>
      ) : (
        <>
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <Intent value="held" />
            <FormErrors failure={heldFailure} labels={labels} />
            {recordsAttendance ? (
              <AttendanceFields
                legend={t('sessions.attendance')}
                participants={participants}
                sent={held?.attended}
                failure={heldFailure}
              />
            ) : null}
            <SubmitButton>{t('sessions.markHeld')}</SubmitButton>
          </Form>
          <Form
            method="post"
            className="flex flex-col gap-3 border-t border-slate-200 pt-4"
            noValidate
          >
            <Intent value="noShow" />
            <FormErrors
              failure={noShowFailure}
              labels={{ confirmNoShow: t('sessions.confirmNoShow') }}
            />
            <p className="text-slate-700">
              {t(chargeNoShow ? 'sessions.noShowCharged' : 'sessions.noShowFree')}
            </p>
            <CheckboxField
              name="confirmNoShow"
              label={t('sessions.confirmNoShow')}
              failure={noShowFailure}
            />
            <SubmitButton>{t('sessions.markNoShow')}</SubmitButton>
          </Form>
          <Form
            method="post"
            className="flex flex-col gap-3 border-t border-slate-200 pt-4"
            noValidate
          >
            <Intent value="cancelled" />
            <FormErrors failure={cancelledFailure} labels={labels} />
            <CancellationFields failure={cancelledFailure} past />
            <SubmitButton>{t('sessions.markCancelled')}</SubmitButton>
          </Form>
        </>
      )}
    </Panel>
  );
}

const stepLink =
  'self-start rounded-md bg-teal-800 px-4 py-2 font-medium text-white no-underline hover:bg-teal-900';
const otherTimeLink =
  'self-start rounded-md border border-teal-800 px-4 py-2 font-medium no-underline hover:bg-teal-50';

const stepText = {
  outcome: ['sessions.next.outcome', 'sessions.next.outcomeLink', '#outcome-heading'],
  notes: ['sessions.next.notes', 'sessions.next.notesLink', '/notes'],
  publish: ['sessions.next.publish', 'sessions.next.publishLink', '/notes'],
} as const;

/**
 * The step that waits after a session — outcome, notes, summary — and for a held session the
 * next one: booked in one click at the contract's rhythm, or at another time on the booking
 * form. Shown first on the page, so the page leads from one step to the next.
 */
export function NextStep({
  sessionId,
  held,
  followUp,
  result,
}: {
  sessionId: string;
  held: boolean;
  followUp: SessionFollowUp;
  result: SessionActionResult | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const { step, proposal, nextBooked, rhythmWeeks } = followUp;
  const text = step && step !== 'bookNext' ? stepText[step] : null;
  if (!text && !held) return null;
  const problem = failureFor(result, 'bookNext');
  const choose = new URLSearchParams({ contractId: followUp.contractId });
  if (proposal) {
    choose.set('date', helsinkiDate(proposal.startsAt));
    choose.set('time', helsinkiTime(proposal.startsAt));
  }
  return (
    <Panel id="next-step-heading" title={t('sessions.next.heading')}>
      {text ? (
        <div className="flex flex-col gap-3">
          <p>{t(text[0])}</p>
          <Link
            to={text[2] === '/notes' ? `/sessions/${sessionId}/notes` : text[2]}
            className={stepLink}
          >
            {t(text[1])}
          </Link>
        </div>
      ) : null}
      {held && nextBooked ? (
        <p className="flex flex-wrap items-center gap-3">
          {t('sessions.next.booked', {
            date: formatDate(nextBooked.startsAt, locale),
            time: formatTime(nextBooked.startsAt, locale),
          })}
          <Link to={`/sessions/${nextBooked.id}`}>{t('sessions.next.openBooked')}</Link>
        </p>
      ) : held ? (
        <Form
          method="post"
          className={`flex flex-col gap-3${text ? ' border-t border-slate-200 pt-4' : ''}`}
          noValidate
        >
          <Intent value="bookNext" />
          <BookingErrors problem={problem} />
          <p>
            {rhythmWeeks
              ? t('sessions.next.book', { weeks: rhythmWeeks })
              : t('sessions.next.bookNoRhythm')}
          </p>
          <div className="flex flex-wrap gap-3">
            {proposal ? (
              <SubmitButton>
                {t('sessions.next.bookSubmit', {
                  date: `${t(weekdayLabel(helsinkiDate(proposal.startsAt)))} ${formatDate(proposal.startsAt, locale)}`,
                  time: formatTime(proposal.startsAt, locale),
                })}
              </SubmitButton>
            ) : null}
            <Link to={`/sessions/new?${choose.toString()}`} className={otherTimeLink}>
              {t('sessions.next.chooseOther')}
            </Link>
          </div>
        </Form>
      ) : null}
    </Panel>
  );
}
