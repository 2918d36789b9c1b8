/** Messages of the mail to supervisees, merged into the catalogues in app/i18n. */
export const fi = {
  'sessionMail.title': 'Työnohjaus',
  'sessionMail.booked.subject': 'Työnohjausaika {date} klo {time}',
  'sessionMail.booked.body': 'Sinulle on varattu työnohjausaika:',
  'sessionMail.changed.subject': 'Työnohjausaika muuttui: {date} klo {time}',
  'sessionMail.changed.body': 'Työnohjausaikasi tiedot ovat muuttuneet. Nyt voimassa:',
  'sessionMail.changed.previous': 'Aiempi aika oli {date} klo {time}.',
  'sessionMail.cancelled.subject': 'Työnohjausaika peruttu: {date} klo {time}',
  'sessionMail.cancelled.body': 'Tämä työnohjausaika on peruttu:',
  'sessionMail.reminder.subject': 'Muistutus: työnohjaus {date} klo {time}',
  'sessionMail.reminder.body': 'Muistutus tulevasta työnohjauksestasi:',
  'sessionMail.when': 'Aika: {date} klo {start}–{end}',
  'sessionMail.place': 'Paikka: {place}',
  'sessionMail.remote': 'Etäyhteys: {link}',
  'sessionMail.supervisor': 'Työnohjaaja: {name}',
  'sessionMail.calendar.request':
    'Liitteenä on kalenterimerkintä. Kun lisäät sen kalenteriisi, myöhemmät muutokset päivittävät saman merkinnän.',
  'sessionMail.calendar.cancel': 'Liitteen avulla kalenterisi poistaa merkinnän.',
  'sessionMail.questions': 'Kysyttävää? Ota yhteyttä työnohjaajaasi.',
  'sessionMail.summary.subject': 'Työnohjauksen yhteenveto {date}',
  'sessionMail.summary.body':
    'Työnohjaajasi on julkaissut yhteenvedon istunnosta {date}. Voit lukea sen Ohjaamon portaalissa:',
  'sessionMail.settings.title': 'Viestit työnohjattaville',
  'sessionMail.settings.lead':
    'Työnohjattavat, joiden sähköpostiosoite on tallennettu, saavat viestin ajan varaamisesta, muuttamisesta ja perumisesta kalenterimerkinnän kera, muistutuksen ennen istuntoa ja tiedon julkaistusta yhteenvedosta. Viesteissä ei ole muistiinpanojen tekstiä.',
  'sessionMail.settings.hours': 'Muistutus tuntia ennen istuntoa',
  'sessionMail.settings.hoursHint': '0 = muistutuksia ei lähetetä. Enintään 168 tuntia (viikko).',
  'sessionMail.settings.invalidHours': 'Anna tuntimäärä kokonaislukuna väliltä 0–168.',
  'sessionMail.settings.save': 'Tallenna muistutusasetus',
  'sessionMail.settings.current':
    'Muistutus lähtee {hours, plural, one {# tunti} other {# tuntia}} ennen istuntoa.',
  'sessionMail.settings.off': 'Muistutuksia ei lähetetä.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'sessionMail.title': 'Supervision',
  'sessionMail.booked.subject': 'Supervision session on {date} at {time}',
  'sessionMail.booked.body': 'A supervision session has been booked for you:',
  'sessionMail.changed.subject': 'Supervision session changed: {date} at {time}',
  'sessionMail.changed.body': 'Your supervision session has changed. It is now:',
  'sessionMail.changed.previous': 'The earlier time was {date} at {time}.',
  'sessionMail.cancelled.subject': 'Supervision session cancelled: {date} at {time}',
  'sessionMail.cancelled.body': 'This supervision session has been cancelled:',
  'sessionMail.reminder.subject': 'Reminder: supervision on {date} at {time}',
  'sessionMail.reminder.body': 'A reminder of your coming supervision session:',
  'sessionMail.when': 'When: {date}, {start}–{end}',
  'sessionMail.place': 'Place: {place}',
  'sessionMail.remote': 'Remote link: {link}',
  'sessionMail.supervisor': 'Supervisor: {name}',
  'sessionMail.calendar.request':
    'A calendar entry is attached. Once you add it to your calendar, later changes update the same entry.',
  'sessionMail.calendar.cancel': 'The attachment lets your calendar remove the entry.',
  'sessionMail.questions': 'Questions? Please contact your supervisor.',
  'sessionMail.summary.subject': 'Supervision summary of {date}',
  'sessionMail.summary.body':
    'Your supervisor has published a summary of the session on {date}. You can read it in the Ohjaamo portal:',
  'sessionMail.settings.title': 'Mail to supervisees',
  'sessionMail.settings.lead':
    'Supervisees whose e-mail address is saved are mailed when a session is booked, changed or cancelled (with a calendar entry), reminded before each session, and told when a summary is published. No note text is ever in these mails.',
  'sessionMail.settings.hours': 'Reminder, hours before a session',
  'sessionMail.settings.hoursHint': '0 = no reminders. At most 168 hours (a week).',
  'sessionMail.settings.invalidHours': 'Enter the hours as a whole number from 0 to 168.',
  'sessionMail.settings.save': 'Save reminder setting',
  'sessionMail.settings.current':
    'Reminders go {hours, plural, one {# hour} other {# hours}} before a session.',
  'sessionMail.settings.off': 'No reminders are sent.',
};
