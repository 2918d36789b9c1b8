/** The forms of a scheduled session: move it, cancel it, or record how it went. */
import { Form } from '@remix-run/react';

import type { FormFailure } from '~/forms/parse';
import { useT } from '~/i18n/react';
import { CheckboxField, FormErrors, SubmitButton } from '~/ui/form';
import { Panel } from '~/ui/panel';

import { BookingErrors, type BookingProblem, PastConfirmation, WhenFields } from './form-parts';
import { AttendanceFields, CancellationFields, useCancellationLabels } from './outcome-corrections';

export type SessionIntent =
  'reschedule' | 'cancel' | 'held' | 'noShow' | 'cancelled' | 'correct' | 'waive';
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
            <FormErrors failure={noShowFailure} />
            <p className="text-slate-700">
              {t(chargeNoShow ? 'sessions.noShowCharged' : 'sessions.noShowFree')}
            </p>
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
