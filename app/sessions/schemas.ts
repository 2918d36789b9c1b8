import { z } from 'zod';

import { cancellers, evaluationKinds } from '#db/schema/values';
import { checkbox, optionalText, requiredText } from '~/forms/fields';
import { helsinkiInstant, isLocalDate, isLocalTime } from '~/time/helsinki';

import { maxSessionMinutes, minSessionMinutes, seriesLimits } from './limits';

// An empty field is only "required": `abort` keeps the format check from adding its own
// message to an empty one.
const required = { error: 'form.required', abort: true } as const;

const localDate = z
  .string({ error: 'form.required' })
  .trim()
  .min(1, required)
  .refine(isLocalDate, 'sessions.invalidDate');

const localTime = z
  .string({ error: 'form.required' })
  .trim()
  .min(1, required)
  .refine(isLocalTime, 'sessions.invalidTime');

/** An optional whole number in a range; empty means "not given". */
function optionalInteger(min: number, max: number, message: 'sessions.invalidMinutes') {
  return z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max),
      message,
    )
    .transform((value) => (value ? Number(value) : null));
}

const minutes = optionalInteger(minSessionMinutes, maxSessionMinutes, 'sessions.invalidMinutes');

const integerInRange = (min: number, max: number) => (value: string | undefined) =>
  value !== undefined && /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

export const bookingSchema = z
  .object({
    contractId: z.uuid({ error: 'sessions.chooseContract' }),
    date: localDate,
    time: localTime,
    minutes,
    evaluationKind: z
      .enum(['none', ...evaluationKinds])
      .catch('none')
      .transform((kind) => (kind === 'none' ? null : kind)),
    location: optionalText(300),
    repeat: checkbox,
    everyWeeks: z.string().optional(),
    count: z.string().optional(),
    confirmPast: checkbox,
    bookAsExtra: checkbox,
  })
  .superRefine((form, context) => {
    if (!form.repeat) return;
    // Empty: the contract's rhythm, which bookSeries reads.
    if (
      form.everyWeeks?.trim() &&
      !integerInRange(1, seriesLimits.maxEveryWeeks)(form.everyWeeks)
    ) {
      context.addIssue({ code: 'custom', path: ['everyWeeks'], message: 'sessions.invalidEvery' });
    }
    if (!integerInRange(1, seriesLimits.maxCount)(form.count)) {
      context.addIssue({ code: 'custom', path: ['count'], message: 'sessions.invalidCount' });
    }
  })
  .transform((form) => ({
    contractId: form.contractId,
    startsAt: helsinkiInstant(form.date, form.time),
    minutes: form.minutes,
    evaluationKind: form.evaluationKind,
    location: form.location,
    series: form.repeat
      ? {
          everyWeeks: form.everyWeeks?.trim() ? Number(form.everyWeeks) : null,
          count: Number(form.count),
        }
      : null,
    confirmPast: form.confirmPast,
    bookAsExtra: form.bookAsExtra,
  }));

export type BookingForm = z.infer<typeof bookingSchema>;

/** A date a series left out, booked at another time that day (the date comes from the page). */
export const seriesDateSchema = z
  .object({ date: localDate, time: localTime, confirmPast: checkbox, bookAsExtra: checkbox })
  .transform((form) => ({
    date: form.date,
    startsAt: helsinkiInstant(form.date, form.time),
    confirmPast: form.confirmPast,
    bookAsExtra: form.bookAsExtra,
  }));

export const rescheduleSchema = z
  .object({ date: localDate, time: localTime, minutes, confirmPast: checkbox })
  .transform((form) => ({
    startsAt: helsinkiInstant(form.date, form.time),
    minutes: form.minutes,
    confirmPast: form.confirmPast,
  }));

const cancellation = {
  cancelledBy: z.enum(cancellers, { error: 'sessions.cancelledByRequired' }),
  cancellationReason: optionalText(300),
};

export const cancelSchema = z.object({
  ...cancellation,
  confirmCancel: checkbox.refine(Boolean, 'sessions.confirmCancelRequired'),
});

/** When a past session's cancellation was made (a datetime-local value); empty means "now". */
const cancelledAtField = {
  cancelledAt: z
    .string()
    .trim()
    .optional()
    .refine((value) => {
      if (!value) return true;
      const [date = '', time = ''] = value.split('T');
      return isLocalDate(date) && isLocalTime(time);
    }, 'sessions.invalidCancelledAt')
    .transform((value) => {
      if (!value) return undefined;
      const [date = '', time = ''] = value.split('T');
      return helsinkiInstant(date, time);
    }),
};

/** Marking a past session cancelled: who, why and when. */
export const pastCancelSchema = z
  .object({ ...cancellation, ...cancelledAtField })
  .transform((form) => ({
    by: form.cancelledBy,
    reason: form.cancellationReason,
    cancelledAt: form.cancelledAt,
  }));

/** Correcting a recorded outcome; the cancellation fields count only for "cancelled". */
export const correctionSchema = z
  .object({
    status: z.enum(['held', 'no_show', 'cancelled'], { error: 'form.required' }),
    cancelledBy: z.enum(cancellers).optional().catch(undefined),
    cancellationReason: optionalText(300),
    ...cancelledAtField,
    confirmCorrection: checkbox.refine(Boolean, 'sessions.confirmCorrectionRequired'),
  })
  .transform((form, context) => {
    if (form.status !== 'cancelled') return { status: form.status };
    if (!form.cancelledBy) {
      context.addIssue({
        code: 'custom',
        path: ['cancelledBy'],
        message: 'sessions.cancelledByRequired',
      });
      return z.NEVER;
    }
    return {
      status: form.status,
      by: form.cancelledBy,
      reason: form.cancellationReason,
      cancelledAt: form.cancelledAt,
    };
  });

/** A no-show is charged by most contracts: it is recorded only when confirmed. */
export const noShowSchema = z.object({
  confirmNoShow: checkbox.refine(Boolean, 'sessions.confirmNoShowRequired'),
});

export const waiveSchema = z.object({ waiveReason: requiredText(300) });

/**
 * The ticked attendance boxes of a team or group session (one `attended` value per person).
 * Checked against the contract's participants by markHeld, so anything else is refused there.
 */
export function attendedClientIds(form: FormData): string[] {
  return form.getAll('attended').filter((value) => typeof value === 'string');
}

/**
 * The attendance of a held team or group session, when the form showed the list (its hidden
 * `attendance` field says so, so that no ticks means nobody came rather than "not asked").
 */
export function attendanceOf(form: FormData): { attendedClientIds?: string[] } {
  return form.get('attendance') === 'recorded'
    ? { attendedClientIds: attendedClientIds(form) }
    : {};
}
