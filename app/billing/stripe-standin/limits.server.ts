import type Stripe from 'stripe';

import { invalidParam } from './errors.server';
import type { Params } from './form.server';

/**
 * Limits of Stripe's invoice custom fields (API reference, `custom_fields` on invoices and
 * on a customer's `invoice_settings`): at most four, a name of at most 40 characters and a
 * value of at most 140.
 */
export const CUSTOM_FIELD_LIMITS = { count: 4, name: 40, value: 140 } as const;

/** Reads custom fields; `''` clears them (null). */
export function readCustomFields(
  params: Params,
  key = 'custom_fields',
): Stripe.Invoice.CustomField[] | null | undefined {
  const entries = params.objectList(key);
  if (entries === null || entries === undefined) return entries;
  if (entries.length > CUSTOM_FIELD_LIMITS.count) {
    throw invalidParam(
      params.name(key),
      `Invalid array: ${key} can have at most ${CUSTOM_FIELD_LIMITS.count} elements, ` +
        `but ${entries.length} were given.`,
    );
  }
  return entries.map((entry) => {
    entry.allowOnly(['name', 'value']);
    return {
      name: boundedString(entry, 'name', CUSTOM_FIELD_LIMITS.name),
      value: boundedString(entry, 'value', CUSTOM_FIELD_LIMITS.value),
    };
  });
}

function boundedString(params: Params, key: string, max: number): string {
  const value = params.requiredString(key);
  if ([...value].length > max) {
    throw invalidParam(
      params.name(key),
      `Invalid string: ${value.slice(0, 20)}...; must be at most ${max} characters`,
    );
  }
  return value;
}

/** A list's `limit`: 1 to 100, ten when not given (docs.stripe.com/api/pagination). */
export function readListLimit(params: Params): number {
  const limit = params.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam('limit', 'Invalid limit: must be between 1 and 100');
  }
  return limit;
}

/** The app bills in euros only; anything else is a bug worth a loud refusal. */
export function readCurrency(params: Params, fallback: string): string {
  const given = params.string('currency');
  if (given === undefined) return fallback;
  const currency = given.toLowerCase();
  if (currency !== 'eur') {
    throw invalidParam(
      params.name('currency'),
      `Invalid currency: ${given}. The stand-in supports eur only.`,
    );
  }
  return currency;
}
