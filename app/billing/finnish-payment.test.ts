import fc from 'fast-check';
import bankUtils from 'finnish-bank-utils';
import { describe, expect, it } from 'vitest';

import {
  formatIban,
  formatReference,
  invoiceReferenceNumber,
  isValidReferenceNumber,
  isValidRfReference,
  MAX_BARCODE_CENTS,
  normaliseIban,
  referenceNumber,
  rfReference,
  virtualBarcode,
} from './finnish-payment';

/**
 * Published examples. The reference numbers and IBANs are those in finnish-bank-utils' test
 * suite (real account numbers of Finnish banks, and references from bank examples); the
 * barcodes are the worked examples of Finance Finland's bank barcode guide
 * (Pankkiviivakoodi-opas), which that suite also reproduces.
 */
const VALID_REFERENCES = [
  '1234561',
  '1511890656',
  '559582243294671',
  '3222190631525115',
  '1231180652526617',
  '01030100067175800018',
  '3004101416423555',
  '77584747906474893225',
];
const VALID_RF = [
  ['1234561', 'RF341234561'],
  ['1511890656', 'RF601511890656'],
  ['01030100067175800018', 'RF031030100067175800018'],
  ['77584747906474893225', 'RF7677584747906474893225'],
] as const;
const VALID_IBANS = [
  'FI9080002627761348',
  'FI2680003710241081',
  'FI3039390038674263',
  'FI7118203000008391',
  'FI5415713000030016',
  'FI0218803500006967',
];
const GUIDE_BARCODES = [
  {
    input: { iban: 'FI58 1017 1000 0001 22', cents: 48_299, reference: '55958 22432 94671' },
    dueDate: '2012-01-31',
    barcode: '458101710000001220004829900000000559582243294671120131',
  },
  {
    input: { iban: 'FI02 5000 4640 0013 02', cents: 69_380, reference: '69 87567 20834 35364' },
    dueDate: '2011-07-24',
    barcode: '402500046400013020006938000000069875672083435364110724',
  },
  {
    input: { iban: 'FI15 6601 0001 5306 41', cents: 744_454, reference: '7 75847 47906 47489' },
    dueDate: '2019-12-19',
    barcode: '415660100015306410074445400000007758474790647489191219',
  },
  {
    input: { iban: 'FI02 5000 4640 0013 02', cents: 69_380, reference: 'RF61 6987 5672 0839' },
    dueDate: '2011-07-24',
    barcode: '502500046400013020006938061000000000698756720839110724',
  },
  {
    input: {
      iban: 'FI16 8000 1400 0502 67',
      cents: 93_585,
      reference: 'RF60 7877 7679 6566 2868 7',
    },
    dueDate: null,
    barcode: '516800014000502670009358560000078777679656628687000000',
  },
  {
    input: {
      iban: 'FI15 6601 0001 5306 41',
      cents: 744_454,
      reference: 'RF84 7758 4747 9064 7489',
    },
    dueDate: '2019-12-19',
    barcode: '515660100015306410074445484000007758474790647489191219',
  },
] as const;

/** The same reference with its last digit changed: its check digit no longer fits. */
const wrongLastDigit = (reference: string) =>
  reference.slice(0, -1) + String((Number(reference.slice(-1)) + 1) % 10);

