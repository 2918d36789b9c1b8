/**
 * Finnish demo texts for the seeded practice: people, organisations and session notes. All
 * invented; any likeness to real people is chance.
 */
export const demoCommissioners = [
  {
    key: 'hyvinvointialue',
    name: 'Itä-Savon hyvinvointialue',
    businessId: '3221329-7',
    billingContact: 'Ostolaskut / Pirjo Hakala',
    billingEmail: 'ostolaskut@hyvinvointi.example',
    addressLine: 'Sairaalantie 3',
    postalCode: '57120',
    city: 'Savonlinna',
    eInvoiceAddress: '003732213297',
    eInvoiceOperator: 'BAWCFI22',
  },
  {
    key: 'kaupunki',
    name: 'Kuopion kaupunki, kasvun ja oppimisen palvelualue',
    businessId: '0171450-7',
    billingContact: 'Taina Lappalainen',
    billingEmail: 'laskutus@kuopio.example',
    addressLine: 'Suokatu 42',
    postalCode: '70100',
    city: 'Kuopio',
    eInvoiceAddress: null,
    eInvoiceOperator: null,
  },
  {
    key: 'puu',
    name: 'Rantasen Puu Oy',
    businessId: '1234567-1',
    billingContact: 'Timo Rantanen',
    billingEmail: 'talous@rantasenpuu.example',
    addressLine: 'Sahatie 8',
    postalCode: '79100',
    city: 'Leppävirta',
    eInvoiceAddress: null,
    eInvoiceOperator: null,
  },
] as const;

export const demoClients = [
  {
    key: 'maria',
    name: 'Maria Lehtonen',
    title: 'Osastonhoitaja',
    organisation: 'Itä-Savon hyvinvointialue',
    email: 'maria.lehtonen@hyvinvointi.example',
  },
  {
    key: 'jukka',
    name: 'Jukka Salminen',
    title: 'Rehtori',
    organisation: 'Koivurinteen koulu',
    email: 'jukka.salminen@kuopio.example',
  },
  {
    key: 'sanna',
    name: 'Sanna Kivelä',
    title: 'Päiväkodin johtaja',
    organisation: 'Päiväkoti Tuulenpesä',
    email: 'sanna.kivela@kuopio.example',
  },
  {
    key: 'ari',
    name: 'Ari Hämäläinen',
    title: 'Apulaisrehtori',
    organisation: 'Koivurinteen koulu',
    email: 'ari.hamalainen@kuopio.example',
  },
  {
    key: 'leena',
    name: 'Leena Ikonen',
    title: 'Varhaiskasvatuksen aluejohtaja',
    organisation: 'Kuopion kaupunki',
    email: 'leena.ikonen@kuopio.example',
  },
  {
    key: 'timo',
    name: 'Timo Rantanen',
    title: 'Tuotantopäällikkö',
    organisation: 'Rantasen Puu Oy',
    email: 'timo@rantasenpuu.example',
  },
  {
    key: 'heidi',
    name: 'Heidi Mustonen',
    title: 'Vuoropäällikkö',
    organisation: 'Rantasen Puu Oy',
    email: 'heidi@rantasenpuu.example',
  },
  {
    key: 'olli',
    name: 'Olli Väänänen',
    title: 'Kunnossapidon esihenkilö',
    organisation: 'Rantasen Puu Oy',
    email: 'olli@rantasenpuu.example',
  },
] as const;

/** Notes for held sessions, in order; each is a private part and a shared summary per theme. */
export const demoNotes = [
  {
    private: {
      general: 'Ensimmäinen varsinainen istunto. Odottava, mutta avoin.',
      role: 'Kokee olevansa yhtä aikaa hoitaja, esihenkilö ja viestinviejä johdolle. Rooli hajoaa päivän mittaan.',
      power: '',
      environment: 'Osastokokouksia ei ole pidetty syksyn jälkeen.',
      dialogue: '',
    },
    shared: {
      role: 'Tunnistimme kolme roolia, joiden välillä liikut päivittäin, ja sen, mikä niistä vie eniten aikaa.',
      power: '',
      environment: 'Pohdimme, millainen säännöllinen kokouskäytäntö palvelisi osastoa.',
      dialogue: '',
      actions: [
        'Kirjaa viikon ajan, mihin rooliin käytät aikaasi',
        'Luonnostele osastokokouksen runko',
      ],
    },
  },
  {
    private: {
      general: 'Energisempi kuin viimeksi. Kokouskokeilu alkanut.',
      role: '',
      power:
        'Yksi työntekijä on toistuvasti myöhässä; asiaan puuttuminen on lykkääntynyt. Pelkää tilanteen kärjistymistä.',
      environment: 'Ensimmäinen osastokokous pidetty, osallistuminen vaihtelevaa.',
      dialogue: 'Haluaisi kysyä tiimiltä palautetta omasta johtamisestaan, mutta epäröi.',
    },
    shared: {
      role: '',
      power:
        'Jäsensimme, mikä puuttumisessa tuntuu vaikealta ja millainen ensimmäinen keskustelu voisi olla.',
      environment: 'Kokous on alkanut. Mietimme, miten asialista voisi tulla tiimiltä itseltään.',
      dialogue: 'Harkitset lyhyttä palautekyselyä tiimille omasta johtamisestasi.',
      actions: [
        'Käy kahdenkeskinen keskustelu myöhästelystä',
        'Kokeile yhtä avointa kysymystä seuraavassa kokouksessa',
      ],
    },
  },
  {
    private: {
      general: 'Keskustelu myöhästelystä käyty. Helpottunut.',
      role: 'Rajat omalle tehtävälle selkeytyvät: ei enää hoida kaikkea itse.',
      power: 'Keskustelu meni paremmin kuin odotti; kantaa silti huolta porukan reaktioista.',
      environment: '',
      dialogue: 'Palautekysely lähetetty, vastauksia tulossa.',
    },
    shared: {
      role: 'Huomasit siirtäneesi kaksi tehtävää niille kuuluville – se näkyi jo viikon arjessa.',
      power:
        'Vaikea keskustelu on käyty. Pohdimme, miten seurata sovittua ilman valvomisen tunnetta.',
      environment: '',
      dialogue: 'Tiimin palaute tuodaan seuraavaan istuntoon yhdessä pohdittavaksi.',
      actions: ['Tuo tiimin palautteen yhteenveto seuraavaan istuntoon'],
    },
  },
] as const;

export const demoGuidingQuestions = {
  individual: 'Miten voin johtaa osastoa niin, että en itse ole jokaisen asian pullonkaula?',
  team: 'Miten johtoryhmämme voi tehdä päätöksiä yhdessä ja pitää niistä kiinni?',
  group:
    'Miten uutena esihenkilönä rakennan luottamusta tiimiin, joka on tottunut toimimaan ilman minua?',
} as const;
