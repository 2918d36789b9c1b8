import { z } from 'zod';

import { privateNoteSchema, sharedDraftSchema } from './content';
import { themes } from './themes';

/**
 * The note editor's form: `p_<part>` private parts, `s_<theme>` shared parts, `actions` one
 * per line, `theme_<theme>` ticks with `themesAuto` to derive them instead.
 */
export function parseNoteForm(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const privateNote = privateNoteSchema.safeParse({
    general: text('p_general'),
    role: text('p_role'),
    power: text('p_power'),
    environment: text('p_environment'),
    dialogue: text('p_dialogue'),
  });
  const shared = sharedDraftSchema.safeParse({
    role: text('s_role'),
    power: text('s_power'),
    environment: text('s_environment'),
    dialogue: text('s_dialogue'),
    actions: text('actions')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  });
  const baseVersion = z.coerce.number().int().min(0).safeParse(text('baseVersion'));
  if (!privateNote.success || !shared.success || !baseVersion.success) return null;
  const chosen = themes.filter((theme) => form.get(`theme_${theme}`) === 'on');
  return {
    baseVersion: baseVersion.data,
    private: privateNote.data,
    shared: shared.data,
    themes: form.get('themesAuto') === 'on' ? null : chosen,
  };
}