describe('viitenumero (7-3-1)', () => {
  it('makes the published references from their bases', () => {
    for (const reference of VALID_REFERENCES) {
      expect(referenceNumber(reference.slice(0, -1)), reference).toBe(reference.replace(/^0+/, ''));
    }
    expect(referenceNumber(123456)).toBe('1234561');
    expect(referenceNumber('12 3456')).toBe('1234561');
  });

  it('accepts the published references, refuses each with a wrong check digit', () => {
    for (const reference of VALID_REFERENCES) {
      expect(isValidReferenceNumber(reference), reference).toBe(true);
      expect(isValidReferenceNumber(wrongLastDigit(reference)), reference).toBe(false);
    }
    expect(isValidReferenceNumber('1 23118 06525 26617')).toBe(true);
  });

  it('refuses what is too short, too long or not digits', () => {
    // 13 is a base of one digit with its check digit: below the minimum of four, even
    // when written with zeros in front (they are not significant).
    for (const bad of [
      '13',
      '0013',
      '123',
      '123456789012345678901',
      '12345a1',
      '',
      'RF341234561',
    ]) {
      expect(isValidReferenceNumber(bad), bad).toBe(false);
    }
    expect(() => referenceNumber('12')).toThrow(RangeError);
    expect(() => referenceNumber('0012')).toThrow(RangeError);
    expect(() => referenceNumber('1'.repeat(20))).toThrow(RangeError);
    expect(() => referenceNumber('12a')).toThrow(RangeError);
    expect(() => referenceNumber(-123)).toThrow(RangeError);
  });

  it('gives every invoice number its own reference, the number readable inside it', () => {
    expect(invoiceReferenceNumber(1)).toBe('10016');
    expect(invoiceReferenceNumber(42)).toBe('10427');
    expect(invoiceReferenceNumber(1234)).toBe('112341');
    expect(() => invoiceReferenceNumber(0)).toThrow(RangeError);
    expect(() => invoiceReferenceNumber(1.5)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), (n) => {
        const reference = invoiceReferenceNumber(n);
        expect(isValidReferenceNumber(reference)).toBe(true);
        expect(reference.slice(1, -1)).toBe(String(n).padStart(3, '0'));
      }),
    );
    const seen = new Set<string>();
    for (let n = 1; n <= 20_000; n++) seen.add(invoiceReferenceNumber(n));
    expect(seen.size).toBe(20_000);
  });
});

describe('RF creditor reference (ISO 11649)', () => {
  it('makes the published RF form of a viitenumero', () => {
    for (const [national, rf] of VALID_RF) expect(rfReference(national)).toBe(rf);
    expect(rfReference('1 23456 1')).toBe('RF341234561');
    expect(() => rfReference('1234562')).toThrow(RangeError);
  });

  it('accepts the published RF references and refuses wrong check digits of either kind', () => {
    for (const [, rf] of VALID_RF) {
      expect(isValidRfReference(rf), rf).toBe(true);
      // The RF check digits wrong:
      const checkDigits = String((Number(rf.slice(2, 4)) + 1) % 100).padStart(2, '0');
      expect(isValidRfReference(`RF${checkDigits}${rf.slice(4)}`), rf).toBe(false);
    }
    expect(isValidRfReference('RF34 1234 561')).toBe(true);
    expect(isValidRfReference('rf341234561')).toBe(true);
    // The inner viitenumero's check digit wrong, the RF check digits made to fit it:
    const inner = wrongLastDigit('1234561');
    const remainder = BigInt(`${inner}271500`) % 97n;
    const forged = `RF${String(98n - remainder).padStart(2, '0')}${inner}`;
    expect(bankUtils.isValidFinnishRefNumber(forged)).toBe(false);
    expect(isValidRfReference(forged)).toBe(false);
    // A valid ISO 11649 reference with letters: no Finnish bank or barcode can carry it.
    expect(isValidRfReference('RF97C2H5OH')).toBe(false);
    expect(isValidRfReference('1234561')).toBe(false);
  });

  it('round-trips every generated reference through the library’s check', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{2,18}$/), (base) => {
        const rf = rfReference(referenceNumber(base));
        expect(isValidRfReference(rf)).toBe(true);
        expect(bankUtils.isValidFinnishRefNumber(rf)).toBe(true);
      }),
    );
  });
});

describe('printed forms', () => {
  it('groups national references by five from the right and RF references by four', () => {
    expect(formatReference('1231180652526617')).toBe('1 23118 06525 26617');
    expect(formatReference('1234561')).toBe('12 34561');
    expect(formatReference('01030100067175800018')).toBe('1030 10006 71758 00018');
    expect(formatReference('RF7677584747906474893225')).toBe('RF76 7758 4747 9064 7489 3225');
    expect(() => formatReference('1234562')).toThrow(RangeError);
  });

  it('stores an IBAN compact and prints it in groups of four', () => {
    for (const iban of VALID_IBANS) expect(normaliseIban(iban)).toBe(iban);
    expect(normaliseIban(' fi90 8000 2627 7613 48 ')).toBe('FI9080002627761348');
    expect(formatIban('FI9080002627761348')).toBe('FI90 8000 2627 7613 48');
  });

  it('refuses an IBAN with a wrong check digit, and any IBAN that is not Finnish', () => {
    expect(normaliseIban('FI9080002627761349')).toBeNull(); // account check digit
    expect(normaliseIban('FI9180002627761348')).toBeNull(); // IBAN check digits
    expect(normaliseIban('FI908000262776134')).toBeNull();
    // A valid Swedish IBAN: fine for SEPA, but no Finnish barcode can carry it.
    expect(normaliseIban('SE4550000000058398257466')).toBeNull();
    expect(normaliseIban('')).toBeNull();
  });
});

