/** The forms of the billing area: the practice's invoicing details. */
import { z } from 'zod';

import { maxPaymentTermDays } from '#db/schema/values';
import { optionalPostalCode, optionalText } from '~/forms/fields';
import type { MessageKey } from '~/i18n';

import { normaliseBusinessId, normaliseVatNumber, vatNumberOf } from './business-ids';
import { normaliseIban } from './finnish-payment';

/**
 * An optional field that is checked and written in its canonical form when given: empty
 * stays null, anything else must pass `normalise`.
 */
function optionalCanonical(
  max: number,
  normalise: (value: string) => string | null,
  message: MessageKey,
) {
  return optionalText(max).transform((value, ctx) => {
    if (value === null) return null;
    const canonical = normalise(value);
    if (canonical !== null) return canonical;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/**
 * The owner's form. Every field but the payment term may be left empty and saved: the
 * details can be filled in over time, and the invoice run refuses to start while one it
 * needs is missing (`missingInvoicingDetails`). What is given must be valid, and a VAT
 * number must be the one of the business ID given beside it.
 */
export const invoicingDetailsSchema = z
  .object({
    legalName: optionalText(200),
    streetAddress: optionalText(200),
    postalCode: optionalPostalCode,
    city: optionalText(100),
    businessId: optionalCanonical(20, normaliseBusinessId, 'billing.details.invalidBusinessId'),
    vatNumber: optionalCanonical(20, normaliseVatNumber, 'billing.details.invalidVatNumber'),
    iban: optionalCanonical(50, normaliseIban, 'billing.details.invalidIban'),
    paymentTermDays: z
      .string({ error: 'form.required' })
      .trim()
      .min(1, { error: 'form.required', abort: true })
      .regex(/^\d{1,3}$/, 'billing.details.paymentTermRange')
      .transform(Number)
      .refine((days) => days <= maxPaymentTermDays, 'billing.details.paymentTermRange'),
  })
  .superRefine((details, ctx) => {
    if (details.vatNumber && details.businessId) {
      if (details.vatNumber !== vatNumberOf(details.businessId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['vatNumber'],
          message: 'billing.details.vatNumberMismatch',
        });
      }
    }
  });

export type InvoicingDetails = z.infer<typeof invoicingDetailsSchema>;
export type InvoicingDetailField = keyof InvoicingDetails;
