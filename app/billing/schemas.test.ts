import { describe, expect, it } from 'vitest';

import { parseForm } from '~/forms/parse';

import { invoicingDetailsSchema } from './schemas';

const complete = {
  legalName: 'Työnohjaus Virtanen Oy',
  streetAddress: 'Hämeenkatu 1 A 2',
  postalCode: '33100',
  city: 'Tampere',
  businessId: '0112038-9',
  vatNumber: 'FI01120389',
  iban: 'FI90 8000 2627 7613 48',
  paymentTermDays: '14',
};

const parse = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return parseForm(invoicingDetailsSchema, form);
};

const errorsOf = (fields: Record<string, string>) => {
  const result = parse(fields);
  return result.ok ? {} : result.fieldErrors;
};

describe('the invoicing details form', () => {
  it('stores what is typed in its canonical form', () => {
    const result = parse({
      ...complete,
      businessId: ' 01120389 ',
      vatNumber: 'fi 0112 0389',
      iban: 'fi90 8000 2627 7613 48',
      paymentTermDays: ' 30 ',
    });
    expect(result).toEqual({
      ok: true,
      data: {
        ...complete,
        businessId: '0112038-9',
        vatNumber: 'FI01120389',
        iban: 'FI9080002627761348',
        paymentTermDays: 30,
      },
    });
  });

  it('saves an empty field as missing, and a VAT number may stay missing for good', () => {
    const result = parse({ paymentTermDays: '14', legalName: '  ', vatNumber: '' });
    expect(result).toEqual({
      ok: true,
      data: {
        legalName: null,
        streetAddress: null,
        postalCode: null,
        city: null,
        businessId: null,
        vatNumber: null,
        iban: null,
        paymentTermDays: 14,
      },
    });
  });

  it('ties each wrong value to its field', () => {
    expect(
      errorsOf({
        ...complete,
        postalCode: '3310',
        businessId: '0112038-8',
        vatNumber: 'FI0112038',
        iban: 'FI90 8000 2627 7613 49',
      }),
    ).toEqual({
      postalCode: ['form.invalidPostalCode'],
      businessId: ['billing.details.invalidBusinessId'],
      vatNumber: ['billing.details.invalidVatNumber'],
      iban: ['billing.details.invalidIban'],
    });
  });

  it('refuses an IBAN that is valid but not Finnish: no barcode could carry it', () => {
    expect(errorsOf({ ...complete, iban: 'SE45 5000 0000 0583 9825 7466' })).toEqual({
      iban: ['billing.details.invalidIban'],
    });
  });

  it('refuses a VAT number that is not the business ID’s own', () => {
    // Both valid, but of two different companies (Nokia's and Kesko's).
    expect(errorsOf({ ...complete, vatNumber: 'FI01098628' })).toEqual({
      vatNumber: ['billing.details.vatNumberMismatch'],
    });
  });

  it('needs a payment term of 0–90 whole days', () => {
    expect(errorsOf({ ...complete, paymentTermDays: '' })).toEqual({
      paymentTermDays: ['form.required'],
    });
    const withoutTerm = Object.entries(complete).filter(([name]) => name !== 'paymentTermDays');
    expect(errorsOf(Object.fromEntries(withoutTerm))).toEqual({
      paymentTermDays: ['form.required'],
    });
    for (const bad of ['91', '-1', '14,5', 'neljätoista', '1000']) {
      expect(errorsOf({ ...complete, paymentTermDays: bad }), bad).toEqual({
        paymentTermDays: ['billing.details.paymentTermRange'],
      });
    }
    expect(parse({ ...complete, paymentTermDays: '0' }).ok).toBe(true);
    expect(parse({ ...complete, paymentTermDays: '90' }).ok).toBe(true);
  });

  it('keeps what was typed when it fails, so the form comes back as it was', () => {
    const result = parse({ ...complete, iban: 'FI00 1234' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.values).toEqual({ ...complete, iban: 'FI00 1234' });
  });
});
