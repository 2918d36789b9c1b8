/** The portal's forms between sessions; messages are catalogue keys (docs/decisions/009). */
import { z } from 'zod';

import { actionMarkStates, reflectionMoments, sessionRequestKinds } from '#db/schema/values';
import { checkbox, optionalText, requiredText } from '~/forms/fields';

export const markActionSchema = z.object({
  actionId: z.uuid({ error: 'error.invalid' }),
  state: z.enum(actionMarkStates, { error: 'between.actions.chooseState' }),
  comment: optionalText(2000),
});

export const reflectionSchema = z.object({
  moment: z.enum(reflectionMoments, { error: 'error.invalid' }),
  // Empty is allowed: it removes the reflection.
  text: z.string().trim().max(5000, 'form.tooLong').default(''),
});

export const requestSchema = z.object({
  kind: z.enum(sessionRequestKinds, { error: 'error.invalid' }),
  message: requiredText(2000),
});

export const cancelSchema = z.object({ acknowledgeLate: checkbox });
