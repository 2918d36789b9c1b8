/** Messages of the supervisee's work between sessions: actions, reflections, cancelling. */
export const fi = {
  'portal.nav.actions': 'Tehtävät',

  'between.actions.title': 'Tehtävät',
  'between.actions.lead':
    'Työnohjauksessa sovitut tehtävät. Merkitse, mitä olet saanut tehtyä. Merkintäsi ja kommenttisi näkevät vain sinä ja työnohjaajasi.',
  'between.actions.empty':
    'Sinulla ei ole vielä sovittuja tehtäviä. Ne tulevat tähän, kun työnohjaaja julkaisee tapaamisen yhteenvedon.',
  'between.actions.sessionHeading': 'Tapaaminen {date}',
  'between.actions.openSession': 'Avaa tapaaminen',
  'between.actions.state': 'Tilanne',
  'between.actions.state.done': 'Tehty',
  'between.actions.state.not_done': 'Ei tehty',
  'between.actions.state.none': 'Ei merkitty',
  'between.actions.comment': 'Kommentti (vapaaehtoinen)',
  'between.actions.save': 'Tallenna merkintä',
  'between.actions.saved': 'Merkintä tallennettu.',
  'between.actions.chooseState': 'Valitse, onko tehtävä tehty.',

  'between.session.title': 'Tapaaminen {date}',
  'between.session.time': 'Aika',
  'between.session.timeValue': '{date} klo {start}–{end}',
  'between.session.place': 'Paikka',
  'between.session.remote': 'Etäyhteys',
  'between.session.noPlace': 'Työnohjaaja kertoo paikan.',
  'between.session.status': 'Tila',
  'between.session.cancelledLateCharged':
    'Peruit tapaamisen peruutusajan sisällä; se veloitetaan sopimuksen mukaan.',
  'between.session.summaryLink': 'Lue tapaamisen yhteenveto',
  'between.session.back': 'Takaisin tehtäviin',

  'between.reflection.heading': 'Omat pohdintasi',
  'between.reflection.lead':
    'Pohdintasi näkevät vain sinä ja työnohjaajasi. Voit muokata niitä milloin tahansa; tyhjä teksti poistaa pohdinnan.',
  'between.reflection.before': 'Ennen tapaamista: mitä haluan tuoda tällä kertaa?',
  'between.reflection.after': 'Tapaamisen jälkeen: mitä jäi mieleen?',
  'between.reflection.afterLater': 'Voit kirjoittaa jälkipohdinnan, kun tapaaminen on alkanut.',
  'between.reflection.save': 'Tallenna pohdinta',
  'between.reflection.saved': 'Pohdinta tallennettu.',
  'between.reflection.notNow': 'Tähän tapaamiseen ei voi nyt kirjoittaa tätä pohdintaa.',

  'between.cancel.heading': 'Tapaamisen peruminen',
  'between.cancel.rule':
    'Sopimuksen mukaan tapaaminen perutaan viimeistään {hours, plural, one {# tunti} other {# tuntia}} ennen sen alkua.',
  'between.cancel.onTime': 'Jos perut nyt, perumisesta ei veloiteta.',
  'between.cancel.lateCharged':
    'Peruutusaika on jo alkanut. Jos perut nyt, peruminen kirjataan myöhäiseksi ja tapaaminen veloitetaan: {price}{vat}.',
  'between.cancel.lateFree':
    'Peruutusaika on jo alkanut. Jos perut nyt, peruminen kirjataan myöhäiseksi, mutta sopimuksen mukaan siitä ei veloiteta.',
  'between.cancel.vat': ' + alv {rate} %',
  'between.cancel.submit': 'Peru tapaaminen',
  'between.cancel.confirmHeading': 'Vahvista myöhäinen peruminen',
  'between.cancel.confirm': 'Vahvistan perumisen',
  'between.cancel.keep': 'En peru',
  'between.cancel.confirmLate': 'Peruutusaika on alkanut. Tarkista ehdot ja vahvista peruminen.',
  'between.cancel.group':
    'Ryhmän tapaamista ei voi perua täältä. Jos et pääse paikalle, kerro siitä työnohjaajalle alla.',
  'between.cancel.done': 'Tapaaminen on peruttu. Työnohjaajasi sai siitä tiedon.',

  'between.request.heading': 'Viesti työnohjaajalle',
  'between.request.lead':
    'Viesti ei varaa uutta aikaa. Työnohjaaja saa sähköpostiin ilmoituksen ja lukee viestin Ohjaamosta.',
  'between.request.kind': 'Asia',
  'between.request.kind.new_time': 'Pyydän uutta aikaa',
  'between.request.kind.cannot_attend': 'En pääse paikalle',
  'between.request.message': 'Viesti',
  'between.request.submit': 'Lähetä viesti',
  'between.request.sent': 'Viesti lähetetty työnohjaajalle.',
  'between.request.notComing': 'Viestin voi lähettää vain tulevasta tapaamisesta.',

  'between.staff.heading': 'Työnohjattavan merkinnät',
  'between.staff.lead': 'Työnohjattavan omat tekstit. Ne näkyvät vain hänelle ja sinulle.',
  'between.staff.empty': 'Työnohjattava ei ole kirjoittanut tähän tapaamiseen mitään.',
  'between.staff.reflection.before': 'Ennen tapaamista',
  'between.staff.reflection.after': 'Tapaamisen jälkeen',
  'between.staff.actions': 'Sovitut tehtävät',
  'between.staff.requests': 'Viestit',
  'between.staff.requestAt': '{kind}, {at}',

  'email.superviseeCancelled.subject': 'Tapaaminen {when} on peruttu',
  'email.superviseeCancelled.body':
    'Työnohjattava perui sopimuksen {code} tapaamisen {when} työnohjattavan sivuilla.',
  'email.superviseeCancelled.onTime': 'Peruminen tehtiin ajoissa, eikä sitä veloiteta.',
  'email.superviseeCancelled.lateCharged':
    'Peruminen tehtiin peruutusajan sisällä, ja tapaaminen veloitetaan sopimuksen mukaan.',
  'email.superviseeCancelled.lateNotCharged':
    'Peruminen tehtiin peruutusajan sisällä; sopimuksen mukaan sitä ei veloiteta.',
  'email.superviseeRequest.newTime.subject': 'Uuden ajan pyyntö: tapaaminen {when}',
  'email.superviseeRequest.newTime.body':
    'Työnohjattava pyytää uutta aikaa sopimuksen {code} tapaamiselle {when}.',
  'email.superviseeRequest.cannotAttend.subject': 'Poissaolo: tapaaminen {when}',
  'email.superviseeRequest.cannotAttend.body':
    'Sopimuksen {code} työnohjattava ilmoittaa, ettei pääse tapaamiseen {when}.',
  'email.superviseeRequest.readThere':
    'Viesti on luettavissa Ohjaamossa tapaamisen sivulla; sähköpostissa sitä ei lähetetä.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'portal.nav.actions': 'Actions',

  'between.actions.title': 'Actions',
  'between.actions.lead':
    'The actions agreed in your supervision. Mark what you have done. Only you and your supervisor see your marks and comments.',
  'between.actions.empty':
    'You have no agreed actions yet. They appear here when your supervisor publishes a session’s summary.',
  'between.actions.sessionHeading': 'Session on {date}',
  'between.actions.openSession': 'Open the session',
  'between.actions.state': 'Status',
  'between.actions.state.done': 'Done',
  'between.actions.state.not_done': 'Not done',
  'between.actions.state.none': 'Not marked',
  'between.actions.comment': 'Comment (optional)',
  'between.actions.save': 'Save',
  'between.actions.saved': 'Saved.',
  'between.actions.chooseState': 'Choose whether the action is done.',

  'between.session.title': 'Session on {date}',
  'between.session.time': 'Time',
  'between.session.timeValue': '{date}, {start}–{end}',
  'between.session.place': 'Place',
  'between.session.remote': 'Remote link',
  'between.session.noPlace': 'Your supervisor will tell you the place.',
  'between.session.status': 'Status',
  'between.session.cancelledLateCharged':
    'You cancelled inside the notice period; the session is charged as the contract says.',
  'between.session.summaryLink': 'Read the session’s summary',
  'between.session.back': 'Back to actions',

  'between.reflection.heading': 'Your reflections',
  'between.reflection.lead':
    'Only you and your supervisor see your reflections. You can edit them at any time; an empty text removes one.',
  'between.reflection.before': 'Before the session: what do I want to bring this time?',
  'between.reflection.after': 'After the session: what stayed with me?',
  'between.reflection.afterLater': 'You can write about the session once it has begun.',
  'between.reflection.save': 'Save the reflection',
  'between.reflection.saved': 'Reflection saved.',
  'between.reflection.notNow': 'This reflection cannot be written for this session now.',

  'between.cancel.heading': 'Cancelling the session',
  'between.cancel.rule':
    'The contract asks for a session to be cancelled at least {hours, plural, one {# hour} other {# hours}} before it begins.',
  'between.cancel.onTime': 'If you cancel now, there is no charge.',
  'between.cancel.lateCharged':
    'The notice period has begun. If you cancel now, it is recorded as a late cancellation and the session is charged: {price}{vat}.',
  'between.cancel.lateFree':
    'The notice period has begun. If you cancel now, it is recorded as a late cancellation, but the contract does not charge for it.',
  'between.cancel.vat': ' + VAT {rate} %',
  'between.cancel.submit': 'Cancel the session',
  'between.cancel.confirmHeading': 'Confirm the late cancellation',
  'between.cancel.confirm': 'I confirm the cancellation',
  'between.cancel.keep': 'Keep the session',
  'between.cancel.confirmLate':
    'The notice period has begun. Check the terms and confirm the cancellation.',
  'between.cancel.group':
    'A group’s session cannot be cancelled here. If you cannot come, tell your supervisor below.',
  'between.cancel.done': 'The session is cancelled. Your supervisor has been told.',

  'between.request.heading': 'Message to your supervisor',
  'between.request.lead':
    'A message books nothing. Your supervisor is told by e-mail and reads the message in Ohjaamo.',
  'between.request.kind': 'Subject',
  'between.request.kind.new_time': 'I would like a new time',
  'between.request.kind.cannot_attend': 'I cannot come',
  'between.request.message': 'Message',
  'between.request.submit': 'Send the message',
  'between.request.sent': 'Message sent to your supervisor.',
  'between.request.notComing': 'A message can only be sent about a coming session.',

  'between.staff.heading': 'From the supervisee',
  'between.staff.lead': 'The supervisee’s own texts. Only they and you see them.',
  'between.staff.empty': 'The supervisee has written nothing about this session.',
  'between.staff.reflection.before': 'Before the session',
  'between.staff.reflection.after': 'After the session',
  'between.staff.actions': 'Agreed actions',
  'between.staff.requests': 'Messages',
  'between.staff.requestAt': '{kind}, {at}',

  'email.superviseeCancelled.subject': 'Session on {when} cancelled',
  'email.superviseeCancelled.body':
    'The supervisee cancelled the session of contract {code} on {when} in the supervisee pages.',
  'email.superviseeCancelled.onTime': 'It was cancelled in time and is not charged.',
  'email.superviseeCancelled.lateCharged':
    'It was cancelled inside the notice period and is charged as the contract says.',
  'email.superviseeCancelled.lateNotCharged':
    'It was cancelled inside the notice period; the contract does not charge for it.',
  'email.superviseeRequest.newTime.subject': 'New time asked for: session on {when}',
  'email.superviseeRequest.newTime.body':
    'The supervisee asks for a new time for the session of contract {code} on {when}.',
  'email.superviseeRequest.cannotAttend.subject': 'Absence: session on {when}',
  'email.superviseeRequest.cannotAttend.body':
    'A supervisee of contract {code} says they cannot come to the session on {when}.',
  'email.superviseeRequest.readThere':
    'Read the message in Ohjaamo on the session’s page; it is not sent by e-mail.',
};
