/**
 * Finnish material for the generated practice: names, places, organisations and neutral
 * sentences for notes. All invented; people are combinations of common first and last names.
 */
import type { Random } from './random';

export const firstNames = [
  'Aino',
  'Anna',
  'Anne',
  'Antti',
  'Ari',
  'Eeva',
  'Eero',
  'Elina',
  'Emilia',
  'Heidi',
  'Heikki',
  'Helena',
  'Hanna',
  'Ilkka',
  'Jaana',
  'Jari',
  'Johanna',
  'Jouni',
  'Juha',
  'Jukka',
  'Kaisa',
  'Kari',
  'Katja',
  'Kirsi',
  'Laura',
  'Leena',
  'Liisa',
  'Maija',
  'Marja',
  'Markku',
  'Matti',
  'Mika',
  'Minna',
  'Noora',
  'Olli',
  'Outi',
  'Paula',
  'Pekka',
  'Petri',
  'Pia',
  'Riikka',
  'Risto',
  'Sanna',
  'Sari',
  'Seppo',
  'Suvi',
  'Teemu',
  'Tiina',
  'Timo',
  'Tuula',
  'Ville',
  'Veikko',
] as const;

export const lastNames = [
  'Aaltonen',
  'Heikkinen',
  'Heinonen',
  'Hiltunen',
  'Hämäläinen',
  'Jokinen',
  'Kinnunen',
  'Koskinen',
  'Korhonen',
  'Laaksonen',
  'Laine',
  'Lehtinen',
  'Lehtonen',
  'Leinonen',
  'Mäkelä',
  'Mäkinen',
  'Miettinen',
  'Niemi',
  'Nieminen',
  'Ojala',
  'Pitkänen',
  'Rantanen',
  'Räsänen',
  'Saarinen',
  'Salminen',
  'Salo',
  'Tuominen',
  'Turunen',
  'Virtanen',
  'Väisänen',
  'Kivelä',
  'Karjalainen',
  'Lappalainen',
  'Savolainen',
  'Hakala',
  'Peltonen',
  'Kettunen',
  'Mattila',
] as const;

export const cities = [
  { city: 'Helsinki', genitive: 'Helsingin', postalCode: '00100' },
  { city: 'Espoo', genitive: 'Espoon', postalCode: '02100' },
  { city: 'Tampere', genitive: 'Tampereen', postalCode: '33100' },
  { city: 'Turku', genitive: 'Turun', postalCode: '20100' },
  { city: 'Oulu', genitive: 'Oulun', postalCode: '90100' },
  { city: 'Jyväskylä', genitive: 'Jyväskylän', postalCode: '40100' },
  { city: 'Kuopio', genitive: 'Kuopion', postalCode: '70100' },
  { city: 'Lahti', genitive: 'Lahden', postalCode: '15100' },
  { city: 'Joensuu', genitive: 'Joensuun', postalCode: '80100' },
  { city: 'Savonlinna', genitive: 'Savonlinnan', postalCode: '57100' },
  { city: 'Vaasa', genitive: 'Vaasan', postalCode: '65100' },
  { city: 'Rovaniemi', genitive: 'Rovaniemen', postalCode: '96100' },
] as const;

export const streets = [
  'Kauppakatu',
  'Koulukatu',
  'Rantatie',
  'Puistokatu',
  'Kirkkokatu',
  'Sairaalantie',
  'Asemakatu',
  'Teollisuustie',
  'Koivukuja',
  'Mäntytie',
] as const;

export const titles = [
  'Osastonhoitaja',
  'Rehtori',
  'Päiväkodin johtaja',
  'Palvelupäällikkö',
  'Tiimiesihenkilö',
  'Sosiaalityöntekijä',
  'Opettaja',
  'Sairaanhoitaja',
  'Johtava psykologi',
  'Vastaava ohjaaja',
  'Kehittämispäällikkö',
  'Henkilöstöpäällikkö',
] as const;

