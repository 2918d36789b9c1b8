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
  'invoiceRun.leftOut.completeAddress': 'täydennä osoite',
  'invoiceRun.error.nothingToInvoice': 'Kaudella ei ole laskutettavaa.',
  'invoiceRun.error.notConnected':
    'Yhdistä vastaanoton Stripe-tili ja viimeistele sen käyttöönotto ennen laskutusta.',
  'invoiceRun.error.vatNumberMissing':
    'Laskuilla on arvonlisäverollisia rivejä, mutta vastaanoton ALV-tunniste puuttuu laskutustiedoista.',
  'invoiceRun.error.period': 'Kauden alku ei voi olla sen lopun jälkeen.',

  'invoiceRun.title': 'Laskutusajo',
  'invoiceRun.lead':
    'Valitse kuukausi, tarkista laskut maksajittain ja luo ne. Sama istunto laskutetaan vain kerran.',
  'invoiceRun.month': 'Kuukausi',
  'invoiceRun.monthHint': 'Muodossa vvvv-kk, esimerkiksi 2027-03.',
  'invoiceRun.show': 'Näytä',
  'invoiceRun.payersHeading': 'Laskut maksajittain',
  'invoiceRun.exemptRate': 'veroton',
  'invoiceRun.vatGroup': 'ALV {rate} %: veron peruste {base}, vero {vat}',
  'invoiceRun.exemptGroup': 'Arvonlisäveroton {base} ({reasons})',
  'invoiceRun.payerTotals': 'Veroton {subtotal} + ALV {vat} = {total}',
  'invoiceRun.grandTotal':
    'Kaikki laskut yhteensä: veroton {subtotal}, ALV {vat}, yhteensä {total}.',
  'invoiceRun.leftOutHeading': 'Jää tästä ajosta pois',
  'invoiceRun.leftOutSession': 'Istunto {date}, sopimus {code}',
  'invoiceRun.confirmHeading': 'Laskujen luominen',
  'invoiceRun.confirmLead':
    'Laskut saavat juoksevat numerot ja viitenumerot, ja ne lähetetään maksajille Stripen kautta. Virheellisen laskun voi korjata hyvityslaskulla.',
  'invoiceRun.confirm': 'Luo laskut',
  'invoiceRun.created': 'Laskuja luotu: {count}.',
  'invoiceRun.resume': 'Lähetä uudelleen',
  'invoiceRun.notSent':
    '{count, plural, one {Yksi laskuista ei vielä mennyt Stripeen. Se on tallessa ja lähtee, kun lähetys yritetään uudelleen.} other {Laskuista # ei vielä mennyt Stripeen. Ne ovat tallessa ja lähtevät, kun lähetys yritetään uudelleen.}}',
  'invoiceRun.fixDetails': 'Täydennä laskutustiedot',
  'invoiceRun.connect': 'Yhdistä Stripe-tili laskutussivulla',
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
  'invoiceRun.leftOut.completeAddress': 'complete the address',
  'invoiceRun.error.nothingToInvoice': 'There is nothing to invoice in this period.',
  'invoiceRun.error.notConnected':
    'Connect the practice’s Stripe account and finish its onboarding before invoicing.',
  'invoiceRun.error.vatNumberMissing':
    'The invoices have taxable lines, but the practice’s VAT number is missing from its invoicing details.',
  'invoiceRun.error.period': 'The period cannot start after it ends.',

  'invoiceRun.title': 'Invoice run',
  'invoiceRun.lead':
    'Choose a month, check the invoices per payer and create them. A session is invoiced once only.',
  'invoiceRun.month': 'Month',
  'invoiceRun.monthHint': 'As yyyy-mm, for example 2027-03.',
  'invoiceRun.show': 'Show',
  'invoiceRun.payersHeading': 'Invoices per payer',
  'invoiceRun.exemptRate': 'exempt',
  'invoiceRun.vatGroup': 'VAT {rate} %: taxable amount {base}, tax {vat}',
  'invoiceRun.exemptGroup': 'Exempt from VAT {base} ({reasons})',
  'invoiceRun.payerTotals': 'Net {subtotal} + VAT {vat} = {total}',
  'invoiceRun.grandTotal': 'All invoices together: net {subtotal}, VAT {vat}, total {total}.',
  'invoiceRun.leftOutHeading': 'Left out of this run',
  'invoiceRun.leftOutSession': 'Session {date}, contract {code}',
  'invoiceRun.confirmHeading': 'Creating the invoices',
  'invoiceRun.confirmLead':
    'The invoices get sequential numbers and reference numbers and are sent to the payers through Stripe. A wrong invoice is corrected with a credit note.',
  'invoiceRun.confirm': 'Create the invoices',
  'invoiceRun.created': 'Invoices created: {count}.',
  'invoiceRun.resume': 'Send again',
  'invoiceRun.notSent':
    '{count, plural, one {One of the invoices did not reach Stripe yet. It is kept and goes out when sending is tried again.} other {# of the invoices did not reach Stripe yet. They are kept and go out when sending is tried again.}}',
  'invoiceRun.fixDetails': 'Complete the invoicing details',
  'invoiceRun.connect': 'Connect a Stripe account on the billing page',
};
