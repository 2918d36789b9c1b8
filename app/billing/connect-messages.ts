/** Messages of the billing page and the Stripe connection, merged into the catalogues in app/i18n. */
export const fi = {
  'billing.page.lead':
    'Laskut lähtevät vastaanoton omalta Stripe-tililtä, ja maksut tulevat suoraan sille. Tällä sivulla yhdistät tilin ja näet, mitä laskutus vielä tarvitsee.',

  'billing.setup.heading': 'Stripeä ei ole otettu käyttöön',
  'billing.setup.lead':
    'Ohjaamo ei vielä tunne Stripen avaimia, joten laskutus on pois päältä. Ylläpitäjä ottaa sen käyttöön asettamalla palvelimelle kaksi ympäristömuuttujaa ja käynnistämällä Ohjaamon uudelleen:',
  'billing.setup.secretKey':
    'STRIPE_SECRET_KEY – alustan salainen avain Stripen hallintapaneelista (Developers → API keys; alkaa sk_).',
  'billing.setup.webhookSecret':
    'STRIPE_WEBHOOK_SECRET – webhook-osoitteen allekirjoitusavain (alkaa whsec_). Osoite on tämän palvelun /webhooks/stripe.',
  'billing.setup.development':
    'Kehityksessä ja testauksessa Stripen tilalla voi käyttää paikallista korviketta: aseta lisäksi STRIPE_API_BASE=http://127.0.0.1:12111 ja käynnistä korvike komennolla npm run stripe:dev sovelluksen rinnalle. Avaimiksi käyvät silloin mitkä tahansa arvot, kunhan korvike saa samat.',

  'billing.readiness.heading': 'Laskutustiedot',
  'billing.readiness.missing': 'Laskuihin tarvitaan vielä seuraavat tiedot:',
  'billing.readiness.complete': 'Laskutustiedot ovat valmiit.',
  'billing.readiness.edit': 'Täydennä laskutustietoja',
  'billing.readiness.view': 'Katso laskutustiedot',

  'billing.connect.heading': 'Stripe-tili',
  'billing.connect.notConnectedLead':
    'Yhdistä vastaanotollesi oma Stripe-tili. Stripe kysyy omilla sivuillaan yrityksesi tiedot ja tilin, jolle maksut tilitetään; sen jälkeen palaat tänne. Tilillä on oma Stripe-hallintapaneelinsa.',
  'billing.connect.start': 'Yhdistä Stripe-tili',
  'billing.connect.account': 'Tili',
  'billing.connect.detailsSubmitted': 'Tiedot annettu Stripelle',
  'billing.connect.detailsNotSubmitted': 'Tietoja ei ole vielä annettu Stripelle',
  'billing.connect.chargesEnabled': 'Maksut käytössä',
  'billing.connect.chargesDisabled': 'Maksut eivät ole vielä käytössä',
  'billing.connect.payoutsEnabled': 'Tilitykset pankkitilille käytössä',
  'billing.connect.payoutsDisabled': 'Tilitykset pankkitilille eivät ole vielä käytössä',
  'billing.connect.requirementsDue': 'Stripe pyytää vielä:',
  'billing.requirement.businessProfile': 'yrityksen julkiset tiedot (esimerkiksi verkkosivu)',
  'billing.requirement.company': 'yrityksen tiedot',
  'billing.requirement.individual': 'henkilötietosi',
  'billing.requirement.people': 'yrityksen edustajan tai omistajien tiedot',
  'billing.requirement.bankAccount': 'pankkitili, jolle maksut tilitetään',
  'billing.requirement.terms': 'Stripen käyttöehtojen hyväksyminen',
  'billing.connect.ready': 'Tili on valmis laskutukseen.',
  'billing.connect.continue': 'Jatka Stripessä',
  'billing.connect.disconnect': 'Katkaise yhteys',
  'billing.connect.disconnectQuestion': 'Katkaistaanko yhteys Stripe-tiliin?',
  'billing.connect.disconnectExplain':
    'Uusia laskuja ei tehdä ennen kuin yhdistät tilin uudelleen. Jo lähetetyt laskut säilyvät sekä täällä että Stripessä, ja tili itse jää sinulle.',
  'billing.connect.disconnectConfirm': 'Kyllä, katkaise yhteys',
  'billing.connect.disconnectCancel': 'Peruuta',
  'billing.connect.disconnected': 'Laskutus on pysäytetty; aiemmat laskut säilyvät.',
  'billing.connect.reconnectLead': 'Voit yhdistää saman Stripe-tilin uudelleen milloin tahansa.',
  'billing.connect.reconnect': 'Yhdistä Stripe-tili uudelleen',
  'billing.connect.returned': 'Tervetuloa takaisin Stripestä. Tilin tila on päivitetty.',
  'billing.connect.disconnectedNotice': 'Yhteys Stripe-tiliin on katkaistu.',
  'billing.connect.notConnected': 'Stripe-tiliä ei ole yhdistetty. Yhdistä tili ensin.',
  'billing.connect.notConfigured':
    'Stripeä ei ole otettu käyttöön tällä palvelimella, joten tiliä ei voi yhdistää.',
  'billing.connect.stripeFailed':
    'Stripe ei vastannut niin kuin piti. Mitään ei muutettu; yritä hetken kuluttua uudelleen.',
  'billing.connect.confirmRequired': 'Vahvista yhteyden katkaisu.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'billing.page.lead':
    "Invoices are sent from the practice's own Stripe account, and payments go straight to it. Here you connect the account and see what invoicing still needs.",

  'billing.setup.heading': 'Stripe is not set up',
  'billing.setup.lead':
    'Ohjaamo does not know any Stripe keys yet, so billing is off. The administrator turns it on by setting two environment variables on the server and restarting Ohjaamo:',
  'billing.setup.secretKey':
    "STRIPE_SECRET_KEY – the platform's secret key from the Stripe Dashboard (Developers → API keys; it starts with sk_).",
  'billing.setup.webhookSecret':
    "STRIPE_WEBHOOK_SECRET – the signing secret of the webhook endpoint (it starts with whsec_). The endpoint is this service's /webhooks/stripe.",
  'billing.setup.development':
    'For development and testing, a local stand-in can take the place of Stripe: also set STRIPE_API_BASE=http://127.0.0.1:12111 and start the stand-in with npm run stripe:dev beside the app. Any key values will do then, as long as the stand-in gets the same ones.',

  'billing.readiness.heading': 'Invoicing details',
  'billing.readiness.missing': 'Invoices still need the following details:',
  'billing.readiness.complete': 'The invoicing details are complete.',
  'billing.readiness.edit': 'Complete the invoicing details',
  'billing.readiness.view': 'See the invoicing details',

  'billing.connect.heading': 'Stripe account',
  'billing.connect.notConnectedLead':
    "Connect your practice's own Stripe account. Stripe asks for your business details and the bank account for payouts on its own pages; then you come back here. The account has its own Stripe Dashboard.",
  'billing.connect.start': 'Connect Stripe',
  'billing.connect.account': 'Account',
  'billing.connect.detailsSubmitted': 'Details submitted to Stripe',
  'billing.connect.detailsNotSubmitted': 'Details not yet submitted to Stripe',
  'billing.connect.chargesEnabled': 'Payments enabled',
  'billing.connect.chargesDisabled': 'Payments not enabled yet',
  'billing.connect.payoutsEnabled': 'Payouts to the bank account enabled',
  'billing.connect.payoutsDisabled': 'Payouts to the bank account not enabled yet',
  'billing.connect.requirementsDue': 'Stripe still asks for:',
  'billing.requirement.businessProfile': "the business's public details (such as its website)",
  'billing.requirement.company': "the company's details",
  'billing.requirement.individual': 'your personal details',
  'billing.requirement.people': "details of the company's representative or owners",
  'billing.requirement.bankAccount': 'the bank account payouts go to',
  'billing.requirement.terms': "accepting Stripe's terms of service",
  'billing.connect.ready': 'The account is ready for invoicing.',
  'billing.connect.continue': 'Continue at Stripe',
  'billing.connect.disconnect': 'Disconnect',
  'billing.connect.disconnectQuestion': 'Disconnect the Stripe account?',
  'billing.connect.disconnectExplain':
    'No new invoices are made until you connect the account again. Invoices already sent are kept, here and at Stripe, and the account itself stays yours.',
  'billing.connect.disconnectConfirm': 'Yes, disconnect',
  'billing.connect.disconnectCancel': 'Cancel',
  'billing.connect.disconnected': 'Invoicing is stopped; earlier invoices are kept.',
  'billing.connect.reconnectLead': 'You can connect the same Stripe account again at any time.',
  'billing.connect.reconnect': 'Connect Stripe again',
  'billing.connect.returned': "Welcome back from Stripe. The account's state has been updated.",
  'billing.connect.disconnectedNotice': 'The Stripe account has been disconnected.',
  'billing.connect.notConnected': 'No Stripe account is connected. Connect one first.',
  'billing.connect.notConfigured':
    'Stripe is not set up on this server, so no account can be connected.',
  'billing.connect.stripeFailed':
    'Stripe did not answer as expected. Nothing was changed; please try again in a moment.',
  'billing.connect.confirmRequired': 'Confirm the disconnection.',
};
