import { describe, expect, it } from 'vitest';

import { defaultPrompts } from './default-prompts';
import { themes } from './themes';

const languages = ['fi', 'en'] as const;

describe('defaultPrompts', () => {
  it('has between 6 and 10 prompts for every theme, and no unknown themes', () => {
    expect(Object.keys(defaultPrompts).sort()).toEqual([...themes].sort());
    for (const theme of themes) {
      const count = defaultPrompts[theme].length;
      expect(count, theme).toBeGreaterThanOrEqual(6);
      expect(count, theme).toBeLessThanOrEqual(10);
    }
  });

  it('has non-empty, trimmed, short questions in both languages', () => {
    for (const theme of themes) {
      for (const [index, prompt] of defaultPrompts[theme].entries()) {
        for (const language of languages) {
          const text = prompt[language];
          const label = `${theme}[${index}].${language}`;
          expect(text.length, label).toBeGreaterThan(1);
          expect(text, label).toBe(text.trim());
          expect(text.endsWith('?'), label).toBe(true);
          expect(text.length, label).toBeLessThan(200);
        }
        expect(prompt.fi, `${theme}[${index}]`).not.toBe(prompt.en);
      }
    }
  });

  it('has no duplicate prompts within a language', () => {
    for (const language of languages) {
      const texts = themes.flatMap((theme) =>
        defaultPrompts[theme].map((prompt) => prompt[language].toLocaleLowerCase()),
      );
      expect(new Set(texts).size, language).toBe(texts.length);
    }
  });
});
