import { describe, expect, it } from 'vitest';

import {
  applyPromptListIntent,
  parsePromptListIntent,
  promptRowsFrom,
  validatePromptRows,
} from './prompt-list';

const rows = [
  { fi: 'Yksi?', en: 'One?' },
  { fi: 'Kaksi?', en: 'Two?' },
  { fi: 'Kolme?', en: 'Three?' },
];
const fiOf = (list: { fi: string }[]) => list.map((row) => row.fi);

describe('the prompt list editor', () => {
  it('reads the pressed button and refuses anything else', () => {
    expect(parsePromptListIntent('save')).toEqual({ kind: 'save' });
    expect(parsePromptListIntent('up-2')).toEqual({ kind: 'up', index: 2 });
    expect(parsePromptListIntent('remove-10')).toEqual({ kind: 'remove', index: 10 });
    for (const bad of [null, '', 'up', 'up-', 'up-x', 'up-123', 'drop-1', ['save']]) {
      expect(parsePromptListIntent(bad)).toBeNull();
    }
  });

  it('moves a prompt up or down and removes one, leaving the others in order', () => {
    expect(fiOf(applyPromptListIntent(rows, { kind: 'up', index: 2 }))).toEqual([
      'Yksi?',
      'Kolme?',
      'Kaksi?',
    ]);
    expect(fiOf(applyPromptListIntent(rows, { kind: 'down', index: 0 }))).toEqual([
      'Kaksi?',
      'Yksi?',
      'Kolme?',
    ]);
    expect(fiOf(applyPromptListIntent(rows, { kind: 'remove', index: 1 }))).toEqual([
      'Yksi?',
      'Kolme?',
    ]);
    // The ends and indexes past the list change nothing.
    expect(applyPromptListIntent(rows, { kind: 'up', index: 0 })).toEqual(rows);
    expect(applyPromptListIntent(rows, { kind: 'down', index: 2 })).toEqual(rows);
    expect(applyPromptListIntent(rows, { kind: 'remove', index: 7 })).toEqual(rows);
  });

  it('pairs the languages by position and drops rows left empty in both', () => {
    const sent = promptRowsFrom([' Yksi? ', '', 'Kolme?'], ['One?', ' ', 'Three?', 'Four?']);
    expect(validatePromptRows(sent)).toEqual({
      ok: false,
      rowErrors: { 3: 'fi' },
      tooMany: false,
    });
    expect(validatePromptRows(sent.slice(0, 3))).toEqual({
      ok: true,
      prompts: [
        { fi: 'Yksi?', en: 'One?' },
        { fi: 'Kolme?', en: 'Three?' },
      ],
    });
    expect(validatePromptRows([{ fi: 'Vain suomeksi?', en: '' }])).toMatchObject({
      ok: false,
      rowErrors: { 0: 'en' },
    });
    expect(validatePromptRows([])).toEqual({ ok: true, prompts: [] });
  });

  it('refuses more than 30 prompts and cuts a prompt at 300 characters', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ fi: `K${i}?`, en: `Q${i}?` }));
    expect(validatePromptRows(many)).toMatchObject({ ok: false, tooMany: true });
    const long = validatePromptRows([{ fi: 'a'.repeat(400), en: 'b' }]);
    expect(long.ok && long.prompts[0]?.fi.length).toBe(300);
  });
});
