/**
 * The contract form. Values arrive as the flat strings of a plain HTML form: participants as
 * one checkbox per client (`participant_<clientId>`) and goals as numbered rows
 * (`goal1Text`, `goal1Theme` …), so that parseForm and formFailure, which keep one string
 * per name, can show every typed value again after a failed submit.
 */
import { z } from 'zod';

import { disclosureLevels, payers, supervisionForms } from '#db/schema/values';
import { themes } from '#db/schema/values';
import { checkbox, optionalText, requiredText } from '~/forms/fields';
import type { MessageKey } from '~/i18n';
import { eurosToCents } from '~/money/cents';

import {
  goalIdField,
  goalTextField,
  goalThemeField,
  maxGoals,
  participantPrefix,
  vatChoices,
} from './form-values';

/** A whole number within bounds; the message names the bounds, as no parameters pass through. */
function integerField(min: number, max: number, rangeMessage: MessageKey) {
  return z
    .string({ error: 'form.required' })
    .trim()
    .min(1, 'form.required')
    .regex(/^\d{1,6}$/, 'contracts.wholeNumber')
    .transform(Number)
    .refine((value) => value >= min && value <= max, rangeMessage);
}

function optionalIntegerField(min: number, max: number, rangeMessage: MessageKey) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^\d{1,6}$/.test(value), 'contracts.wholeNumber')
    .transform((value) => (value === null ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), rangeMessage);
}

/** 2026-09-01 from a date input, or 1.9.2026 typed by hand; null when it is no real day. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : finnish
      ? [Number(finnish[3]), Number(finnish[2]), Number(finnish[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1)
    return null;
  return date.toISOString().slice(0, 10);
}

const requiredDay = requiredText(10).transform((value, ctx) => {
  const day = parseDay(value);
  if (day) return day;
  ctx.addIssue({ code: 'custom', message: 'contracts.invalidDate' });
  return z.NEVER;
});

const optionalDay = optionalText(10).transform((value, ctx) => {
  if (value === null) return null;
  const day = parseDay(value);
  if (day) return day;
  ctx.addIssue({ code: 'custom', message: 'contracts.invalidDate' });
  return z.NEVER;
});

const price = requiredText(20).transform((value, ctx) => {
  const cents = eurosToCents(value);
  if (cents !== null) return cents;
  ctx.addIssue({ code: 'custom', message: 'contracts.invalidPrice' });
  return z.NEVER;
});

const remoteLink = optionalText(500).refine((value) => {
  if (value === null) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}, 'contracts.invalidUrl');

const goalRow = z.object({
  // A forged or stale id is not an error: the row is then saved as a new goal.
  id: z.uuid().optional().catch(undefined),
  text: optionalText(500),
  theme: z
    .enum(themes, { error: 'error.invalid' })
    .optional()
    .catch(undefined)
    .transform((value) => value ?? null),
});

const fields = z.object({
  supervisorId: z.uuid({ error: 'form.required' }),
  commissionerId: z.uuid({ error: 'contracts.commissionerRequired' }),
  form: z.enum(supervisionForms, { error: 'form.required' }),
  participants: z.array(z.uuid()),
  code: requiredText(30)
    .transform((value) => value.toUpperCase())
    .refine((value) => /^[A-Z0-9][A-Z0-9-]*$/.test(value), 'contracts.invalidCode'),
  sessionsAgreed: integerField(1, 200, 'contracts.sessionsAgreedRange'),
  sessionMinutes: integerField(15, 240, 'contracts.sessionMinutesRange'),
  rhythmWeeks: optionalIntegerField(1, 26, 'contracts.rhythmWeeksRange'),
  location: optionalText(200),
  remoteLink,
  startsOn: requiredDay,
  plannedEndOn: optionalDay,
  guidingQuestion: optionalText(1000),
  goals: z.array(goalRow),
  methods: optionalText(2000),
  price,
  vat: z.enum(vatChoices, { error: 'form.required' }),
  vatExemptReason: optionalText(300),
  payer: z.enum(payers, { error: 'form.required' }),
  cancellationNoticeHours: integerField(0, 336, 'contracts.cancellationNoticeRange'),
  chargeLateCancellation: checkbox,
  chargeNoShow: checkbox,
  commissionerDisclosure: z.enum(disclosureLevels, { error: 'form.required' }),
  retentionMonths: integerField(1, 120, 'contracts.retentionMonthsRange'),
});

/** Gathers the checkbox-per-client and row-per-goal names into lists before validation. */
function gatherLists(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  const participants = Object.keys(values)
    .filter((key) => key.startsWith(participantPrefix) && values[key] === 'on')
    .map((key) => key.slice(participantPrefix.length));
  const goals = Array.from({ length: maxGoals }, (_, index) => ({
    id: values[goalIdField(index + 1)] || undefined,
    text: values[goalTextField(index + 1)] ?? '',
    theme: values[goalThemeField(index + 1)] || undefined,
  }));
  return { ...values, participants, goals };
}

export const contractSchema = z.preprocess(
  gatherLists,
  fields
    .superRefine((value, ctx) => {
      // Runs even when single fields failed, so every problem is reported at once; hence the
      // type checks: a field that failed may still hold its raw string.
      const count = value.participants.length;
      if (value.form === 'individual' && count !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['participants'],
          message: 'contracts.oneParticipant',
        });
      if ((value.form === 'team' || value.form === 'group') && count < 2)
        ctx.addIssue({
          code: 'custom',
          path: ['participants'],
          message: 'contracts.severalParticipants',
        });
      if (value.vat === 'exempt' && !value.vatExemptReason)
        ctx.addIssue({
          code: 'custom',
          path: ['vatExemptReason'],
          message: 'contracts.vatReasonRequired',
        });
      if (
        typeof value.startsOn === 'string' &&
        typeof value.plannedEndOn === 'string' &&
        value.plannedEndOn < value.startsOn
      )
        ctx.addIssue({
          code: 'custom',
          path: ['plannedEndOn'],
          message: 'contracts.endBeforeStart',
        });
      if (value.goals.some((goal) => goal.theme && !goal.text))
        ctx.addIssue({ code: 'custom', path: ['goals'], message: 'contracts.goalTextMissing' });
    })
    .transform(({ vat, vatExemptReason, price, goals, ...rest }) => ({
      ...rest,
      priceCents: price,
      vatRateBasisPoints: vat === 'exempt' ? null : Number(vat),
      vatExemptReason: vat === 'exempt' ? vatExemptReason : null,
      goals: goals.flatMap((goal) =>
        goal.text ? [{ id: goal.id ?? null, text: goal.text, theme: goal.theme }] : [],
      ),
    })),
);

export type ContractInput = z.output<typeof contractSchema>;

export const contractStatusFilter = z.enum(['all', 'draft', 'active', 'ended']).catch('all');
export type ContractStatusFilter = z.infer<typeof contractStatusFilter>;
