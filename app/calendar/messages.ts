/** Messages of the feeds area, merged into the catalogues in app/i18n. */
export const fi = {
  'feeds.settingsLink': 'Kalenteritilaus',
  'feeds.title': 'Kalenteritilaus',
  'feeds.lead':
    'Tilausosoitteella näet työnohjausistuntosi omassa kalenterissasi. Kalenteri hakee ajat Ohjaamosta itse ja päivittää ne, kun istuntoja varataan, siirretään tai perutaan.',
  'feeds.readOnly':
    'Tilaus on vain luettava: istunnot varataan ja niitä muutetaan edelleen Ohjaamossa. Mukana ovat istunnot kahden kuukauden takaa runsaan vuoden päähän.',
  'feeds.privacy':
    'Oletuksena tapahtumissa näkyy vain sopimuksen tunnus, esimerkiksi ”Työnohjaus TO-2026-001”: ei nimiä, ei organisaatioita, ei tapaamispaikkaa eikä muistiinpanoja.',
  'feeds.howTo': 'Näin lisäät osoitteen kalenteriisi',
  'feeds.howTo.outlook':
    'Outlook: valitse kalenterinäkymässä Lisää kalenteri → Tilaa verkosta, liitä osoite ja tallenna.',
  'feeds.howTo.google':
    'Google-kalenteri: valitse vasemmalta Muut kalenterit → + → URL-osoitteen perusteella ja liitä osoite.',
  'feeds.howTo.apple':
    'Applen Kalenteri: valitse Macilla Arkisto → Uusi kalenteritilaus tai iPhonessa Asetukset → Kalenteri → Tilit → Lisää tili → Muu → Lisää tilattu kalenteri, ja liitä osoite.',
  'feeds.howTo.delay':
    'Kalenterit päivittävät tilauksia omaan tahtiinsa; erityisesti Google-kalenterissa muutos voi näkyä vasta tuntien kuluttua.',
  'feeds.status': 'Tilausosoitteesi',
  'feeds.none': 'Sinulla ei ole voimassa olevaa tilausosoitetta.',
  'feeds.active': 'Tilausosoite on käytössä. Se luotiin {date}.',
  'feeds.create': 'Luo tilausosoite',
  'feeds.recreate': 'Luo uusi osoite',
  'feeds.recreateHint':
    'Uuden osoitteen luominen poistaa vanhan käytöstä: vanha osoite lakkaa toimimasta, ja se pitää vaihtaa kalentereihin, joissa sitä käytetään.',
  'feeds.created': 'Tilausosoite luotu.',
  'feeds.url': 'Tilausosoite',
  'feeds.urlOnce':
    'Kopioi osoite nyt: se näytetään vain tämän kerran. Kuka tahansa, jolla osoite on, näkee istuntojesi ajat, joten älä jaa sitä.',
  'feeds.names': 'Nimet ja paikat kalenterissa',
  'feeds.showNames': 'Näytä työnohjattavien nimet ja tapaamispaikat kalenterissa',
  'feeds.showNamesHint':
    'Yksi valinta kattaa molemmat, koska paikka kertoo usein työnohjattavan työpaikan yhtä selvästi kuin nimi. Kun valinta on pois päältä, tapahtumassa ei ole paikkaa eikä nimiä.',
  'feeds.showNamesWarning':
    'Suosittelemme pitämään tämän pois päältä. Kalenterit kopioituvat puhelimiin, työnantajan palvelimille ja muiden nähtäville jaettuihin näkymiin; ilman nimiä vuotanut tai näkyviin jäänyt kalenteri ei kerro, keitä ohjaat.',
  'feeds.saveNames': 'Tallenna',
  'feeds.namesSaved': 'Asetus tallennettu.',
  'feeds.revoke': 'Poista osoite käytöstä',
  'feeds.revokeHint':
    'Osoite lakkaa toimimasta heti. Kalenterit, joihin se on lisätty, eivät enää saa päivityksiä; poista tilaus myös niistä, jotta vanhat tiedot katoavat.',
  'feeds.revoked': 'Tilausosoite poistettu käytöstä.',
  'feeds.noFeed': 'Sinulla ei ole voimassa olevaa tilausosoitetta.',
  'feeds.ics.calendarName': 'Ohjaamo – {practice}',
  'feeds.ics.summary': 'Työnohjaus {code}',
  'feeds.ics.summaryNames': 'Työnohjaus: {names}',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'feeds.settingsLink': 'Calendar subscription',
  'feeds.title': 'Calendar subscription',
  'feeds.lead':
    'With a subscription address you see your supervision sessions in your own calendar. The calendar fetches the times from Ohjaamo itself and updates them when sessions are booked, moved or cancelled.',
  'feeds.readOnly':
    'The subscription is read-only: you still book and change sessions in Ohjaamo. It covers sessions from two months back to a little over a year ahead.',
  'feeds.privacy':
    'By default an event shows only the contract code, for example "Supervision TO-2026-001": no names, no organisations, no meeting place and no notes.',
  'feeds.howTo': 'How to add the address to your calendar',
  'feeds.howTo.outlook':
    'Outlook: in the calendar view choose Add calendar → Subscribe from web, paste the address and save.',
  'feeds.howTo.google':
    'Google Calendar: on the left choose Other calendars → + → From URL and paste the address.',
  'feeds.howTo.apple':
    'Apple Calendar: on a Mac choose File → New Calendar Subscription, or on an iPhone Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the address.',
  'feeds.howTo.delay':
    'Calendars refresh subscriptions on their own schedule; Google Calendar in particular may show a change only hours later.',
  'feeds.status': 'Your subscription address',
  'feeds.none': 'You have no subscription address in use.',
  'feeds.active': 'A subscription address is in use. It was created on {date}.',
  'feeds.create': 'Create a subscription address',
  'feeds.recreate': 'Create a new address',
  'feeds.recreateHint':
    'Creating a new address disables the old one: the old address stops working and must be replaced in the calendars that use it.',
  'feeds.created': 'Subscription address created.',
  'feeds.url': 'Subscription address',
  'feeds.urlOnce':
    'Copy the address now: it is shown only this once. Anyone who has it sees the times of your sessions, so do not share it.',
  'feeds.names': 'Names and places in the calendar',
  'feeds.showNames': "Show supervisees' names and meeting places in the calendar",
  'feeds.showNamesHint':
    "One switch covers both, because a meeting place often reveals the supervisee's workplace as clearly as a name does. While it is off, events carry neither a place nor names.",
  'feeds.showNamesWarning':
    "We recommend keeping this off. Calendars get copied to phones, to employers' servers and into views shared with others; without names, a leaked or visible calendar does not reveal whom you supervise.",
  'feeds.saveNames': 'Save',
  'feeds.namesSaved': 'Setting saved.',
  'feeds.revoke': 'Disable the address',
  'feeds.revokeHint':
    'The address stops working at once. Calendars that use it get no more updates; remove the subscription from them too so the old entries disappear.',
  'feeds.revoked': 'Subscription address disabled.',
  'feeds.noFeed': 'You have no subscription address in use.',
  'feeds.ics.calendarName': 'Ohjaamo – {practice}',
  'feeds.ics.summary': 'Supervision {code}',
  'feeds.ics.summaryNames': 'Supervision: {names}',
};
