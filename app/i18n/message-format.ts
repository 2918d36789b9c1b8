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

type Part = string | { name: string } | PluralBlock;

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, value: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale === 'fi' ? 'fi-FI' : 'en-GB');
    pluralRules.set(locale, rules);
  }
  return rules.select(value);
}

/** The plural categories a language's numbers fall into: fi and en both have one and other. */
export function pluralCategories(locale: Locale): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(locale === 'fi' ? 'fi-FI' : 'en-GB').resolvedOptions()
    .pluralCategories;
}

/** The text between `{` at `start` and its matching `}`; -1 when the braces do not close. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const PLURAL_HEAD = /^\s*(\w+)\s*,\s*plural\s*,/;
const SELECTOR = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

function parsePlural(name: string, body: string): PluralBlock | null {
  const forms: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    if (body.slice(at).trim() === '') break;
    SELECTOR.lastIndex = at;
    const selector = SELECTOR.exec(body);
    if (!selector?.[1]) return null;
    const open = SELECTOR.lastIndex - 1;
    const close = closingBrace(body, open);
    if (close < 0) return null;
    forms[selector[1]] = body.slice(open + 1, close);
    at = close + 1;
  }
  return 'other' in forms ? { name, forms } : null;
}

const parsed = new Map<string, Part[]>();

/** A template as text, placeholders and plural blocks; parsed once per template. */
function parse(template: string): Part[] {
  const known = parsed.get(template);
  if (known) return known;
  const parts: Part[] = [];
  let text = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) break;
    const inner = template.slice(open + 1, close);
    const head = PLURAL_HEAD.exec(inner);
    const part: Part | null = /^\w+$/.test(inner)
      ? { name: inner }
      : head?.[1]
        ? parsePlural(head[1], inner.slice(head[0].length))
        : null;
    if (part) {
      parts.push(text + template.slice(at, open), part);
      text = '';
    } else {
      text += template.slice(at, close + 1);
    }
    at = close + 1;
  }
  parts.push(text + template.slice(at));
  const result = parts.filter((part) => part !== '');
  parsed.set(template, result);
  return result;
}

/** Fills placeholders and chooses plural forms; a missing parameter leaves its text as it was. */
export function formatMessage(locale: Locale, template: string, params?: MessageParams): string {
  if (!params) return template;
  let out = '';
  for (const part of parse(template)) {
    if (typeof part === 'string') out += part;
    else if (!(part.name in params)) out += rawPart(part);
    else if (!('forms' in part)) out += String(params[part.name]);
    else {
      const value = String(params[part.name]);
      const number = Number(value);
      const form =
        part.forms[`=${number}`] ?? part.forms[pluralCategory(locale, number)] ?? part.forms.other;
      out += formatMessage(locale, (form ?? '').replaceAll('#', value), params);
    }
  }
  return out;
}

function rawPart(part: Exclude<Part, string>): string {
  if (!('forms' in part)) return `{${part.name}}`;
  const forms = Object.entries(part.forms).map(([selector, text]) => `${selector} {${text}}`);
  return `{${part.name}, plural, ${forms.join(' ')}}`;
}

/** The plural blocks of a template, nested ones included (for the catalogue's tests). */
export function pluralBlocks(template: string): PluralBlock[] {
  return parse(template).flatMap((part) =>
    typeof part !== 'string' && 'forms' in part
      ? [part, ...Object.values(part.forms).flatMap(pluralBlocks)]
      : [],
  );
}

/** Every parameter a template reads, in plain placeholders and in plural blocks. */
export function parameterNames(template: string): string[] {
  const names = new Set<string>();
  for (const part of parse(template)) {
    if (typeof part === 'string') continue;
    names.add(part.name);
    if ('forms' in part) {
      for (const form of Object.values(part.forms)) {
        for (const name of parameterNames(form)) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/**
 * The template with each plural block replaced by its `other` form, for checks that read the
 * words around placeholders.
 */
export function withoutPluralBlocks(template: string): string {
  return parse(template)
    .map((part) =>
      typeof part === 'string'
        ? part
        : 'forms' in part
          ? `[${part.name}:plural]`
          : `{${part.name}}`,
    )
    .join('');
}
