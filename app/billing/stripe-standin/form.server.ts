import { invalidParam, missingParam } from './errors.server';

/**
 * Stripe's request encoding: form fields with bracketed keys, `a[b][0][c]=d`, which the SDK
 * writes for nested objects and arrays (`tax_rates[0]=txr_…`, `metadata[key]=value`).
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** Decodes an urlencoded body or query string into nested objects and arrays. */
export function decodeForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const path = keyPath(key);
    const [first, ...rest] = path;
    if (first === undefined || first === '') throw invalidParam(key, `Invalid parameter: ${key}`);
    assign(root, first, rest, value, key);
  }
  return Object.fromEntries(Object.entries(root).map(([k, v]) => [k, arraysFromIndexes(v)]));
}

function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g)) segments.push(match[1] ?? '');
  return segments;
}

function assign(
  target: FormObject,
  segment: string,
  rest: string[],
  value: string,
  fullKey: string,
): void {
  // `key[]=a&key[]=b` appends, as in Stripe's documented curl examples.
  const name = segment === '' ? String(Object.keys(target).length) : segment;
  const [next, ...after] = rest;
  if (next === undefined) {
    if (name in target) throw invalidParam(fullKey, `Invalid parameter: ${fullKey} given twice`);
    target[name] = value;
    return;
  }
  const existing = target[name];
  if (typeof existing === 'string' || Array.isArray(existing)) {
    throw invalidParam(fullKey, `Invalid hash: ${fullKey}`);
  }
  const child: FormObject = existing ?? {};
  target[name] = child;
  assign(child, next, after, value, fullKey);
}

/** Objects whose keys are exactly 0…n-1 become arrays. */
function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((k) => [k, arraysFromIndexes(value[k] ?? '')]));
  const indexes = keys.map(Number);
  const isList =
    keys.length > 0 &&
    indexes.every((n) => Number.isInteger(n) && n >= 0) &&
    [...indexes].sort((a, b) => a - b).every((n, position) => n === position);
  return isList ? indexes.map((_, position) => converted[String(position)] ?? '') : converted;
}

/**
 * Typed reading of decoded parameters, with Stripe's messages for what does not fit. Values
 * arrive as strings; Stripe coerces them on its side, and so does this.
 */
export class Params {
  constructor(
    readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  /** Stripe refuses parameters it does not know; so does the stand-in, which catches typos. */
  allowOnly(names: readonly string[]): void {
    for (const key of Object.keys(this.values)) {
      if (key === 'expand') continue;
      if (!names.includes(key)) {
        throw invalidParam(
          this.name(key),
          `Received unknown parameter: ${this.name(key)}`,
          'parameter_unknown',
        );
      }
    }
  }

  has(key: string): boolean {
    return key in this.values;
  }

  string(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidParam(this.name(key), `Invalid string: ${key}`);
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '') throw missingParam(this.name(key));
    return value;
  }

  integer(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw invalidParam(this.name(key), `Invalid integer: ${value}`);
    }
    return Number(value);
  }

  nonNegativeInteger(key: string): number | undefined {
    const value = this.integer(key);
    if (value !== undefined && value < 0) {
      throw invalidParam(this.name(key), `Invalid ${key}: must be greater than or equal to 0`);
    }
    return value;
  }

  decimal(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+(\.\d{1,12})?$/.test(value)) {
      throw invalidParam(this.name(key), `Invalid decimal: ${value}`);
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') {
      throw invalidParam(this.name(key), `Invalid boolean: ${value}`);
    }
    return value === 'true';
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    const match = allowed.find((a) => a === value);
    if (!match) {
      throw invalidParam(
        this.name(key),
        `Invalid ${key}: must be one of ${allowed.join(', ')}`,
        'parameter_invalid_string',
      );
    }
    return match;
  }

  stringList(key: string): string[] | undefined {
    const value = this.values[key];
    if (value === undefined || value === '') return value === '' ? [] : undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw invalidParam(this.name(key), `Invalid array: ${key}`);
    }
    return value as string[];
  }

  /** A nested hash; `''` (Stripe's way of clearing it) reads as null. */
  object(key: string): Params | null | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (typeof value === 'string' || Array.isArray(value)) {
      throw invalidParam(this.name(key), `Invalid hash: ${key}`);
    }
    return new Params(value, this.name(key));
  }

  /** A list of hashes (`custom_fields[0][name]=…`); `''` clears it. */
  objectList(key: string): Params[] | null | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (!Array.isArray(value)) throw invalidParam(this.name(key), `Invalid array: ${key}`);
    return value.map((entry, index) => {
      if (typeof entry === 'string' || Array.isArray(entry)) {
        throw invalidParam(`${this.name(key)}[${index}]`, `Invalid hash: ${key}[${index}]`);
      }
      return new Params(entry, `${this.name(key)}[${index}]`);
    });
  }

  /** Metadata as Stripe updates it: `''` for a key unsets it, `metadata=''` clears all. */
  metadata(key = 'metadata'): Record<string, string> | null | undefined {
    const hash = this.object(key);
    if (hash === null || hash === undefined) return hash;
    const entries = Object.entries(hash.values);
    if (entries.length > 50) {
      throw invalidParam(this.name(key), 'Invalid metadata: at most 50 keys are allowed');
    }
    return Object.fromEntries(
      entries.map(([name, value]) => {
        if (typeof value !== 'string') {
          throw invalidParam(`${this.name(key)}[${name}]`, `Invalid string: metadata[${name}]`);
        }
        if (name.length > 40 || value.length > 500) {
          throw invalidParam(
            `${this.name(key)}[${name}]`,
            'Metadata keys are at most 40 and values at most 500 characters long',
          );
        }
        return [name, value];
      }),
    );
  }

  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }
}

/** Applies a metadata update to stored metadata (merge; empty value removes the key). */
export function mergeMetadata(
  current: Record<string, string>,
  update: Record<string, string> | null | undefined,
): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
