/** Messages of the evaluations area, merged into the catalogues in app/i18n. */
export const fi = {
  'evaluations.title': 'Arvioinnit',
  'evaluations.new': 'Kirjaa arviointi',
  'evaluations.kind': 'Arviointivaihe',
  'evaluations.kind.start': 'Alkuarviointi',
  'evaluations.kind.middle': 'Väliarviointi',
  'evaluations.kind.end': 'Loppuarviointi',
  'evaluations.respondent': 'Kenen näkemys',
  'evaluations.respondentSupervisor': 'Työnohjaajan näkemys (oma)',
  'evaluations.respondentSupervisee': 'Työnohjattavan näkemys: {name}',
  'evaluations.scoresLegend': 'Tavoitteiden saavuttaminen (1 = ei lainkaan, 5 = täysin)',
  'evaluations.scoreNone': 'Ei arvioitu',
  'evaluations.scoreRange': 'Valitse arvo väliltä 1–5.',
  'evaluations.comment': 'Vapaa sana',
  'evaluations.commentHint': 'Tallennetaan salattuna.',
  'evaluations.save': 'Tallenna arviointi',
  'evaluations.none': 'Arviointeja ei ole vielä kirjattu.',
  'evaluations.noGoals':
    'Sopimukseen ei ole kirjattu tavoitteita. Voit silti kirjata sanallisen arvion.',
  'evaluations.saved': 'Arviointi tallennettu.',
  'evaluations.score': '{score}/5',
  'evaluations.commentWithheld': 'Sanallinen arvio näkyy vain sen kirjanneelle työnohjaajalle.',
  'evaluations.onePerPoint':
    'Kustakin arviointivaiheesta kirjataan yksi arviointi vastaajaa kohden: jos valitsemasi vaihe ja vastaaja on jo kirjattu, tallennus päivittää sen.',
  'evaluations.edit': 'Muokkaa',
  'evaluations.editTitle': 'Muokkaa arviointia',
  'evaluations.editLabel': 'Muokkaa arviointia: {what}',
  'evaluations.delete': 'Poista',
  'evaluations.deleteLabel': 'Poista arviointi: {what}',
  'evaluations.deleteConfirm':
    'Poistetaanko arviointi {what}? Pisteet ja vapaa sana poistuvat pysyvästi.',
  'evaluations.deleteYes': 'Kyllä, poista arviointi',
  'evaluations.cancel': 'Peruuta',
  'evaluations.deleted': 'Arviointi poistettu.',
  'evaluations.recordedByOther':
    'Tämän arvioinnin on kirjannut aiempi työnohjaaja, ja vain hän voi muokata sitä.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'evaluations.title': 'Evaluations',
  'evaluations.new': 'Record an evaluation',
  'evaluations.kind': 'Evaluation point',
  'evaluations.kind.start': 'Start evaluation',
  'evaluations.kind.middle': 'Mid-point evaluation',
  'evaluations.kind.end': 'Final evaluation',
  'evaluations.respondent': 'Whose view',
  'evaluations.respondentSupervisor': "The supervisor's view (mine)",
  'evaluations.respondentSupervisee': "The supervisee's view: {name}",
  'evaluations.scoresLegend': 'Goal attainment (1 = not at all, 5 = fully)',
  'evaluations.scoreNone': 'Not rated',
  'evaluations.scoreRange': 'Choose a value from 1 to 5.',
  'evaluations.comment': 'Comments',
  'evaluations.commentHint': 'Stored encrypted.',
  'evaluations.save': 'Save the evaluation',
  'evaluations.none': 'No evaluations recorded yet.',
  'evaluations.noGoals':
    'The contract records no goals. You can still record a written evaluation.',
  'evaluations.saved': 'Evaluation saved.',
  'evaluations.score': '{score}/5',
  'evaluations.commentWithheld':
    'The written comment is shown only to the supervisor who recorded it.',
  'evaluations.onePerPoint':
    'Each evaluation point has one evaluation per respondent: if the point and respondent you choose are already recorded, saving updates that evaluation.',
  'evaluations.edit': 'Edit',
  'evaluations.editTitle': 'Edit the evaluation',
  'evaluations.editLabel': 'Edit the evaluation: {what}',
  'evaluations.delete': 'Delete',
  'evaluations.deleteLabel': 'Delete the evaluation: {what}',
  'evaluations.deleteConfirm':
    'Delete the evaluation {what}? Its scores and comments are removed for good.',
  'evaluations.deleteYes': 'Yes, delete the evaluation',
  'evaluations.cancel': 'Cancel',
  'evaluations.deleted': 'Evaluation deleted.',
  'evaluations.recordedByOther':
    'This evaluation was recorded by an earlier supervisor; only they can edit it.',
};
