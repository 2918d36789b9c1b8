/** Messages of the new practice's setup checklist, merged into the catalogues in app/i18n. */
export const fi = {
  'setup.title': 'Aloita tästä',
  'setup.lead':
    'Muutama askel, niin vastaanotto on valmis ensimmäiseen työnohjaukseen. Lista häviää, kun kaikki on tehty.',
  'setup.progress': '{done}/{total} tehty',
  'setup.done': 'Tehty',
  'setup.todo': 'Tekemättä',
  'setup.step.practice': 'Täydennä vastaanoton laskutustiedot (Y-tunnus, osoite ja tilinumero)',
  'setup.step.member': 'Kutsu työnohjaaja',
  'setup.step.commissioner': 'Lisää tilaaja',
  'setup.step.client': 'Lisää työnohjattava',
  'setup.step.contract': 'Tee työnohjaussopimus',
  'setup.step.session': 'Varaa ensimmäinen istunto',
  'setup.step.feed': 'Tilaa istunnot omaan kalenteriisi',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'setup.title': 'Getting started',
  'setup.lead':
    'A few steps and the practice is ready for its first supervision. This list goes away once everything is done.',
  'setup.progress': '{done} of {total} done',
  'setup.done': 'Done',
  'setup.todo': 'To do',
  'setup.step.practice':
    'Complete the practice’s invoicing details (business ID, address and account)',
  'setup.step.member': 'Invite a supervisor',
  'setup.step.commissioner': 'Add a commissioner',
  'setup.step.client': 'Add a supervisee',
  'setup.step.contract': 'Make a supervision contract',
  'setup.step.session': 'Book the first session',
  'setup.step.feed': 'Subscribe to your sessions in your own calendar',
};
