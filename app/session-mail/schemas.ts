import { z } from 'zod';

import { maxReminderHoursBefore } from '#db/schema/values';

export const reminderSettingSchema = z.object({
  reminderHours: z
    .string({ error: 'form.required' })
    .trim()
    .min(1, 'form.required')
    .regex(/^\d{1,3}$/, 'sessionMail.settings.invalidHours')
    .transform(Number)
    .refine((hours) => hours <= maxReminderHoursBefore, 'sessionMail.settings.invalidHours'),
});
