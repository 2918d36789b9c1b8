import { z } from 'zod';

import { checkbox } from '~/forms/fields';

/** The settings page's forms, told apart by their submit button's `intent`. */
export const feedIntent = z.enum(['create', 'revoke', 'names']);

export const feedNamesSchema = z.object({ showNames: checkbox });