describe('virtual barcode', () => {
  it('reproduces the examples of the bank barcode guide, versions 4 and 5', () => {
    for (const { input, dueDate, barcode } of GUIDE_BARCODES) {
      const made = virtualBarcode({
        iban: input.iban,
        amountCents: input.cents,
        reference: input.reference,
        dueDate,
      });
      expect(made).toBe(barcode);
    }
  });

  const barcodeFor = (amountCents: number, dueDate: string | null = '2026-12-15') =>
    virtualBarcode({ iban: 'FI9080002627761348', amountCents, reference: '1234561', dueDate });
  // Version 4: the euros are characters 18–23, the cents 24–25.
  const amountField = (barcode: string) => barcode.slice(17, 25);

  it('writes cents without floating-point drift', () => {
    expect(amountField(barcodeFor(1))).toBe('00000001');
    expect(amountField(barcodeFor(29))).toBe('00000029');
    expect(amountField(barcodeFor(123_456))).toBe('00123456');
    expect(amountField(barcodeFor(MAX_BARCODE_CENTS))).toBe('99999999');
    expect(amountField(barcodeFor(0))).toBe('00000000');
    for (const cents of [1, 29, 57, 110, 115, 435, 820, 123_456, MAX_BARCODE_CENTS]) {
      expect(barcodeFor(cents)).toHaveLength(54);
    }
  });

  it('writes zeros for an amount over 999 999,99 € and for a date it cannot express', () => {
    expect(amountField(barcodeFor(MAX_BARCODE_CENTS + 1))).toBe('00000000');
    expect(barcodeFor(1_000, null).slice(-6)).toBe('000000');
    expect(barcodeFor(1_000, '2100-01-01').slice(-6)).toBe('000000');
    expect(barcodeFor(1_000, '1999-12-31').slice(-6)).toBe('000000');
    expect(barcodeFor(1_000, '2026-12-15').slice(-6)).toBe('261215');
  });

  it('refuses what cannot be paid: a bad IBAN, reference, amount or date', () => {
    const good = {
      iban: 'FI9080002627761348',
      amountCents: 100,
      reference: '1234561',
      dueDate: '2026-12-15',
    };
    expect(() => virtualBarcode({ ...good, iban: 'FI9080002627761349' })).toThrow(RangeError);
    expect(() => virtualBarcode({ ...good, reference: '1234562' })).toThrow(RangeError);
    expect(() => virtualBarcode({ ...good, reference: 'RF351234561' })).toThrow(RangeError);
    expect(() => virtualBarcode({ ...good, amountCents: -1 })).toThrow(RangeError);
    expect(() => virtualBarcode({ ...good, amountCents: 0.5 })).toThrow(RangeError);
    expect(() => virtualBarcode({ ...good, dueDate: '2026-02-30' })).toThrow(RangeError);
  });

  it('reads back, by the library’s parser, as exactly what went in', () => {
    const ibans = fc.constantFrom(...VALID_IBANS);
    const bases = fc.stringMatching(/^[1-9]\d{2,18}$/);
    const dates = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z') })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        ibans,
        fc.integer({ min: 0, max: MAX_BARCODE_CENTS }),
        bases,
        fc.boolean(),
        dates,
        (iban, amountCents, base, asRf, dueDate) => {
          const national = referenceNumber(base);
          const reference = asRf ? rfReference(national) : national;
          const barcode = virtualBarcode({ iban, amountCents, reference, dueDate });
          expect(barcode).toMatch(asRf ? /^5\d{53}$/ : /^4\d{53}$/);
          const parsed = bankUtils.parseFinnishVirtualBarCode(barcode);
          if (!parsed) throw new Error(`unreadable: ${barcode}`);
          expect(parsed.iban).toBe(formatIban(iban));
          expect(parsed.reference).toBe(formatReference(reference));
          expect(Math.round(parsed.sum * 100)).toBe(amountCents);
          const [year, month, day] = dueDate.split('-').map(Number);
          expect(parsed.date).toBe(`${day}.${month}.${year}`);
        },
      ),
    );
  });
});
