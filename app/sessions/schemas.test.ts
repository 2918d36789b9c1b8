import { describe, expect, it } from 'vitest';

import { parseForm } from '~/forms/parse';

import { bookingSchema, seriesDateSchema } from './schemas';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const contractId = '0b4940b8-fdb7-4cf8-9f82-03708299063e';

describe('a session form’s date and time', () => {
  it('left empty, are only "required": an empty field is not also a badly written one', () => {
    const result = parseForm(bookingSchema, form({ contractId, date: '', time: ' ' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.date).toEqual(['form.required']);
    expect(result.fieldErrors.time).toEqual(['form.required']);
  });

  it('written wrong, say so', () => {
    const result = parseForm(bookingSchema, form({ contractId, date: '31.2.2026', time: '25:61' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.date).toEqual(['sessions.invalidDate']);
    expect(result.fieldErrors.time).toEqual(['sessions.invalidTime']);
  });

  it('are the same fields on the series page’s form', () => {
    const result = parseForm(seriesDateSchema, form({ date: '', time: '' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.date).toEqual(['form.required']);
    expect(result.fieldErrors.time).toEqual(['form.required']);
  });
});
