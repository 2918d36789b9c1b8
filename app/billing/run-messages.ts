/** Messages of the invoice run: its preview, and the text of invoice lines. */
export const fi = {
  // Invoice lines are written in Finnish whatever the owner's language: the invoice is.
  'invoiceLine.held': 'Työnohjaus {minutes} min {date}, sopimus {code}',
  'invoiceLine.lateCancelled': 'Myöhään peruttu työnohjaus {minutes} min {date}, sopimus {code}',
  'invoiceLine.noShow': 'Työnohjaus {minutes} min {date}, sopimus {code} (poissaolo)',
  'invoiceLine.exempt': '{line}. Arvonlisäveroton: {reason}',

  'invoiceRun.leftOut.noOutcome': 'Toteutuminen kirjaamatta',
  'invoiceRun.leftOut.waived': 'Maksu jätetty perimättä',
  'invoiceRun.leftOut.notCharged': 'Sopimuksen mukaan ei veloiteta',
  'invoiceRun.leftOut.alreadyInvoiced': 'Laskutettu jo',
  'invoiceRun.leftOut.payerUnclear': 'Maksajaa ei voi päätellä sopimuksesta',
  'invoiceRun.leftOut.missingVatReason': 'Sopimuksesta puuttuu arvonlisäverottomuuden peruste',
  'invoiceRun.leftOut.payerAddressMissing': 'Maksajan laskutusosoite puuttuu',
  'invoiceRun.error.nothingToInvoice': 'Kaudella ei ole laskutettavaa.',
  'invoiceRun.error.notConnected':
    'Yhdistä vastaanoton Stripe-tili ja viimeistele sen käyttöönotto ennen laskutusta.',
  'invoiceRun.error.vatNumberMissing':
    'Laskuilla on arvonlisäverollisia rivejä, mutta vastaanoton ALV-tunniste puuttuu laskutustiedoista.',
  'invoiceRun.error.period': 'Kauden alku ei voi olla sen lopun jälkeen.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'invoiceLine.held': 'Supervision {minutes} min {date}, contract {code}',
  'invoiceLine.lateCancelled': 'Late-cancelled supervision {minutes} min {date}, contract {code}',
  'invoiceLine.noShow': 'Supervision {minutes} min {date}, contract {code} (no-show)',
  'invoiceLine.exempt': '{line}. Exempt from VAT: {reason}',

  'invoiceRun.leftOut.noOutcome': 'Outcome not recorded',
  'invoiceRun.leftOut.waived': 'Charge waived',
  'invoiceRun.leftOut.notCharged': 'Not charged under the contract',
  'invoiceRun.leftOut.alreadyInvoiced': 'Already invoiced',
  'invoiceRun.leftOut.payerUnclear': 'The contract does not say who pays',
  'invoiceRun.leftOut.missingVatReason': 'The contract has no reason for the VAT exemption',
  'invoiceRun.leftOut.payerAddressMissing': 'The payer’s billing address is missing',
  'invoiceRun.error.nothingToInvoice': 'There is nothing to invoice in this period.',
  'invoiceRun.error.notConnected':
    'Connect the practice’s Stripe account and finish its onboarding before invoicing.',
  'invoiceRun.error.vatNumberMissing':
    'The invoices have taxable lines, but the practice’s VAT number is missing from its invoicing details.',
  'invoiceRun.error.period': 'The period cannot start after it ends.',
};
