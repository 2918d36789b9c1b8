import { z } from 'zod';

import { optionalEmail, optionalPostalCode, optionalText, requiredText } from '~/forms/fields';

import { normaliseBusinessId } from './business-id';

export const commissionerSchema = z.object({
  name: requiredText(),
  businessId: requiredText(20).transform((value, ctx) => {
    const canonical = normaliseBusinessId(value);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: 'commissioners.invalidBusinessId' });
    return z.NEVER;
  }),
  billingContact: optionalText(),
  billingEmail: optionalEmail,
  addressLine: optionalText(),
  postalCode: optionalPostalCode,
  city: optionalText(100),
  eInvoiceAddress: optionalText(40),
  eInvoiceOperator: optionalText(40),
});

export type CommissionerInput = z.infer<typeof commissionerSchema>;
