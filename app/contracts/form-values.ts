/**
 * The contract form's field names and starting values. The form shows flat strings, the
 * same shape a failed submit sends back, so a new form, an edit and a failed submit all
 * fill their fields the same way.
 */
import type { Contract } from '#db/schema/contracts';
import type { Theme } from '#db/schema/values';
import { centsToEuros } from '~/money/cents';

export const maxGoals = 6;
export const participantPrefix = 'participant_';
export const participantField = (clientId: string) => `${participantPrefix}${clientId}`;
export const goalTextField = (row: number) => `goal${row}Text`;
export const goalThemeField = (row: number) => `goal${row}Theme`;
/** A hidden field: the stored goal a row edits, so an edit keeps the goal (and its scores). */
export const goalIdField = (row: number) => `goal${row}Id`;

/** The VAT choices of a contract: basis points of a rate, or exempt with a legal reason. */
export const vatChoices = ['2550', '1400', '1000', '0', 'exempt'] as const;
export type VatChoice = (typeof vatChoices)[number];

export type ContractFormValues = Record<string, string>;

const on = (value: boolean) => (value ? 'on' : '');

/** A fresh form: the profession's usual terms, the suggested code and the actor as supervisor. */
export function newContractValues(code: string, supervisorId: string): ContractFormValues {
  return {
    code,
    supervisorId,
    form: 'individual',
    sessionMinutes: '60',
    vat: '2550',
    payer: 'commissioner',
    cancellationNoticeHours: '24',
    chargeLateCancellation: 'on',
    chargeNoShow: 'on',
    commissionerDisclosure: 'attendance',
    retentionMonths: '24',
  };
}

/** A stored contract as the form's strings, for editing. */
export function contractValues(
  contract: Contract & {
    participants: { id: string }[];
    goals: { id: string; text: string; theme: Theme | null }[];
  },
): ContractFormValues {
  const values: ContractFormValues = {
    supervisorId: contract.supervisorId,
    commissionerId: contract.commissionerId,
    form: contract.form,
    code: contract.code,
    sessionsAgreed: String(contract.sessionsAgreed),
    sessionMinutes: String(contract.sessionMinutes),
    rhythmWeeks: contract.rhythmWeeks === null ? '' : String(contract.rhythmWeeks),
    location: contract.location ?? '',
    remoteLink: contract.remoteLink ?? '',
    startsOn: contract.startsOn,
    plannedEndOn: contract.plannedEndOn ?? '',
    guidingQuestion: contract.guidingQuestion ?? '',
    methods: contract.methods ?? '',
    price: centsToEuros(contract.priceCents),
    vat: contract.vatRateBasisPoints === null ? 'exempt' : String(contract.vatRateBasisPoints),
    vatExemptReason: contract.vatExemptReason ?? '',
    payer: contract.payer,
    cancellationNoticeHours: String(contract.cancellationNoticeHours),
    chargeLateCancellation: on(contract.chargeLateCancellation),
    chargeNoShow: on(contract.chargeNoShow),
    commissionerDisclosure: contract.commissionerDisclosure,
    retentionMonths: String(contract.retentionMonths),
  };
  for (const participant of contract.participants) values[participantField(participant.id)] = 'on';
  contract.goals.forEach((goal, index) => {
    values[goalIdField(index + 1)] = goal.id;
    values[goalTextField(index + 1)] = goal.text;
    values[goalThemeField(index + 1)] = goal.theme ?? '';
  });
  return values;
}
