/**
 * Editing one theme's prompt list on the settings page, without JavaScript: the form sends
 * every row as it stands (`fi` and `en`, repeated in order) and the button pressed says what
 * to do with them. Moving, removing and adding save the list at once, with the edits typed
 * into other rows; a list that does not validate is shown again as typed, nothing saved.
 */
export interface PromptRow {
  fi: string;
  en: string;
}

export const MAX_PROMPTS = 30;
export const MAX_PROMPT_CHARS = 300;

export type PromptListIntent =
  | { kind: 'save' }
  | { kind: 'add' }
  | { kind: 'reset' }
  | { kind: 'remove' | 'up' | 'down'; index: number };

/** The pressed button's value: `save`, `add`, `reset`, or `remove-3`, `up-3`, `down-3`. */
export function parsePromptListIntent(value: unknown): PromptListIntent | null {
  if (value === 'save' || value === 'add' || value === 'reset') return { kind: value };
  if (typeof value !== 'string') return null;
  const match = /^(remove|up|down)-(\d{1,2})$/.exec(value);
  if (!match) return null;
  return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
}

/** The rows the form sent, paired by position; surplus or missing halves count as empty. */
export function promptRowsFrom(fi: unknown[], en: unknown[]): PromptRow[] {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return Array.from({ length: Math.max(fi.length, en.length) }, (_, i) => ({
    fi: text(fi[i]),
    en: text(en[i]),
  }));
}

/** The rows after a move or removal; other intents leave them as they are. */
export function applyPromptListIntent(rows: PromptRow[], intent: PromptListIntent): PromptRow[] {
  if (intent.kind !== 'remove' && intent.kind !== 'up' && intent.kind !== 'down') return rows;
  const { index } = intent;
  if (index < 0 || index >= rows.length) return rows;
  const next = [...rows];
  if (intent.kind === 'remove') {
    next.splice(index, 1);
    return next;
  }
  const other = intent.kind === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= next.length) return rows;
  [next[index], next[other]] = [next[other] as PromptRow, next[index] as PromptRow];
  return next;
}

export type PromptRowError = 'fi' | 'en';

export type PromptListResult =
  | { ok: true; prompts: PromptRow[] }
  | {
      ok: false;
      /** Per row, the language whose text is missing. */
      rowErrors: Record<number, PromptRowError>;
      tooMany: boolean;
    };

/**
 * Trims the rows and drops those left empty in both languages; a row written in one
 * language only is an error, as is a list of more than 30. An empty list is valid: the
 * theme then uses the built-in prompts.
 */
export function validatePromptRows(rows: PromptRow[]): PromptListResult {
  const rowErrors: Record<number, PromptRowError> = {};
  const prompts: PromptRow[] = [];
  rows.forEach((row, index) => {
    const fi = row.fi.trim().slice(0, MAX_PROMPT_CHARS);
    const en = row.en.trim().slice(0, MAX_PROMPT_CHARS);
    if (!fi && !en) return;
    if (!fi) rowErrors[index] = 'fi';
    else if (!en) rowErrors[index] = 'en';
    else prompts.push({ fi, en });
  });
  const tooMany = prompts.length > MAX_PROMPTS;
  if (tooMany || Object.keys(rowErrors).length > 0) return { ok: false, rowErrors, tooMany };
  return { ok: true, prompts };
}
