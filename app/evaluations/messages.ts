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
  'evaluations.answeredInPortal':
    'Työnohjattava on vastannut tähän itse omilla sivuillaan; vain hän voi muuttaa vastaustaan.',
  'evaluations.inPortal': 'vastattu työnohjattavan sivuilla',

  'portalEvaluations.nav': 'Arvioinnit',
  'portalEvaluations.title': 'Arvioinnit',
  'portalEvaluations.lead':
    'Työnohjauksen alussa, puolivälissä ja lopussa arvioit, miten yhteistyö toimii ja miten tavoitteet toteutuvat. Vastauksesi näkee sopimuksesi työnohjaaja; sanallista arviotasi ei näytetä tilaajalle.',
  'portalEvaluations.empty': 'Sinulla ei ole käynnissä olevia sopimuksia.',
  'portalEvaluations.contract': 'Sopimus {code}',
  'portalEvaluations.open': 'Avoinna: voit vastata nyt.',
  'portalEvaluations.opensAt': 'Avautuu {date}.',
  'portalEvaluations.opensAfter':
    'Avautuu, kun {count, plural, one {ensimmäinen tapaaminen} other {# tapaamista}} on pidetty.',
  'portalEvaluations.notYet': 'Ei vielä avoinna.',
  'portalEvaluations.answered': 'Vastattu {date}. Voit muuttaa vastaustasi.',
  'portalEvaluations.recordedForYou':
    'Työnohjaajasi on kirjannut näkemyksesi {date}. Pyydä häntä muuttamaan sitä tarvittaessa.',
  'portalEvaluations.save': 'Tallenna arviointi',
  'portalEvaluations.saved': 'Arviointi tallennettu ja jaettu työnohjaajallesi.',
  'portalEvaluations.notOpen': 'Tämä arviointi ei ole vielä avoinna.',
  'portalEvaluations.recordedBySupervisor':
    'Työnohjaajasi on jo kirjannut tämän arvioinnin puolestasi, joten et voi muuttaa sitä täällä.',
  'portalEvaluations.commentHint':
    'Tallennetaan salattuna. Näkyy sinulle ja sopimuksesi työnohjaajalle.',
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
  'evaluations.answeredInPortal':
    'The supervisee answered this themself on their own pages; only they can change the answer.',
  'evaluations.inPortal': 'answered on the supervisee pages',

  'portalEvaluations.nav': 'Evaluations',
  'portalEvaluations.title': 'Evaluations',
  'portalEvaluations.lead':
    'At the start, in the middle and at the end of your supervision you evaluate how the collaboration works and how your goals are met. Your contract’s supervisor sees your answers; your written comments are never shown to the commissioner.',
  'portalEvaluations.empty': 'You have no contracts under way.',
  'portalEvaluations.contract': 'Contract {code}',
  'portalEvaluations.open': 'Open: you can answer now.',
  'portalEvaluations.opensAt': 'Opens on {date}.',
  'portalEvaluations.opensAfter':
    'Opens once {count, plural, one {the first session has} other {# sessions have}} been held.',
  'portalEvaluations.notYet': 'Not open yet.',
  'portalEvaluations.answered': 'Answered on {date}. You can change your answer.',
  'portalEvaluations.recordedForYou':
    'Your supervisor recorded your view on {date}. Ask them to change it if needed.',
  'portalEvaluations.save': 'Save the evaluation',
  'portalEvaluations.saved': 'Evaluation saved and shared with your supervisor.',
  'portalEvaluations.notOpen': 'This evaluation is not open yet.',
  'portalEvaluations.recordedBySupervisor':
    'Your supervisor has already recorded this evaluation for you, so you cannot change it here.',
  'portalEvaluations.commentHint':
    'Stored encrypted. Shown to you and to your contract’s supervisor.',
};
