/** Messages of the practice profile, merged into the catalogues in app/i18n. */
export const fi = {
  'practice.profile.title': 'Vastaanoton tiedot',
  'practice.profile.lead':
    'Vastaanoton nimi näkyy valikossa, sähköposteissa ja työnohjattavien portaalissa. Yhteystiedoilla työnohjattavat tavoittavat vastaanoton portaalista.',
  'practice.profile.link': 'Vastaanoton nimi ja yhteystiedot',
  'practice.profile.name': 'Vastaanoton nimi',
  'practice.profile.nameHint':
    'Laskuissa käytetään laskutustietojen virallista nimeä, joka voi olla eri kuin tämä.',
  'practice.profile.contactEmail': 'Yhteydenottojen sähköposti',
  'practice.profile.contactPhone': 'Puhelinnumero',
  'practice.profile.contactHint': 'Näkyy työnohjattaville portaalissa. Voit jättää tyhjäksi.',
  'practice.profile.save': 'Tallenna vastaanoton tiedot',
  'practice.profile.saved': 'Vastaanoton tiedot tallennettu.',
  'practice.profile.invoicingLink': 'Laskutustiedot (Y-tunnus, osoite ja tilinumero)',
  'practice.contact.heading': 'Yhteystiedot: {practice}',
  'practice.contact.email': 'Sähköposti',
  'practice.contact.phone': 'Puhelin',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'practice.profile.title': 'Practice details',
  'practice.profile.lead':
    'The practice’s name appears in the menu, in emails and in the supervisees’ portal. With the contact details, supervisees can reach the practice from the portal.',
  'practice.profile.link': 'Practice name and contact details',
  'practice.profile.name': 'Practice name',
  'practice.profile.nameHint':
    'Invoices use the registered name from the invoicing details, which may differ from this.',
  'practice.profile.contactEmail': 'Email for enquiries',
  'practice.profile.contactPhone': 'Phone number',
  'practice.profile.contactHint': 'Shown to supervisees in the portal. You may leave it empty.',
  'practice.profile.save': 'Save practice details',
  'practice.profile.saved': 'Practice details saved.',
  'practice.profile.invoicingLink': 'Invoicing details (business ID, address and bank account)',
  'practice.contact.heading': 'Contact: {practice}',
  'practice.contact.email': 'Email',
  'practice.contact.phone': 'Phone',
};
