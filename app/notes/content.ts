import { z } from 'zod';

import { type Theme, themes } from './themes';

/** Private working notes: one part per theme and a general part. Author's eyes only. */
export interface PrivateNote {
  general: string;
  role: string;
  power: string;
  environment: string;
  dialogue: string;
}

/** The shared summary per theme and the agreed actions, as the supervisor drafts them. */
export interface SharedDraft {
  role: string;
  power: string;
  environment: string;
  dialogue: string;
  actions: string[];
}

export const emptyPrivateNote: PrivateNote = {
  general: '',
  role: '',
  power: '',
  environment: '',
  dialogue: '',
};

export const emptySharedDraft: SharedDraft = {
  role: '',
  power: '',
  environment: '',
  dialogue: '',
  actions: [],
};

const part = z.string().max(20_000, 'form.tooLong').default('');

export const privateNoteSchema = z.object({
  general: part,
  role: part,
  power: part,
  environment: part,
  dialogue: part,
});

export const sharedDraftSchema = z.object({
  role: part,
  power: part,
  environment: part,
  dialogue: part,
  actions: z.array(z.string().trim().min(1).max(500, 'form.tooLong')).max(30).default([]),
});

/** The themes a note addresses: those with anything written in a private or shared part. */
export function deriveThemes(privateNote: PrivateNote, shared: SharedDraft): Theme[] {
  return themes.filter((theme) => privateNote[theme].trim() !== '' || shared[theme].trim() !== '');
}
