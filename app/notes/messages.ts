/** Messages of the notes area, merged into the catalogues in app/i18n. */
export const fi = {
  'notes.staleEdit':
    'Muistiinpanoa on muutettu toisessa ikkunassa sen jälkeen, kun avasit sen. Kumpikaan versio ei ole kadonnut: vertaa alla ja tallenna uudelleen.',
  'notes.cancelledSession': 'Peruttu istunto ei voi saada julkaistua yhteenvetoa.',
  'notes.nothingToPublish': 'Jaettu yhteenveto on tyhjä: kirjoita jotain ennen julkaisemista.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'notes.staleEdit':
    'The note was changed in another window after you opened it. Neither version is lost: compare below and save again.',
  'notes.cancelledSession': 'A cancelled session cannot have a published summary.',
  'notes.nothingToPublish': 'The shared summary is empty: write something before publishing.',
};
