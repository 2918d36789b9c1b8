/**
 * The value lists that the database and the UI share (roles, forms, statuses, themes).
 * Kept free of Drizzle so browser code can import them without pulling the table
 * definitions into every page's bundle; the table files import them from here.
 */

export const practiceRoles = ['owner', 'supervisor'] as const;
export type PracticeRole = (typeof practiceRoles)[number];

/**
 * The four themes of a manager's supervision. Stored as these keys wherever a theme is
 * recorded (goals, notes, prompts), so the keys never change.
 */
export const themes = ['role', 'power', 'environment', 'dialogue'] as const;
export type Theme = (typeof themes)[number];

export const supervisionForms = ['individual', 'team', 'group'] as const;
export type SupervisionForm = (typeof supervisionForms)[number];

/** draft → active → ended; only an active contract's sessions can be booked. */
export const contractStatuses = ['draft', 'active', 'ended'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** What the commissioner is told; the profession's default is attendance and invoices only. */
export const disclosureLevels = ['nothing', 'attendance', 'attendance_and_evaluations'] as const;
export type DisclosureLevel = (typeof disclosureLevels)[number];

export const payers = ['commissioner', 'supervisee'] as const;
export type Payer = (typeof payers)[number];

/** scheduled → held | no_show | cancelled. */
export const sessionStatuses = ['scheduled', 'held', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** Who called a session off. Only the supervisee's late cancellation can be charged. */
export const cancellers = ['supervisee', 'supervisor', 'practice'] as const;
export type Canceller = (typeof cancellers)[number];

export const evaluationKinds = ['start', 'middle', 'end'] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];

export const sessionChangeKinds = [
  'booked',
  'rescheduled',
  'cancelled',
  'held',
  'no_show',
  'outcome_corrected',
  'charge_waived',
] as const;

export const respondents = ['supervisor', 'supervisee'] as const;

export const noteAuditActions = [
  'read_private',
  'write_private',
  'read_shared',
  'write_shared',
  'publish',
] as const;

export const outboxStatuses = ['pending', 'sent', 'failed'] as const;

/** The iTIP method of a mail's calendar part: an invitation (new or changed) or a cancellation. */
export const calendarMethods = ['REQUEST', 'CANCEL'] as const;
export type CalendarMethod = (typeof calendarMethods)[number];

export const locales = ['fi', 'en'] as const;

/**
 * Account security events kept in `security_events` (never with a secret). `data_exported`: a
 * supervisee downloaded everything of theirs — what a stolen session would do first.
 */
export const securityEventKinds = [
  'two_factor_enrolled',
  'two_factor_removed',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'data_exported',
] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];
/** A session reminder goes at most a week ahead; 0 turns reminders off. */
export const maxReminderHoursBefore = 168;

/** How a supervisee marks an agreed action between sessions. */
export const actionMarkStates = ['done', 'not_done'] as const;
export type ActionMarkState = (typeof actionMarkStates)[number];

/** A supervisee's reflection is written before a session or after it. */
export const reflectionMoments = ['before', 'after'] as const;
export type ReflectionMoment = (typeof reflectionMoments)[number];

/** What a supervisee asks of their supervisor about a coming session. */
export const sessionRequestKinds = ['new_time', 'cannot_attend'] as const;
export type SessionRequestKind = (typeof sessionRequestKinds)[number];

/** A feedback round's question: a rating on a 1–5 scale, or a free-text answer. */
export const feedbackQuestionKinds = ['scale', 'text'] as const;
export type FeedbackQuestionKind = (typeof feedbackQuestionKinds)[number];

/** An invoice, or a credit note that corrects one (a correction is never an edit). */
export const invoiceKinds = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/**
 * Our invoice's state: pending (written, not yet finalized at Stripe) → open → paid | void |
 * uncollectible; uncollectible → paid | void. It only ever moves forward.
 */
export const invoiceStatuses = ['pending', 'open', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** The longest payment term an owner can set, in days; 14 ("14 päivää netto") is the default. */
export const maxPaymentTermDays = 90;

/** The groups of practice settings whose changes `practice_settings_audit_log` records. */
export const practiceSettingGroups = ['invoicing_details', 'practice_profile'] as const;
export type PracticeSettingGroup = (typeof practiceSettingGroups)[number];