/** Organisation name patterns; `{city}` (in the genitive) and `{name}` are filled in. */
const organisationPatterns = [
  '{city} kaupunki, sivistyspalvelut',
  '{city} kaupunki, sosiaali- ja terveyspalvelut',
  '{city} seudun hyvinvointialue',
  '{name} Oy',
  '{name} ja kumppanit Oy',
  '{city} seurakuntayhtymä',
  'Kehitysvammaliiton {city} yksikkö ry',
  '{city} ammattiopisto',
] as const;

export function organisationName(random: Random, index: number): string {
  const pattern = organisationPatterns[index % organisationPatterns.length] ?? '{name} Oy';
  const { genitive } = random.pick(cities);
  return pattern.replace('{city}', genitive).replace('{name}', random.pick(lastNames));
}

/** A Y-tunnus with a valid check digit: seven digits, a dash, the check digit. */
export function businessId(random: Random): string {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  for (;;) {
    const digits = Array.from({ length: 7 }, () => random.int(0, 9));
    const remainder = digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
    if (remainder === 1) continue;
    const check = remainder === 0 ? 0 : 11 - remainder;
    return `${digits.join('')}-${check}`;
  }
}

/** A Finnish IBAN with correct check digits (ISO 13616 mod 97). */
export function finnishIban(random: Random): string {
  const bban = Array.from({ length: 14 }, () => random.int(0, 9)).join('');
  // F = 15, I = 18; the country code and "00" move to the end for the check.
  const check = 98n - (BigInt(`${bban}151800`) % 97n);
  return `FI${String(check).padStart(2, '0')}${bban}`;
}

/** Neutral sentences per theme, for notes; nothing about real people or cases. */
export const themeSentences = {
  general: [
    'Istunto alkoi kuulumisilla ja edellisen kerran sopimusten läpikäynnillä.',
    'Keskustelu eteni rauhallisesti ja aiheesta toiseen luontevasti.',
    'Työnohjattava toi esiin kiireen tunteen viime viikoilta.',
    'Lopuksi palattiin ohjauksen tavoitteisiin ja arvioitiin etenemistä.',
    'Tunnelma oli pohtiva ja avoin.',
  ],
  role: [
    'Pohdittiin esihenkilön roolin rajoja suhteessa omaan asiantuntijatyöhön.',
    'Oman roolin selkeys on kasvanut, ja rajoja on helpompi sanoittaa.',
    'Roolien päällekkäisyys tiimissä nousi esiin useassa esimerkissä.',
    'Keskusteltiin siitä, mitä kuuluu itselle ja mitä muille.',
  ],
  power: [
    'Päätöksenteon vastuu ja sen jakaminen olivat keskustelun ytimessä.',
    'Tarkasteltiin, milloin on tarpeen puuttua ja milloin antaa tilaa.',
    'Valta näkyy myös siinä, kenen ääni kokouksissa kuuluu.',
    'Vastuun delegointi tuntuu nyt luontevammalta kuin aiemmin.',
  ],
  environment: [
    'Organisaation muutokset ovat lisänneet epävarmuutta työyhteisössä.',
    'Toimintaympäristön resurssit rajaavat sitä, mitä on realistista tavoitella.',
    'Uusi työaikajärjestely on vaikuttanut yhteisiin palavereihin.',
    'Yhteistyö toisten yksiköiden kanssa on tiivistynyt.',
  ],
  dialogue: [
    'Harjoiteltiin palautteen antamista rakentavasti ja ajoissa.',
    'Tiimin keskustelukulttuuri on avoimempi kuin syksyllä.',
    'Kuunteleminen ilman välitöntä ratkaisua nousi tärkeäksi havainnoksi.',
    'Vaikeiden asioiden puheeksi ottamiseen etsittiin uusia tapoja.',
  ],
} as const;

