import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { en } from './en';
import { fi } from './fi';
import { formatDate, formatDateTime, formatDecimal, formatTime } from './format';
import { catalogues, isMessageKey, localeFromAcceptLanguage, translate } from './index';
import { parameterNames } from './message-format';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('catalogues', () => {
  it('translate every key into both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fi).sort());
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), `${locale}:${key}`).not.toBe('');
        expect(parameterNames(text), `${locale}:${key}`).toEqual(
          parameterNames(fi[key as keyof typeof fi]),
        );
      }
    }
  });

  it('contain every key the code asks for', () => {
    const appDir = path.resolve(__dirname, '..');
    const missing: string[] = [];
    for (const file of sourceFiles(appDir)) {
      const text = readFileSync(file, 'utf8');
      // t('key'), translate(locale, 'key') and message keys written as string literals.
      for (const match of text.matchAll(/['`]((?:[a-z][A-Za-z]*)(?:\.[a-zA-Z]+)+)['`]/g)) {
        const key = match[1] ?? '';
        const prefix = key.split('.')[0] ?? '';
        if (!(prefix in groups)) continue;
        if (!isMessageKey(key)) missing.push(`${path.relative(appDir, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fill placeholders', () => {
    expect(translate('fi', 'members.invited', { email: 'a@b.fi' })).toBe(
      'Kutsu lähetetty osoitteeseen a@b.fi.',
    );
    expect(translate('en', 'invite.title', { practice: 'Kajo' })).toBe('Join Kajo');
  });
});

// The first segment of every key: string literals starting with one of these must be keys.
const groups = Object.fromEntries(Object.keys(fi).map((key) => [key.split('.')[0], true]));

describe('language choice', () => {
  it('picks the best supported language from Accept-Language', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9,fi;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('sv-FI,fi;q=0.8,en;q=0.5')).toBe('fi');
    expect(localeFromAcceptLanguage('de-DE')).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});

describe('Finnish formats in Helsinki time', () => {
  // 22.11.2026 07.05 UTC is 9.05 in Helsinki (UTC+2); in July it is UTC+3.
  const winter = new Date('2026-11-22T07:05:00Z');
  const summer = new Date('2026-07-01T21:30:00Z');

  it('dates as d.M.yyyy and times as H.mm', () => {
    expect(formatDate(winter, 'fi')).toBe('22.11.2026');
    expect(formatTime(winter, 'fi')).toBe('9.05');
    expect(formatDateTime(summer, 'fi')).toBe('2.7.2026 0.30');
  });

  it('keeps each language’s notation when the languages take turns (formatters are kept)', () => {
    expect(formatDate(winter, 'en')).toBe('22/11/2026');
    expect(formatTime(winter, 'en')).toBe('9:05');
    expect(formatDate(winter, 'fi')).toBe('22.11.2026');
    expect(formatDecimal(25.5, 'fi')).toBe('25,5');
    expect(formatDecimal(25.5, 'en')).toBe('25.5');
    expect(formatDecimal(14, 'fi')).toBe('14');
    expect(formatTime(summer, 'en')).toBe('0:30');
  });
});
