import { describe, expect, it } from 'vitest';

import { catalogues, type Locale, translate } from './index';
import {
  formatMessage,
  pluralBlocks,
  pluralCategories,
  withoutPluralBlocks,
} from './message-format';

/**
 * The words of both catalogues (docs/decisions/024-terms-and-plurals.md): one name for the
 * person supervised, and counts that agree with their number.
 */
const entries = (locale: Locale) => Object.entries(catalogues[locale]) as [string, string][];

describe('the supervisee has one name in each language', () => {
  it('Finnish says työnohjattava, never asiakas', () => {
    // Any form of asiakas (asiakkaan, asiakasrekisteri …), but not asiakirja, a document.
    const offending = entries('fi').filter(([, text]) => /asiak(?!irj)/i.test(text));
    expect(offending).toEqual([]);
  });

  it('English says supervisee, never client', () => {
    const offending = entries('en').filter(([, text]) => /\bclients?\b/i.test(text));
    expect(offending).toEqual([]);
  });

  it('the list of supervisees is called by that name in the menu and on its page', () => {
    expect(translate('fi', 'nav.clients')).toBe('Työnohjattavat');
    expect(translate('fi', 'clients.title')).toBe('Työnohjattavat');
    expect(translate('en', 'nav.clients')).toBe('Supervisees');
    expect(translate('en', 'clients.title')).toBe('Supervisees');
  });
});

/**
 * Words that show a Finnish noun in the partitive, the case that follows numbers other than
 * one ("5 istuntoa", "3 tuntia", "2 vastausta"): after "1" it is wrong ("1 istuntoa").
 */
const FINNISH_PARTITIVE = /(?:[aeiouyäö][aä]|t[aä])$/;
/** An English plural noun ("5 sessions"); after "1" it is wrong ("1 sessions"). */
const ENGLISH_PLURAL = /[a-z]s$/;
const counted: Record<Locale, RegExp> = { fi: FINNISH_PARTITIVE, en: ENGLISH_PLURAL };

/** The placeholders that numbers fill, across the catalogues. */
const NUMBERS = new Set([
  ...['count', 'n', 'total', 'first', 'last', 'page', 'pageCount', 'pageSize', 'min'],
  ...['agreed', 'used', 'upcoming', 'extra', 'counted', 'sent', 'answered'],
  ...['hours', 'minutes', 'weeks'],
]);
/** A number that a word follows without counting it: an ordinal ("Tavoitteen 2 teema"). */
const NOT_COUNTS = new Set(['contracts.goalTheme', 'feedback.form.customKind']);

describe('counts agree with their number', () => {
  it.each(['fi', 'en'] as const)(
    '%s: a number followed by a counted word is a plural message',
    (locale) => {
      const offending: string[] = [];
      for (const [key, text] of entries(locale)) {
        if (NOT_COUNTS.has(key)) continue;
        for (const [, name, word = ''] of withoutPluralBlocks(text).matchAll(
          /\{(\w+)\}\s+(\p{L}+)/gu,
        )) {
          if (NUMBERS.has(name ?? '') && counted[locale].test(word))
            offending.push(`${key}: {${name}} ${word}`);
        }
      }
      expect(offending).toEqual([]);
    },
  );

  it.each(['fi', 'en'] as const)(
    '%s: every plural message has each form the language needs',
    (locale) => {
      const needed = pluralCategories(locale).sort();
      expect(needed).toEqual(['one', 'other']);
      const incomplete: string[] = [];
      for (const [key, text] of entries(locale)) {
        for (const block of pluralBlocks(text)) {
          const missing = needed.filter((category) => !(category in block.forms));
          if (missing.length > 0) incomplete.push(`${key}: {${block.name}} lacks ${missing}`);
          if (block.forms.one === block.forms.other) incomplete.push(`${key}: one = other`);
        }
      }
      expect(incomplete).toEqual([]);
    },
  );

  it('Finnish never puts a partitive after the number one', () => {
    const offending: string[] = [];
    for (const [key, text] of entries('fi')) {
      for (const block of pluralBlocks(text)) {
        const word = /#\s+(\p{L}+)/u.exec(block.forms.one ?? '')?.[1];
        if (word && FINNISH_PARTITIVE.test(word)) offending.push(`${key}: ${block.forms.one}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('reads as people write: one supervisee, five supervisees', () => {
    expect(translate('fi', 'clients.count', { count: 1 })).toBe('1 työnohjattava');
    expect(translate('fi', 'clients.count', { count: 5 })).toBe('5 työnohjattavaa');
    expect(translate('en', 'clients.count', { count: 1 })).toBe('1 supervisee');
    expect(translate('en', 'clients.count', { count: 0 })).toBe('0 supervisees');
    expect(translate('fi', 'commissioners.count', { count: 1 })).toBe('1 tilaaja');
    expect(translate('fi', 'contracts.hours', { n: 24 })).toBe('24 tuntia');
    expect(translate('fi', 'contracts.hours', { n: 1 })).toBe('1 tunti');
    expect(translate('fi', 'contracts.everyWeeks', { n: 1 })).toBe('joka viikko');
    expect(translate('en', 'contracts.everyWeeks', { n: 3 })).toBe('every 3 weeks');
    expect(translate('fi', 'feedback.results.scaleSummary', { count: 1, mean: '4,0' })).toBe(
      '1 vastaus, keskiarvo 4,0',
    );
  });
});

describe('the message syntax', () => {
  it('fills placeholders inside the chosen form and leaves unknown ones visible', () => {
    const template =
      'Hei {name}: {count, plural, =0 {ei mitään} one {# uusi {what}} other {# uutta}}';
    expect(formatMessage('fi', template, { name: 'Aino', count: 0 })).toBe('Hei Aino: ei mitään');
    expect(formatMessage('fi', template, { name: 'Aino', count: 1, what: 'viesti' })).toBe(
      'Hei Aino: 1 uusi viesti',
    );
    expect(formatMessage('fi', template, { name: 'Aino', count: 12 })).toBe('Hei Aino: 12 uutta');
    expect(formatMessage('fi', 'Hei {name}', {})).toBe('Hei {name}');
  });

  it('chooses by the language’s rules: 1.5 takes the "other" form', () => {
    expect(formatMessage('en', '{n, plural, one {# hour} other {# hours}}', { n: 1.5 })).toBe(
      '1.5 hours',
    );
  });
});