export const actionTexts = [
  'Kokeilen viikkopalaverin uutta rakennetta kahdesti.',
  'Kirjaan yhden onnistumisen jokaiselta viikolta.',
  'Sovin kehityskeskustelut kuukauden loppuun mennessä.',
  'Otan puheeksi työnjaon seuraavassa tiimipalaverissa.',
  'Varaan kalenterista tunnin viikossa suunnittelulle.',
  'Pyydän palautetta kahdelta kollegalta.',
] as const;

export const guidingQuestions = [
  'Miten voin johtaa selkeämmin muutoksen keskellä?',
  'Miten tiimimme voi jakaa vastuuta paremmin?',
  'Miten saan tilaa omalle ajattelulle kiireen keskellä?',
  'Miten rakennamme luottamusta uudessa ryhmässä?',
] as const;

export const goalTexts = {
  role: ['Oma rooli ja sen rajat selkiytyvät', 'Esihenkilön rooli vahvistuu'],
  power: ['Uskallan puuttua ajoissa', 'Päätökset tehdään ajallaan'],
  environment: ['Muutokseen sopeutuminen helpottuu', 'Toimiva kokouskäytäntö'],
  dialogue: ['Palaute on osa arkea', 'Päätökset tehdään yhdessä ja kirjataan'],
} as const;

export const cancellationReasons = [
  'Sairastuminen',
  'Päällekkäinen kokous',
  'Koulutuspäivä',
  'Lomautus tai loma',
  null,
  null,
] as const;

export const evaluationComments = [
  'Tavoitteet ovat edenneet suunnitellusti.',
  'Työskentely on ollut hyödyllistä ja antanut uusia näkökulmia.',
  'Osa tavoitteista vaatii vielä työtä.',
  'Prosessi on selkeyttänyt omaa työtä.',
] as const;

/** ASCII form of a name for e-mail addresses: lower case, ä → a, ö → o, å → a. */
export function emailPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '.');
}

/** A supervisee's reflections before a session ("what do I bring?") and after it. */
export const reflectionTexts = {
  before: [
    'Haluan puhua siitä, miten jaan tehtäviä tiimissä.',
    'Mietin, miten otan puheeksi työkuorman johtoryhmässä.',
    'Toivon aikaa viime viikon hankalalle palaverille.',
    'Haluan käydä läpi muutoksen viestimistä henkilöstölle.',
    'Pohdin omaa jaksamistani kiireisen kauden keskellä.',
  ],
  after: [
    'Sain selkeyttä siihen, mikä kuuluu minulle ja mikä ei.',
    'Jäin miettimään, miten kuuntelen tiimiä paremmin.',
    'Istunnon jälkeen oli kevyempi olo; sovittu asia tuntuu tehtävältä.',
    'Huomasin toistavani samaa kaavaa kuin aiemminkin.',
    'Hyvä keskustelu, vaikka aihe oli vaikea.',
  ],
} as const;

/** A supervisee's comment on how an agreed action went. */
export const actionMarkComments = [
  'Tehty, keskustelu sujui hyvin.',
  'Aloitettu, jatkuu ensi viikolla.',
  'Ei ehtinyt vielä, palaan tähän.',
  'Kokeilin, vaikutti tiimissä myönteisesti.',
] as const;

/** Why a paid invoice is credited in full and invoiced again (a new invoice follows). */
export const fullCreditReasons = [
  'Laskulta puuttui tilaajan viite; korvataan uudella laskulla.',
  'Lasku osoitettiin väärälle kustannuspaikalle; korvataan uudella laskulla.',
] as const;

/** Why the charge of a late cancellation or a no-show was let go after the invoice. */
export const waivedChargeReasons = [
  'Äkillinen sairastuminen, maksu jätetty perimättä.',
  'Sovittu tilaajan kanssa, ettei peruutusta laskuteta.',
  'Poissaolo johtui työnantajan järjestelyistä.',
] as const;
