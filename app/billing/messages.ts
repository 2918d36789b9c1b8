/** Messages of the billing area, merged into the catalogues in app/i18n. */
export const fi = {
  'billing.details.settingsLink': 'Laskutustiedot',
  'billing.details.title': 'Laskutustiedot',
  'billing.details.lead':
    'Nämä tiedot tulostuvat jokaiseen laskuun, ja laskut maksetaan tälle tilille. Voit tallentaa tiedot vähitellen, mutta laskutusta ei voi aloittaa, ennen kuin kaikki ALV-tunnistetta lukuun ottamatta on annettu.',
  'billing.details.seller': 'Laskuttaja',
  'billing.details.payment': 'Maksaminen',
  'billing.details.legalName': 'Virallinen nimi',
  'billing.details.legalNameHint':
    'Yrityksen tai toiminimen nimi kaupparekisterissä, esimerkiksi Työnohjaus Virtanen Oy.',
  'billing.details.streetAddress': 'Katuosoite',
  'billing.details.postalCode': 'Postinumero',
  'billing.details.city': 'Postitoimipaikka',
  'billing.details.businessId': 'Y-tunnus',
  'billing.details.businessIdHint': 'Muodossa 1234567-8.',
  'billing.details.vatNumber': 'ALV-tunniste',
  'billing.details.vatNumberHint':
    'FI ja Y-tunnuksen numerot ilman väliviivaa, esimerkiksi FI12345678. Jätä tyhjäksi, jos yrityksesi ei ole arvonlisäverovelvollinen (vähäinen toiminta): silloin kaikki laskut ovat arvonlisäverottomia.',
  'billing.details.iban': 'IBAN-tilinumero',
  'billing.details.ibanHint':
    'Suomalainen tilinumero, esimerkiksi FI12 3456 7890 1234 56. Se tulostuu laskuun viitenumeron kanssa ja virtuaaliviivakoodiin.',
  'billing.details.paymentTermDays': 'Maksuehto (päivää netto)',
  'billing.details.paymentTermDaysHint':
    'Päiviä laskun päiväyksestä eräpäivään, 0–90. Tavallisin maksuehto on 14 päivää netto.',
  'billing.details.submit': 'Tallenna laskutustiedot',
  'billing.details.saved': 'Laskutustiedot tallennettu.',
  'billing.details.complete': 'Laskutustiedot ovat valmiit laskutusta varten.',
  'billing.details.missing': 'Laskutusta ei voi vielä aloittaa. Puuttuu:',
  'billing.details.noVatNumber':
    'ALV-tunnistetta ei ole annettu: laskut tehdään ilman arvonlisäveroa, ja jokaisessa laskussa on mainittava verottomuuden peruste.',
  'billing.details.invalidBusinessId':
    'Tarkista Y-tunnus: muoto on 1234567-8, ja viimeinen numero on tarkiste.',
  'billing.details.invalidVatNumber':
    'Tarkista ALV-tunniste: muoto on FI12345678, ja viimeinen numero on tarkiste.',
  'billing.details.vatNumberMismatch':
    'ALV-tunnisteessa on oltava samat numerot kuin Y-tunnuksessa (Y-tunnus 1234567-8 → ALV-tunniste FI12345678).',
  'billing.details.invalidIban':
    'Tarkista IBAN-tilinumero. Vain suomalaiset, FI-alkuiset tilinumerot käyvät, koska virtuaaliviivakoodi tehdään vain niille.',
  'billing.details.paymentTermRange': 'Maksuehto on 0–90 päivää.',
  'billing.details.incomplete':
    'Laskutustiedot ovat puutteelliset. Täydennä ne asetuksissa ennen laskutusta.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'billing.details.settingsLink': 'Invoicing details',
  'billing.details.title': 'Invoicing details',
  'billing.details.lead':
    'These details are printed on every invoice, and invoices are paid to this account. You can save them bit by bit, but invoicing cannot start until everything except the VAT number has been given.',
  'billing.details.seller': 'Seller',
  'billing.details.payment': 'Payment',
  'billing.details.legalName': 'Registered name',
  'billing.details.legalNameHint':
    'The name of the company or sole trader in the Trade Register, for example Työnohjaus Virtanen Oy.',
  'billing.details.streetAddress': 'Street address',
  'billing.details.postalCode': 'Postal code',
  'billing.details.city': 'City',
  'billing.details.businessId': 'Business ID (Y-tunnus)',
  'billing.details.businessIdHint': 'In the form 1234567-8.',
  'billing.details.vatNumber': 'VAT number',
  'billing.details.vatNumberHint':
    'FI and the digits of the business ID without the hyphen, for example FI12345678. Leave it empty if your business is not registered for VAT (small business): then every invoice is without VAT.',
  'billing.details.iban': 'IBAN account number',
  'billing.details.ibanHint':
    'A Finnish account number, for example FI12 3456 7890 1234 56. It is printed on the invoice with the reference number and in the virtual barcode.',
  'billing.details.paymentTermDays': 'Payment term (days net)',
  'billing.details.paymentTermDaysHint':
    'Days from the invoice date to the due date, 0–90. The usual term is 14 days net.',
  'billing.details.submit': 'Save invoicing details',
  'billing.details.saved': 'Invoicing details saved.',
  'billing.details.complete': 'The invoicing details are ready for invoicing.',
  'billing.details.missing': 'Invoicing cannot start yet. Missing:',
  'billing.details.noVatNumber':
    'No VAT number has been given: invoices are made without VAT, and each one must state the reason for the exemption.',
  'billing.details.invalidBusinessId':
    'Check the business ID: the form is 1234567-8, and the last digit is a check digit.',
  'billing.details.invalidVatNumber':
    'Check the VAT number: the form is FI12345678, and the last digit is a check digit.',
  'billing.details.vatNumberMismatch':
    'The VAT number must have the same digits as the business ID (business ID 1234567-8 → VAT number FI12345678).',
  'billing.details.invalidIban':
    'Check the IBAN. Only Finnish account numbers (starting with FI) are accepted, as the virtual barcode exists only for them.',
  'billing.details.paymentTermRange': 'The payment term is 0–90 days.',
  'billing.details.incomplete':
    'The invoicing details are incomplete. Complete them in the settings before invoicing.',
};
