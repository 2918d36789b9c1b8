import { fi as auth } from '~/auth/messages';
import { fi as twoFactor } from '~/auth/two-factor/messages';
import { fi as between } from '~/between-sessions/messages';
import { fi as billingConnect } from '~/billing/connect-messages';
import { fi as creditNotes } from '~/billing/credit-note-messages';
import { fi as invoices } from '~/billing/invoice-messages';
import { fi as billing } from '~/billing/messages';
import { fi as invoiceRun } from '~/billing/run-messages';
import { fi as feeds } from '~/calendar/messages';
import { fi as contracts } from '~/contracts/messages';
import { fi as evaluations } from '~/evaluations/messages';
import { fi as exercises } from '~/exercises/messages';
import { fi as feedback } from '~/feedback/messages';
import { fi as notes } from '~/notes/messages';
import { fi as setup } from '~/onboarding/messages';
import { fi as portalExport } from '~/portal/export-messages';
import { fi as portal } from '~/portal/messages';
import { fi as portalRead } from '~/portal/read-messages';
import { fi as practiceProfile } from '~/practices/messages';
import { fi as search } from '~/search/messages';
import { fi as sessionMail } from '~/session-mail/messages';
import { fi as sessions } from '~/sessions/messages';
import { fi as today } from '~/today/messages';

