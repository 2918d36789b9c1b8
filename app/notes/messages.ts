/** Messages of the notes area, merged into the catalogues in app/i18n. */
export const fi = {
  'notes.timelineTitle': 'Teemat istunnoittain',
  'notes.timelineEmpty': 'Sopimuksella ei ole vielä istuntoja.',
  'notes.timelineAsText': 'Näytä tekstinä',
  'notes.timelineDate': 'Päivä',
  'notes.timelineHeading': 'Teemat ajan mittaan',
  'notes.promptBankTitle': 'Pohdintakysymykset',
  'notes.promptBankLead':
    'Muistiinpanojen vieressä näkyvät kysymykset teemoittain. Muokkaukset koskevat koko vastaanottoa. Kirjoita yksi kysymys riville, suomeksi ja englanniksi samassa järjestyksessä.',
  'notes.promptsFinnish': 'Suomeksi (yksi riville)',
  'notes.promptsEnglish': 'Englanniksi (yksi riville, samassa järjestyksessä)',
  'notes.promptsMismatch': 'Kysymyksiä on oltava sama määrä suomeksi ja englanniksi (1–30).',
  'notes.promptsReset': 'Palauta oletuskysymykset',
  'notes.promptBankLink': 'Pohdintakysymykset',
  'notes.title': 'Istunnon muistiinpanot',
  'notes.backToSession': '← Takaisin istuntoon',
  'notes.confidentiality':
    'Yksityiset muistiinpanot näet vain sinä – eivät vastaanoton omistaja, muut työnohjaajat eivätkä työnohjattava. Jaettu yhteenveto ja sovitut tehtävät näkyvät työnohjattavalle vasta, kun julkaiset ne. Kaikki teksti tallennetaan salattuna.',
  'notes.general': 'Yleistä',
  'notes.privateLabel': 'Yksityinen muistiinpano (vain sinulle)',
  'notes.sharedLabel': 'Jaettu yhteenveto (näkyy julkaisun jälkeen)',
  'notes.actions': 'Sovitut tehtävät',
  'notes.actionsHint': 'Yksi tehtävä riviä kohden. Työnohjattava voi merkitä ne tehdyiksi.',
  'notes.themesAddressed': 'Istunnon pääteemat',
  'notes.themesAuto': 'Päättele teemoista, joihin on kirjoitettu',
  'notes.save': 'Tallenna',
  'notes.publish': 'Tallenna ja julkaise yhteenveto',
  'notes.publishHint':
    'Julkaisu näyttää jaetun yhteenvedon ja sovitut tehtävät työnohjattavalle. Jos muokkaat ja julkaiset uudelleen, aiempi versio säilyy historiassa.',
  'notes.saving': 'Tallennetaan…',
  'notes.savedAt': 'Tallennettu klo {time}',
  'notes.publishedNow': 'Yhteenveto julkaistu (versio {revision}).',
  'notes.conflictHint':
    'Lomakkeessa on sinun tekstisi. Alla näkyy, mitä toiseen ikkunaan tallennettiin. Yhdistä tarvittaessa ja tallenna.',
  'notes.prompts': 'Pohdintakysymyksiä',
  'notes.promptsHint': 'Valmistautumisen ja kirjoittamisen tueksi.',
  'notes.publications': 'Julkaisut',
  'notes.notPublished': 'Yhteenvetoa ei ole vielä julkaistu.',
  'notes.revision': 'Versio {revision}',
  'notes.staleEdit':
    'Muistiinpanoa on muutettu toisessa ikkunassa sen jälkeen, kun avasit sen. Kumpikaan versio ei ole kadonnut: vertaa alla ja tallenna uudelleen.',
  'notes.publishNeedsHeld':
    'Yhteenvedon voi julkaista, kun istunto on merkitty pidetyksi. Voit kirjoittaa ja esikatsella sitä jo nyt.',
  'notes.privateReaders':
    'Vain sinä luet tämän. Sitä eivät näe työnohjattava, vastaanoton omistaja eivätkä muut työnohjaajat.',
  'notes.sharedReaders': 'Työnohjattava lukee tämän, kun julkaiset yhteenvedon.',
  'notes.preview': 'Tallenna ja esikatsele',
  'notes.previewTitle': 'Yhteenvedon esikatselu',
  'notes.previewLead':
    'Näin työnohjattava näkee yhteenvedon julkaisun jälkeen. Yksityiset muistiinpanot eivät näy hänelle.',
  'notes.previewBack': '← Takaisin muistiinpanoihin',
  'notes.summaryHeading': 'Työnohjauksen yhteenveto {date}',
  'notes.summaryEmpty': 'Yhteenvedossa ei ole vielä tekstiä.',
  'notes.nothingToPublish': 'Jaettu yhteenveto on tyhjä: kirjoita jotain ennen julkaisemista.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'notes.timelineTitle': 'Themes by session',
  'notes.timelineEmpty': 'The contract has no sessions yet.',
  'notes.timelineAsText': 'Show as text',
  'notes.timelineDate': 'Date',
  'notes.timelineHeading': 'Themes over time',
  'notes.promptBankTitle': 'Reflective prompts',
  'notes.promptBankLead':
    'The questions shown beside the notes, by theme. Changes apply to the whole practice. Write one question per line, in Finnish and in English in the same order.',
  'notes.promptsFinnish': 'In Finnish (one per line)',
  'notes.promptsEnglish': 'In English (one per line, same order)',
  'notes.promptsMismatch': 'There must be as many questions in Finnish as in English (1–30).',
  'notes.promptsReset': 'Restore the default questions',
  'notes.promptBankLink': 'Reflective prompts',
  'notes.title': 'Session notes',
  'notes.backToSession': '← Back to the session',
  'notes.confidentiality':
    'Only you can read the private notes – not the practice owner, other supervisors or the supervisee. The shared summary and agreed actions reach the supervisee only when you publish them. All text is stored encrypted.',
  'notes.general': 'General',
  'notes.privateLabel': 'Private note (only for you)',
  'notes.sharedLabel': 'Shared summary (visible once published)',
  'notes.actions': 'Agreed actions',
  'notes.actionsHint': 'One action per line. The supervisee can mark them done.',
  'notes.themesAddressed': 'Main themes of the session',
  'notes.themesAuto': 'Derive from the themes written about',
  'notes.save': 'Save',
  'notes.publish': 'Save and publish the summary',
  'notes.publishHint':
    'Publishing shows the shared summary and agreed actions to the supervisee. If you edit and publish again, the earlier version stays in the history.',
  'notes.saving': 'Saving…',
  'notes.savedAt': 'Saved at {time}',
  'notes.publishedNow': 'Summary published (version {revision}).',
  'notes.conflictHint':
    'The form holds your text. Below is what was saved in the other window. Merge if needed and save.',
  'notes.prompts': 'Reflective prompts',
  'notes.promptsHint': 'To help in preparing and writing.',
  'notes.publications': 'Publications',
  'notes.notPublished': 'The summary has not been published yet.',
  'notes.revision': 'Version {revision}',
  'notes.staleEdit':
    'The note was changed in another window after you opened it. Neither version is lost: compare below and save again.',
  'notes.publishNeedsHeld':
    'The summary can be published once the session is marked held. You can already write and preview it.',
  'notes.privateReaders':
    'Only you read this. The supervisee, the practice owner and other supervisors never see it.',
  'notes.sharedReaders': 'The supervisee reads this once you publish the summary.',
  'notes.preview': 'Save and preview',
  'notes.previewTitle': 'Summary preview',
  'notes.previewLead':
    'This is how the supervisee sees the summary once it is published. Your private notes are not shown to them.',
  'notes.previewBack': '← Back to the notes',
  'notes.summaryHeading': 'Supervision summary {date}',
  'notes.summaryEmpty': 'The summary has no text yet.',
  'notes.nothingToPublish': 'The shared summary is empty: write something before publishing.',
};
