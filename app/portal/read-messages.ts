/** Messages of what a supervisee reads in the portal: contracts, sessions, summaries, themes. */
export const fi = {
  'portal.nav.summaries': 'Yhteenvedot',
  'portal.nav.themes': 'Teemat',

  'portal.home.contractsHeading': 'Työnohjauksesi',
  'portal.home.noContracts':
    'Sinulla ei ole vielä sovittua työnohjausta. Kun sopimus on tehty, se näkyy tässä.',
  'portal.contract.title': 'Työnohjaus {code}',
  'portal.contract.detailsLink': 'Sopimus ja kaikki tapaamiset',
  'portal.contract.supervisor': 'Työnohjaaja',
  'portal.contract.guidingQuestion': 'Ohjaava kysymys',
  'portal.contract.goals': 'Tavoitteet',
  'portal.contract.noGoals': 'Tavoitteita ei ole kirjattu sopimukseen.',
  'portal.contract.noTheme': 'ei teemaa',
  'portal.contract.methods': 'Menetelmät',
  'portal.contract.period': 'Aika',
  'portal.contract.periodOpen': '{start} alkaen',
  'portal.contract.periodRange': '{start} – {end}',
  'portal.contract.rhythm': 'Rytmi',
  'portal.contract.rhythmWeeks':
    '{minutes} min, {weeks, plural, one {joka viikko} other {# viikon välein}}',
  'portal.contract.rhythmFree': '{minutes} min, sovitusti',
  'portal.contract.progress': 'Eteneminen',
  'portal.contract.progressNone': 'Ei vielä pidettyjä tapaamisia, sovittu {agreed}.',
  'portal.contract.progressOf': 'Tapaaminen {used}/{agreed}.',
  'portal.contract.progressExtra':
    'Tapaaminen {used}/{agreed}, joista {extra, plural, one {# lisätapaaminen} other {# lisätapaamisia}}.',
  'portal.contract.progressRule':
    'Lukuun lasketaan pidetyt tapaamiset ja ne, joista veloitetaan: perumatta väliin jääneet ja liian myöhään perutut. Ajoissa peruttu tapaaminen ei kuluta sovittuja kertoja.',
  'portal.contract.nextSession': 'Seuraava tapaaminen',
  'portal.contract.noNextSession': 'Seuraavaa tapaamista ei ole varattu.',
  'portal.contract.cancellation': 'Peruminen',
  'portal.contract.sessions': 'Tapaamiset',
  'portal.contract.noSessions': 'Tapaamisia ei ole vielä varattu.',
  'portal.contract.timeline': 'Teemat julkaistuissa yhteenvedoissa',

  'portal.cancel.lateCharged':
    'Peru viimeistään {hours, plural, one {# tunti} other {# tuntia}} ennen tapaamista. Myöhemmin perutusta tapaamisesta veloitetaan.',
  'portal.cancel.lateFree':
    'Peru viimeistään {hours, plural, one {# tunti} other {# tuntia}} ennen tapaamista, jos voit. Myöhäisestä perumisesta ei veloiteta.',
  'portal.cancel.noShowCharged': 'Tapaamisesta, jolta jäät pois perumatta, veloitetaan.',
  'portal.cancel.noShowFree': 'Perumatta väliin jääneestä tapaamisesta ei veloiteta.',

  'portal.session.when': '{date} klo {start}–{end}',
  'portal.session.place': 'Paikka',
  'portal.session.remoteLink': 'Etäyhteys',
  'portal.session.noPlace': 'Paikkaa ei ole vielä kerrottu.',
  'portal.session.ics': 'Lataa kalenteriin (.ics)',
  'portal.session.cancelledLateCharged': 'peruttu myöhään, veloitetaan',
  'portal.session.cancelledFree': 'peruttu, ei veloiteta',
  'portal.session.noShowCharged': 'jäi väliin, veloitetaan',
  'portal.session.readSummary': 'Yhteenveto',
  'portal.session.open': 'Pohdinnat ja peruminen',

  'portal.summaries.title': 'Yhteenvedot',
  'portal.summaries.lead': 'Työnohjaajasi julkaisemat yhteenvedot tapaamisista, uusin ensin.',
  'portal.summaries.none': 'Yhteenvetoja ei ole vielä julkaistu.',
  'portal.summaries.session': 'Tapaaminen {date}',
  'portal.summaries.contract': 'Työnohjaus {code}',
  'portal.summaries.themes': 'Teemat: {themes}',
  'portal.summaries.noThemes': 'Ei teemoittain kirjoitettua tekstiä.',
  'portal.summaries.published': 'Julkaistu {date}',
  'portal.summaries.revised': 'Päivitetty {date}',
  'portal.summary.title': 'Yhteenveto {date}',
  'portal.summary.back': 'Kaikki yhteenvedot',

  'portal.themes.title': 'Teemat',
  'portal.themes.lead':
    'Esihenkilön työnohjauksen neljä teemaa julkaistuissa yhteenvedoissa: miten ne ovat näkyneet tapaamisissa ja mitä kustakin on sanottu.',
  'portal.themes.everything': 'Kaikki teemasta',
  'portal.themes.timelineFor': 'Työnohjaus {code}',
  'portal.themes.noContracts': 'Sinulla ei ole vielä sovittua työnohjausta.',
  'portal.theme.title': 'Kaikki teemasta: {theme}',
  'portal.theme.lead': 'Julkaistujen yhteenvetojen tätä teemaa koskevat osat, uusin ensin.',
  'portal.theme.none': 'Julkaistuissa yhteenvedoissa ei ole vielä mitään tästä teemasta.',
  'portal.theme.pageScope':
    'Kullakin sivulla käydään läpi {pageSize, plural, one {# yhteenveto} other {# yhteenvetoa}}, ja niistä näytetään ne, joissa on kirjoitettu tästä teemasta.',
  'portal.theme.noneOnPage':
    'Tämän sivun yhteenvedoissa ei ole mitään tästä teemasta. Katso muut sivut.',
  'portal.theme.fromSession': 'Tapaaminen {date}',
  'portal.theme.openSummary': 'Koko yhteenveto',

  'portal.ics.calendarName': 'Työnohjaus – {practice}',
  'portal.ics.summary': 'Työnohjaus ({practice})',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'portal.nav.summaries': 'Summaries',
  'portal.nav.themes': 'Themes',

  'portal.home.contractsHeading': 'Your supervision',
  'portal.home.noContracts':
    'You have no agreed supervision yet. Once a contract has been made, it is shown here.',
  'portal.contract.title': 'Supervision {code}',
  'portal.contract.detailsLink': 'The contract and all sessions',
  'portal.contract.supervisor': 'Supervisor',
  'portal.contract.guidingQuestion': 'Guiding question',
  'portal.contract.goals': 'Goals',
  'portal.contract.noGoals': 'The contract names no goals.',
  'portal.contract.noTheme': 'no theme',
  'portal.contract.methods': 'Methods',
  'portal.contract.period': 'Period',
  'portal.contract.periodOpen': 'from {start}',
  'portal.contract.periodRange': '{start} – {end}',
  'portal.contract.rhythm': 'Rhythm',
  'portal.contract.rhythmWeeks':
    '{minutes} min, {weeks, plural, one {every week} other {every # weeks}}',
  'portal.contract.rhythmFree': '{minutes} min, as agreed',
  'portal.contract.progress': 'Progress',
  'portal.contract.progressNone': 'No sessions yet; {agreed} agreed.',
  'portal.contract.progressOf': 'Session {used} of {agreed}.',
  'portal.contract.progressExtra': 'Session {used} of {agreed}, {extra} of them extra.',
  'portal.contract.progressRule':
    'Counted are the sessions held and those charged: missed without cancelling, or cancelled too late. A session cancelled in time does not use up one of the agreed sessions.',
  'portal.contract.nextSession': 'Next session',
  'portal.contract.noNextSession': 'No next session has been booked.',
  'portal.contract.cancellation': 'Cancelling',
  'portal.contract.sessions': 'Sessions',
  'portal.contract.noSessions': 'No sessions have been booked yet.',
  'portal.contract.timeline': 'Themes in the published summaries',

  'portal.cancel.lateCharged':
    'Cancel at least {hours, plural, one {# hour} other {# hours}} before the session; later cancellations are charged.',
  'portal.cancel.lateFree':
    'Please cancel at least {hours, plural, one {# hour} other {# hours}} before the session; a later cancellation is not charged.',
  'portal.cancel.noShowCharged': 'A session you miss without cancelling is charged.',
  'portal.cancel.noShowFree': 'A session missed without cancelling is not charged.',

  'portal.session.when': '{date}, {start}–{end}',
  'portal.session.place': 'Place',
  'portal.session.remoteLink': 'Remote link',
  'portal.session.noPlace': 'The place has not been given yet.',
  'portal.session.ics': 'Add to calendar (.ics)',
  'portal.session.cancelledLateCharged': 'cancelled late, charged',
  'portal.session.cancelledFree': 'cancelled, not charged',
  'portal.session.noShowCharged': 'missed, charged',
  'portal.session.readSummary': 'Summary',
  'portal.session.open': 'Reflections and cancelling',

  'portal.summaries.title': 'Summaries',
  'portal.summaries.lead':
    'The summaries of your sessions that your supervisor has published, newest first.',
  'portal.summaries.none': 'No summaries have been published yet.',
  'portal.summaries.session': 'Session of {date}',
  'portal.summaries.contract': 'Supervision {code}',
  'portal.summaries.themes': 'Themes: {themes}',
  'portal.summaries.noThemes': 'No text written by theme.',
  'portal.summaries.published': 'Published {date}',
  'portal.summaries.revised': 'Updated {date}',
  'portal.summary.title': 'Summary {date}',
  'portal.summary.back': 'All summaries',

  'portal.themes.title': 'Themes',
  'portal.themes.lead':
    'The four themes of a manager’s supervision in the published summaries: how they have come up in your sessions, and what was said about each.',
  'portal.themes.everything': 'Everything about a theme',
  'portal.themes.timelineFor': 'Supervision {code}',
  'portal.themes.noContracts': 'You have no agreed supervision yet.',
  'portal.theme.title': 'Everything about: {theme}',
  'portal.theme.lead': 'The parts of the published summaries about this theme, newest first.',
  'portal.theme.none': 'The published summaries say nothing about this theme yet.',
  'portal.theme.pageScope':
    'Each page goes through {pageSize, plural, one {# summary} other {# summaries}} and shows those of them that say something about this theme.',
  'portal.theme.noneOnPage':
    'The summaries of this page say nothing about this theme. See the other pages.',
  'portal.theme.fromSession': 'Session of {date}',
  'portal.theme.openSummary': 'The whole summary',

  'portal.ics.calendarName': 'Supervision – {practice}',
  'portal.ics.summary': 'Supervision ({practice})',
};