/** Finnish messages shared by the whole app; areas keep theirs in <area>/messages.ts. */
const common = {
  'app.name': 'Ohjaamo',
  'app.tagline': 'Työnohjaajan työpöytä',

  'landing.title': 'Ohjaamo – työnohjauksen ammattilaiselle',
  'landing.lead':
    'Ohjaamo kokoaa työnohjaajan arjen yhteen paikkaan: sopimukset, ajanvaraukset, istuntomuistiinpanot ja laskutuksen.',
  'landing.point.themes':
    'Muistiinpanot rakentuvat esihenkilötyönohjauksen neljän teeman varaan: rooli, valta, toimintaympäristö ja dialoginen yhteistoiminta.',
  'landing.point.confidential':
    'Luottamuksellisuus on lähtökohta: yksityiset muistiinpanot näkee vain niiden kirjoittaja, ja teksti salataan ennen tallennusta.',
  'landing.point.portal':
    'Työnohjattava näkee omat yhteenvetonsa ja sovitut tehtävät vasta, kun työnohjaaja on julkaissut ne.',
  'landing.description':
    'Ohjaamo on työnohjaajan työpöytä: sopimukset, ajanvaraukset, salatut istuntomuistiinpanot, työnohjattavan sivut ja laskutus yhdessä paikassa.',
  'landing.signup': 'Luo vastaanotto',
  'landing.login': 'Kirjaudu sisään',
  'landing.openApp': 'Avaa Ohjaamo',

  'nav.main': 'Päävalikko',
  'nav.calendar': 'Kalenteri',
  'nav.clients': 'Työnohjattavat',
  'nav.billing': 'Laskutus',
  'nav.settings': 'Asetukset',
  'nav.skipToContent': 'Siirry sisältöön',
  'nav.userMenu': 'Käyttäjävalikko',
  'nav.logout': 'Kirjaudu ulos',
  'nav.devMail': 'Lähtevä posti (kehitys)',
  'nav.switchPractice': 'Vaihda vastaanottoa',
  'nav.openMenu': 'Valikko',

  'language.label': 'Kieli',
  'language.fi': 'Suomi',
  'language.en': 'English',
  'language.change': 'Vaihda kieli',

  'form.required': 'Tämä kenttä on pakollinen.',
  'form.invalidEmail': 'Tarkista sähköpostiosoite.',
  'form.tooLong': 'Teksti on liian pitkä.',
  'form.errorSummary': 'Lomakkeessa on virheitä. Korjaa merkityt kohdat.',
  'form.summaryRequired': 'pakollinen',
  'form.saved': 'Tallennettu.',

  'auth.email': 'Sähköposti',
  'auth.password': 'Salasana',
  'auth.newPassword': 'Uusi salasana',
  'auth.currentPassword': 'Nykyinen salasana',
  'auth.name': 'Nimi',
  'auth.passwordHint': 'Vähintään 10 merkkiä. Vältä yleisiä salasanoja.',
  'auth.password.tooShort': 'Salasanassa on oltava vähintään 10 merkkiä.',
  'auth.password.tooLong': 'Salasana voi olla enintään 200 merkkiä.',
  'auth.password.common': 'Tämä salasana on liian yleinen. Valitse jokin muu.',
  'auth.password.sameAsEmail': 'Salasana ei voi olla sama kuin sähköpostiosoite.',

  'signup.title': 'Luo vastaanotto',
  'signup.lead':
    'Luo vastaanotollesi tili. Sinusta tulee sen omistaja, ja voit kutsua muita työnohjaajia mukaan.',
  'signup.practiceName': 'Vastaanoton nimi',
  'signup.practiceNameHint': 'Esimerkiksi yrityksesi tai toiminimesi nimi.',
  'signup.submit': 'Luo tili',
  'signup.haveAccount': 'Onko sinulla jo tili?',

  'login.title': 'Kirjaudu sisään',
  'login.submit': 'Kirjaudu',
  'login.invalid': 'Sähköposti tai salasana on väärin.',
  'login.throttled':
    'Liian monta epäonnistunutta kirjautumista. Yritä uudelleen 15 minuutin kuluttua tai vaihda salasana.',
  'login.forgot': 'Unohditko salasanan?',
  'login.noAccount': 'Eikö sinulla ole tiliä?',
  'login.demoHint': 'Kokeile demotunnuksilla, jotka tulostuivat palvelimen käynnistyessä.',

  'forgot.title': 'Unohtunut salasana',
  'forgot.lead':
    'Kirjoita sähköpostiosoitteesi, niin lähetämme linkin uuden salasanan asettamiseen.',
  'forgot.submit': 'Lähetä linkki',
  'forgot.sent':
    'Jos osoitteella on tili, lähetimme siihen linkin. Linkki on voimassa tunnin ja toimii kerran.',

  'reset.title': 'Aseta uusi salasana',
  'reset.submit': 'Tallenna salasana',
  'reset.invalidLink':
    'Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki unohtuneen salasanan sivulta.',
  'reset.requestNew': 'Pyydä uusi linkki',

  'invite.pageTitle': 'Kutsu vastaanotolle',
  'invite.title': 'Liity vastaanotolle {practice}',
  'invite.lead': 'Sinut on kutsuttu vastaanotolle {practice} roolissa {role}.',
  'invite.submit': 'Liity',
  'invite.invalid': 'Kutsu on vanhentunut, peruttu tai jo käytetty.',
  'invite.existingAccount':
    'Osoitteella {email} on jo tili. Kirjaudu sisään tällä osoitteella hyväksyäksesi kutsun.',
  'invite.acceptAsUser': 'Hyväksy kutsu',
  'invite.wrongUser':
    'Kutsu on lähetetty osoitteeseen {email}. Kirjaudu ulos ja kirjaudu sillä osoitteella.',

  'theme.role': 'Johtajan rooli',
  'theme.power': 'Valta',
  'theme.environment': 'Toiminta-ympäristö',
  'theme.dialogue': 'Dialoginen yhteistoiminta',

  'role.owner': 'omistaja',
  'role.supervisor': 'työnohjaaja',

  'clients.title': 'Työnohjattavat',
  'clients.lead': 'Ihmiset, joiden työnohjauksesta vastaanotto huolehtii.',
  'clients.empty':
    'Ei vielä työnohjattavia. Lisää ensimmäinen, niin voit tehdä hänen kanssaan työnohjaussopimuksen.',
  'clients.name': 'Nimi',
  'clients.titleColumn': 'Tehtävänimike',
  'clients.organisation': 'Organisaatio',
  'clients.count': '{count, plural, one {# työnohjattava} other {# työnohjattavaa}}',

  'settings.title': 'Asetukset',
  'settings.profile': 'Omat tiedot',
  'settings.saveProfile': 'Tallenna tiedot',
  'settings.language': 'Käyttöliittymän kieli',
  'settings.languageBrowser': 'Selaimen mukaan',
  'settings.password': 'Vaihda salasana',
  'settings.passwordSubmit': 'Vaihda salasana',
  'settings.passwordChanged': 'Salasana vaihdettu. Muut istuntosi on kirjattu ulos.',
  'settings.wrongPassword': 'Nykyinen salasana on väärin.',
  'settings.members': 'Jäsenet',
  'settings.membersLink': 'Vastaanoton jäsenet',

  'members.title': 'Vastaanoton jäsenet',
  'members.lead': 'Kutsu työnohjaajia vastaanotollesi. Jokainen näkee vain omat muistiinpanonsa.',
  'members.name': 'Nimi',
  'members.email': 'Sähköposti',
  'members.role': 'Rooli',
  'members.since': 'Jäsen alkaen',
  'members.invite': 'Kutsu työnohjaaja',
  'members.inviteSubmit': 'Lähetä kutsu',
  'members.invited': 'Kutsu lähetetty osoitteeseen {email}.',
  'members.alreadyMember': 'Tämä henkilö on jo vastaanoton jäsen.',
  'members.pending': 'Avoimet kutsut',
  'members.noPending': 'Ei avoimia kutsuja.',
  'members.revoke': 'Peru kutsu',
  'members.revokeFor': 'Peru kutsu osoitteeseen {email}',
  'members.revoked': 'Kutsu peruttu. Sen linkki ei enää toimi.',
  'members.expires': 'Voimassa',

  'devMail.title': 'Lähtevä posti',
  'devMail.lead':
    'Kehitystilassa ilman SMTP_URL-asetusta viestit jäävät tänne. Tätä sivua ei ole tuotannossa.',
  'devMail.empty': 'Ei viestejä.',
  'devMail.to': 'Vastaanottaja',
  'devMail.subject': 'Aihe',
  'devMail.status': 'Tila',
  'devMail.created': 'Luotu',
  'devMail.status.pending': 'jonossa',
  'devMail.status.sent': 'lähetetty',
  'devMail.status.failed': 'epäonnistui',
  'devMail.calendar': 'Kalenteriliite ({method})',

  'email.greeting': 'Hei,',
  'email.signature': 'Ohjaamo',
  'email.invite.subject': 'Kutsu vastaanotolle {practice}',
  'email.invite.body':
    '{inviter} kutsui sinut vastaanotolle {practice} Ohjaamossa. Hyväksy kutsu tästä linkistä (voimassa 7 päivää):',
  'email.reset.subject': 'Uuden salasanan asettaminen',
  'email.reset.body':
    'Joku pyysi uutta salasanaa tilillesi. Aseta uusi salasana tästä linkistä (voimassa tunnin, toimii kerran):',
  'email.reset.ignore': 'Jos et pyytänyt tätä, voit jättää viestin huomiotta.',

  'form.create': 'Luo',
  'form.save': 'Tallenna',
  'form.edit': 'Muokkaa',
  'form.cancel': 'Peruuta',
  'copy.done': 'Kopioitu leikepöydälle.',
  'copy.selectInstead':
    'Kopiointi ei onnistunut. Teksti on valittu: kopioi se näppäimillä Ctrl+C (Macissa Cmd+C).',
  'form.invalidPhone': 'Tarkista puhelinnumero.',
  'form.invalidPostalCode': 'Postinumerossa on viisi numeroa.',
  'list.status': 'Näytä',
  'list.active': 'Aktiiviset',
  'list.archived': 'Arkistoidut',
  'list.search': 'Hae',
  'list.noMatches': 'Haulla ei löytynyt mitään.',
  'list.clearSearch': 'Tyhjennä haku',
  'list.archive': 'Arkistoi',
  'list.restore': 'Palauta aktiiviseksi',
  'list.archivedNotice':
    'Arkistoitu. Tiedot säilyvät, mutta niitä ei näytetä aktiivisten joukossa.',
  'list.notGiven': 'Ei annettu',
  'list.pagination': 'Sivut',
  'list.previousPage': 'Edellinen sivu',
  'list.nextPage': 'Seuraava sivu',
  'list.pageOf': 'Sivu {page}/{pageCount}.',
  'list.rowsOf': 'Rivit {first}–{last}, yhteensä {total}.',
  'clients.sections': 'Työnohjattavat ja tilaajat',
  'clients.supervisees': 'Työnohjattavat',
  'commissioners.title': 'Tilaajat',
  'commissioners.lead': 'Organisaatiot, jotka tilaavat ja maksavat työnohjauksen.',
  'commissioners.new': 'Uusi tilaaja',
  'commissioners.edit': 'Muokkaa tilaajaa',
  'commissioners.count': '{count, plural, one {# tilaaja} other {# tilaajaa}}',
  'commissioners.empty':
    'Ei vielä tilaajia. Tilaaja on työnantaja, joka tilaa ja maksaa työnohjauksen.',
  'commissioners.search': 'Hae nimellä, Y-tunnuksella tai paikkakunnalla',
  'commissioners.name': 'Organisaation nimi',
  'commissioners.businessId': 'Y-tunnus',
  'commissioners.businessIdHint': 'Muodossa 1234567-8.',
  'commissioners.invalidBusinessId':
    'Tarkista Y-tunnus: muoto on 1234567-8, ja viimeinen numero on tarkiste.',
  'commissioners.billing': 'Laskutustiedot',
  'commissioners.billingContact': 'Laskutuksen yhteyshenkilö',
  'commissioners.billingEmail': 'Laskutuksen sähköposti',
  'commissioners.addressLine': 'Katuosoite',
  'commissioners.postalCode': 'Postinumero',
  'commissioners.city': 'Postitoimipaikka',
  'commissioners.address': 'Osoite',
  'commissioners.eInvoiceAddress': 'Verkkolaskuosoite',
  'commissioners.eInvoiceHint': 'Jos tilaaja vastaanottaa verkkolaskuja: OVT-tunnus tai IBAN.',
  'commissioners.eInvoiceOperator': 'Verkkolaskuoperaattori',

  'clients.new': 'Uusi työnohjattava',
  'clients.edit': 'Muokkaa työnohjattavan tietoja',
  'clients.search': 'Hae nimellä, sähköpostilla tai organisaatiolla',
  'clients.email': 'Sähköposti',
  'clients.phone': 'Puhelin',
  'clients.billingAddress': 'Laskutusosoite',
  'clients.billingAddressHint':
    'Tarvitaan, kun työnohjattava maksaa työnohjauksensa itse: ilman sitä hänen istuntojaan ei laskuteta.',
  'clients.streetAddress': 'Katuosoite',
  'clients.postalCode': 'Postinumero',
  'clients.city': 'Postitoimipaikka',
  'clients.background': 'Taustatiedot',
  'clients.backgroundHint': 'Vapaamuotoinen. Tallennetaan salattuna, kuten muistiinpanot.',
  'clients.backgroundWithheld':
    'Taustatiedot näkyvät vain niiden kirjoittajalle ja työnohjattavan sopimusten työnohjaajille.',

  'clients.sessions': 'Istunnot',
  'clients.noSessions': 'Ei istuntoja.',

  'clients.noContracts': 'Ei sopimuksia.',

  'error.title': 'Jokin meni vikaan',
  'error.unexpected': 'Odottamaton virhe. Yritä hetken kuluttua uudelleen.',
  'error.notFound':
    'Etsimääsi sivua tai tietoa ei ole, tai sinulla ei ole siihen pääsyä. Tarkista osoite tai palaa etusivulle.',
  'error.forbidden': 'Sinulla ei ole oikeutta tähän.',
  'error.unauthenticated': 'Kirjaudu sisään jatkaaksesi.',
  'error.conflict': 'Tieto on muuttunut sillä välin. Lataa sivu uudelleen.',
  'error.unreadable':
    'Tallennettua tekstiä ei voi avata: se ei kuulu tähän kohtaan tai sitä on muutettu. Tapahtuma on kirjattu lokiin; ota yhteyttä ylläpitoon.',
  'error.invalid': 'Tarkista syöttämäsi tiedot.',
  'error.throttled': 'Liian monta yritystä. Yritä myöhemmin uudelleen.',
  'error.backHome': 'Etusivulle',
  'error.unavailable':
    'Palvelu on tilapäisesti poissa käytöstä. Yritä muutaman minuutin kuluttua uudelleen.',
  'error.badRequest':
    'Pyyntöä ei voitu käsitellä. Palaa edelliselle sivulle ja lähetä lomake uudelleen.',
  'error.invalidCharacters':
    'Tekstissä on merkkejä, joita ei voi tallentaa (esimerkiksi nollamerkki). Poista ne ja yritä uudelleen.',
  'error.badRequestTitle': 'Virheellinen pyyntö',
  'error.forbiddenTitle': 'Ei käyttöoikeutta',
  'error.notFoundTitle': 'Sivua ei löytynyt',
  'error.conflictTitle': 'Tieto on muuttunut',
  'error.unreadableTitle': 'Tekstiä ei voi avata',
  'error.throttledTitle': 'Liian monta yritystä',
  'error.unavailableTitle': 'Tilapäisesti poissa käytöstä',
} as const;

/** Finnish, the default language. Every key must exist in en.ts (the types enforce it). */
export const fi = {
  ...common,
  ...contracts,
  ...sessions,
  ...sessionMail,
  ...feeds,
  ...notes,
  ...evaluations,
  ...auth,
  ...portal,
  ...twoFactor,
  ...portalRead,
  ...portalExport,
  ...between,
  ...exercises,
  ...feedback,
  ...billing,
  ...invoiceRun,
  ...invoices,
  ...creditNotes,
  ...billingConnect,
  ...setup,
  ...practiceProfile,
  ...today,
  ...search,
} as const;
