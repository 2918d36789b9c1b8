/** Messages of credit notes: issuing one for a paid invoice, and reading it. */
export const fi = {
  'creditNote.title': 'Hyvityslasku {number}',
  'creditNote.newTitle': 'Hyvitä lasku {number}',
  'creditNote.lead':
    'Maksettua laskua ei muuteta: virhe korjataan hyvityslaskulla, joka saa oman numeronsa ja viittaa tähän laskuun. Hyvitettyjen istuntojen toteuman voi sen jälkeen korjata ja ne voi laskuttaa uudelleen.',
  'creditNote.settlement':
    'Stripeen hyvitys kirjataan palautetuksi Stripen ulkopuolella: palauta rahat maksajalle tilisiirtona tai vähennä ne seuraavasta laskusta.',
  'creditNote.linesLegend': 'Hyvitettävät rivit',
  'creditNote.lineLabel': '{date} {description}, {amount} + ALV {vat}',
  'creditNote.reason': 'Hyvityksen syy',
  'creditNote.reasonHint':
    'Tulostuu hyvityslaskulle, esimerkiksi ”Istunto laskutettiin kahdesti”. Enintään 500 merkkiä.',
  'creditNote.submit': 'Laadi hyvityslasku',
  'creditNote.start': 'Hyvitä laskua',
  'creditNote.startLead':
    'Jos maksetussa laskussa on virhe, laadi hyvityslasku koko laskusta tai sen riveistä.',
  'creditNote.cancel': 'Takaisin laskuun',
  'creditNote.nothingLeft': 'Laskun kaikki rivit on jo hyvitetty.',
  'creditNote.corrects': 'Hyvittää laskun {number}',
  'creditNote.notesHeading': 'Hyvityslaskut',
  'creditNote.noteRow': 'Hyvityslasku {number}, {date}: {amount}',
  'creditNote.reasonShown': 'Hyvityksen syy: {reason}',
  'creditNote.done': 'Hyvityslasku on laadittu ja lähetetty Stripeen.',
  'creditNote.totalCredited': 'Hyvitys yhteensä',
  'creditNote.error.reason': 'Kirjoita hyvityksen syy (enintään 500 merkkiä).',
  'creditNote.error.noLines': 'Valitse vähintään yksi hyvitettävä rivi.',
  'creditNote.error.notPaid': 'Vain maksetun laskun voi hyvittää. Avoimen laskun voi mitätöidä.',
  'creditNote.error.lineNotCreditable':
    'Jokin valituista riveistä on jo hyvitetty. Lataa sivu uudelleen ja valitse uudestaan.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'creditNote.title': 'Credit note {number}',
  'creditNote.newTitle': 'Credit invoice {number}',
  'creditNote.lead':
    'A paid invoice is never changed: a mistake is corrected by a credit note, which gets its own number and names this invoice. The credited sessions’ outcomes can then be corrected and the sessions invoiced again.',
  'creditNote.settlement':
    'Stripe records the credit as settled outside Stripe: return the money to the payer by bank transfer or deduct it from the next invoice.',
  'creditNote.linesLegend': 'Lines to credit',
  'creditNote.lineLabel': '{date} {description}, {amount} + VAT {vat}',
  'creditNote.reason': 'Reason for the credit',
  'creditNote.reasonHint':
    'Printed on the credit note, for example “The session was invoiced twice”. At most 500 characters.',
  'creditNote.submit': 'Issue the credit note',
  'creditNote.start': 'Credit this invoice',
  'creditNote.startLead':
    'If a paid invoice is wrong, issue a credit note for the whole invoice or some of its lines.',
  'creditNote.cancel': 'Back to the invoice',
  'creditNote.nothingLeft': 'Every line of this invoice has been credited.',
  'creditNote.corrects': 'Credits invoice {number}',
  'creditNote.notesHeading': 'Credit notes',
  'creditNote.noteRow': 'Credit note {number}, {date}: {amount}',
  'creditNote.reasonShown': 'Reason: {reason}',
  'creditNote.done': 'The credit note was issued and sent to Stripe.',
  'creditNote.totalCredited': 'Total credited',
  'creditNote.error.reason': 'Write the reason for the credit (at most 500 characters).',
  'creditNote.error.noLines': 'Choose at least one line to credit.',
  'creditNote.error.notPaid': 'Only a paid invoice can be credited. An open invoice can be voided.',
  'creditNote.error.lineNotCreditable':
    'One of the chosen lines has already been credited. Reload the page and choose again.',
};
