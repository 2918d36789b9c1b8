import { z } from 'zod';

import {
  optionalEmail,
  optionalPhone,
  optionalPostalCode,
  optionalText,
  requiredText,
} from '~/forms/fields';

export const clientSchema = z.object({
  name: requiredText(),
  email: optionalEmail,
  phone: optionalPhone,
  title: optionalText(),
  organisation: optionalText(),
  // The billing address, for a supervisee who pays for their own supervision.
  streetAddress: optionalText(),
  postalCode: optionalPostalCode,
  city: optionalText(100),
  background: optionalText(5000),
});

export type ClientInput = z.infer<typeof clientSchema>;
