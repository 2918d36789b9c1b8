import { z } from 'zod';

import { optionalEmail, optionalPhone, optionalText, requiredText } from '~/forms/fields';

export const clientSchema = z.object({
  name: requiredText(),
  email: optionalEmail,
  phone: optionalPhone,
  title: optionalText(),
  organisation: optionalText(),
  background: optionalText(5000),
});

export type ClientInput = z.infer<typeof clientSchema>;
