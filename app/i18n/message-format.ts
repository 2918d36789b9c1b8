/**
 * The small message syntax of our catalogues (docs/decisions/024-terms-and-plurals.md):
 *
 *  - `{name}` is replaced by the parameter `name`;
 *  - `{count, plural, one {# tilaaja} other {# tilaajaa}}` chooses a form by the number in
 *    `count` with `Intl.PluralRules` of the page's language; `#` in the form is the number.
 *    `=0 {…}` gives an exact number its own words. `other` is always required.
 *
 * It is the plural part of ICU MessageFormat, which translators know, and nothing else.
 */
import type { Locale } from './index';

export type MessageParams = Record<string, string | number>;

export type PluralBlock = { name: string; forms: Record<string, string> };

/** A form's text: words and plain `{name}` placeholders, no nested braces otherwise. */
const TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const FORM = new RegExp(String.raw`(=\d+|[a-z]+)\s*\{(${TEXT})\}`, 'g');
/** A plural block or a plain placeholder, in one pass so filled-in values are never re-read. */
const PART = new RegExp(
  String.raw`\{(\w+)\s*,\s*plural\s*,((?:\s*(?:=\d+|[a-z]+)\s*\{${TEXT}\})+)\s*\}|\{(\w+)\}`,
  'g',
);

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

function formsOf(body: string): Record<string, string> {
  return Object.fromEntries([...body.matchAll(FORM)].map(([, selector, text]) => [selector, text]));
}

/** The plural categories a language's numbers fall into: fi and en both have one and other. */
export function pluralCategories(locale: Locale): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** Fills placeholders and chooses plural forms; a missing parameter leaves its text as it was. */
export function formatMessage(locale: Locale, template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(
    PART,
    (whole, pluralName?: string, body?: string, name?: string): string => {
      if (name !== undefined) return name in params ? String(params[name]) : whole;
      if (pluralName === undefined || body === undefined || !(pluralName in params)) return whole;
      const value = String(params[pluralName]);
      const number = Number(value);
      const forms = formsOf(body);
      const category = (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(number);
      const form = forms[`=${number}`] ?? forms[category] ?? forms.other ?? '';
      return formatMessage(locale, form.replaceAll('#', value), params);
    },
  );
}

/** The plural blocks of a template (for the catalogue's tests). */
export function pluralBlocks(template: string): PluralBlock[] {
  return [...template.matchAll(PART)].flatMap(([, name, body]) =>
    name !== undefined && body !== undefined ? [{ name, forms: formsOf(body) }] : [],
  );
}

/** Every parameter a template reads, in plain placeholders and in plural blocks. */
export function parameterNames(template: string): string[] {
  const names = new Set<string>();
  for (const [, pluralName, body, name] of template.matchAll(PART)) {
    if (name !== undefined) names.add(name);
    if (pluralName !== undefined) names.add(pluralName);
    for (const [, , text = ''] of (body ?? '').matchAll(FORM)) {
      for (const inner of parameterNames(text)) names.add(inner);
    }
  }
  return [...names].sort();
}

/** The template with each plural block replaced by a marker, for checks of the words around. */
export function withoutPluralBlocks(template: string): string {
  return template.replace(PART, (whole, pluralName?: string) =>
    pluralName === undefined ? whole : `[${pluralName}:plural]`,
  );
}
