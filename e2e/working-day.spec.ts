import { expect, type Page, test } from '@playwright/test';

import { signUp, uniqueEmail } from './helpers';
import { DAY, helsinkiHourFromNow } from './helsinki';

let shot = 0;
const screenshot = (page: Page, name: string) =>
  page.screenshot({
    path: `test-results/screens/day-${String(++shot).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });

async function bookSession(page: Page, when: { date: string; time: string }) {
  await page.getByRole('link', { name: 'Kalenteri' }).click();
  await page.getByRole('link', { name: 'Uusi istunto' }).click();
  // The calendar has a "Sopimus" filter of its own: wait until the booking form has replaced it.
  await expect(page.getByRole('heading', { level: 1, name: 'Uusi istunto' })).toBeVisible();
  await page.getByLabel('Sopimus').selectOption({ index: 1 });
  await page.getByLabel('Päivämäärä').fill(when.date);
  await page.getByLabel('Alkamisaika').fill(when.time);
}

test('a supervisor’s working day: commissioner, client, contract, series, notes, publish, late cancel', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page, uniqueEmail('tyopaiva'), 'Työpäivä Oy');

  // A commissioner and a supervisee.
  await page.goto('/commissioners/new');
  await page.getByLabel('Organisaation nimi').fill('Savonlinnan kaupunki');
  await page.getByLabel('Y-tunnus').fill('0201256-6');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Savonlinnan kaupunki');
  await page.goto('/clients/new');
  await page.getByLabel('Nimi', { exact: true }).fill('Pekka Päällikkö');
  await page.getByLabel('Organisaatio').fill('Savonlinnan kaupunki');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pekka Päällikkö');

  // The contract.
  await page.getByRole('link', { name: 'Sopimukset' }).click();
  // The page's button; an empty list offers the same step again.
  await page.getByRole('link', { name: 'Uusi sopimus' }).first().click();
  await page.getByLabel('Tilaaja', { exact: true }).selectOption({ label: 'Savonlinnan kaupunki' });
  await page.getByLabel(/Pekka Päällikkö/).check();
  await page.getByLabel('Sovittujen istuntojen määrä').fill('10');
  await page.getByLabel('Alkamispäivä').fill(helsinkiHourFromNow(-30 * DAY).date);
  await page
    .getByLabel('Ohjaava kysymys')
    .fill('Miten johdan muutosta niin, että tiimi pysyy mukana?');
  await page.getByLabel('Tavoite 1', { exact: true }).fill('Selkeämpi rooli muutoksessa');
  await page.getByLabel('Tavoitteen 1 teema').selectOption('role');
  await page.getByLabel('Istunnon hinta (€, ilman ALV:tä)').fill('150,50');
  await screenshot(page, 'contract-form');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TO-');
  await page.getByRole('button', { name: 'Ota sopimus käyttöön' }).click();
  await expect(page.getByText('Voimassa', { exact: true })).toBeVisible();
  await screenshot(page, 'contract');

  // A series: every three weeks, four times, from a week ahead.
  await bookSession(page, { date: helsinkiHourFromNow(7 * DAY).date, time: '09:00' });
  await page.getByLabel('Varaa toistuva sarja').check();
  await page.getByLabel('Toistuu joka N. viikko').fill('3');
  await page.getByLabel('Kertoja yhteensä').fill('4');
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await expect(page).toHaveURL(/\/calendar/);
  await screenshot(page, 'calendar');

  // A session held last week, recorded afterwards: the past time asks for confirmation.
  await bookSession(page, { date: helsinkiHourFromNow(-7 * DAY).date, time: '10:00' });
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await page.getByLabel('Kirjaan jo pidetyn tai menneen istunnon').check();
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await page.getByRole('button', { name: 'Merkitse pidetyksi' }).click();
  await page.getByRole('link', { name: 'Muistiinpanot' }).click();

  // Four-theme notes: private and shared parts, an agreed action; then publish.
  await page
    .getByLabel('Yksityinen muistiinpano (vain sinulle)')
    .nth(1)
    .fill('Roolit sekoittuvat kokouksissa.');
  await page
    .getByLabel('Jaettu yhteenveto (näkyy julkaisun jälkeen)')
    .nth(1)
    .fill('Valta-asiat puhuttivat.');
  await page.getByLabel('Yksi tehtävä riviä kohden.').fill('Kokeile uutta kokousrunkoa');
  await expect(page.getByTestId('save-status')).toHaveText(/Tallennettu klo/, { timeout: 10_000 });
  await screenshot(page, 'notes');
  await page.getByRole('button', { name: 'Tallenna ja julkaise yhteenveto' }).click();
  await expect(page.getByText('Yhteenveto julkaistu (versio 1).')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Yksityinen muistiinpano (vain sinulle)').nth(1)).toHaveValue(
    'Roolit sekoittuvat kokouksissa.',
  );

  // A session in three hours, cancelled by the supervisee: inside the 24-hour notice, so it
  // is charged.
  await bookSession(page, helsinkiHourFromNow(3 * 60 * 60 * 1000));
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await expect(
    page.getByText(
      'Tämä on myöhäinen peruutus: jos työnohjattava perui, istunto laskutetaan sopimuksen mukaan.',
    ),
  ).toBeVisible();
  await page.getByLabel('Kuka perui?').selectOption('supervisee');
  await page.getByLabel('Peruutuksen syy').fill('Sairastuminen');
  await page.getByLabel('Haluan perua tämän istunnon').check();
  await page.getByRole('button', { name: 'Peru istunto' }).click();
  await expect(page.getByText('Peruttu').first()).toBeVisible();
  await screenshot(page, 'late-cancel');
});
