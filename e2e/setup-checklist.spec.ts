import { expect, type Page, test } from '@playwright/test';

import { confirmAddress, signUp, uniqueEmail } from './helpers';
import { helsinkiDate } from './helsinki';

const checklist = (page: Page) => page.getByRole('region', { name: 'Aloita tästä' });

/** Back on Today, the step is struck through and counted; the next one is a link. */
async function stepDone(page: Page, step: string, done: number) {
  await page.getByRole('link', { name: 'Tänään', exact: true }).click();
  await expect(checklist(page).getByText(`${done}/7 tehty`)).toBeVisible();
  await expect(checklist(page).getByRole('link', { name: new RegExp(step) })).toHaveCount(0);
  await expect(checklist(page).getByText(step)).toBeVisible();
}

test('a new practice follows the setup checklist on Today to a booked session, and the list goes away', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('uusi');
  await signUp(page, email, 'Työnohjaus Aamunkoi');
  await expect(checklist(page)).toBeVisible();
  await expect(checklist(page).getByText('0/7 tehty')).toBeVisible();
  await expect(checklist(page).getByRole('link')).toHaveCount(7);

  await checklist(page)
    .getByRole('link', { name: /Lisää tilaaja/ })
    .click();
  await page.getByLabel('Organisaation nimi').fill('Joensuun kaupunki');
  await page.getByLabel('Y-tunnus').fill('0201256-6');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joensuun kaupunki');
  await stepDone(page, 'Lisää tilaaja', 1);

  await checklist(page)
    .getByRole('link', { name: /Lisää työnohjattava/ })
    .click();
  await page.getByLabel('Nimi', { exact: true }).fill('Terhi Tiiminvetäjä');
  await page.getByLabel('Organisaatio').fill('Joensuun kaupunki');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terhi Tiiminvetäjä');
  await stepDone(page, 'Lisää työnohjattava', 2);

  await checklist(page)
    .getByRole('link', { name: /Tee työnohjaussopimus/ })
    .click();
  await page.getByLabel('Tilaaja', { exact: true }).selectOption({ label: 'Joensuun kaupunki' });
  await page.getByLabel(/Terhi Tiiminvetäjä/).check();
  await page.getByLabel('Sovittujen istuntojen määrä').fill('8');
  await page.getByLabel('Alkamispäivä').fill(helsinkiDate(1));
  await page.getByLabel('Istunnon hinta (€, ilman ALV:tä)').fill('140');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TO-');
  await page.getByRole('button', { name: 'Ota sopimus käyttöön' }).click();
  await expect(page.getByText('Voimassa', { exact: true })).toBeVisible();
  await stepDone(page, 'Tee työnohjaussopimus', 3);

  await checklist(page)
    .getByRole('link', { name: /Varaa ensimmäinen istunto/ })
    .click();
  await page.getByLabel('Sopimus').selectOption({ index: 1 });
  await page.getByLabel('Päivämäärä').fill(helsinkiDate(1));
  await page.getByLabel('Alkamisaika').fill('10:00');
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await expect(page).toHaveURL(/\/sessions\/[\w-]+$/);
  await stepDone(page, 'Varaa ensimmäinen istunto', 4);
  // The booked session is on Today too, under the coming week.
  await expect(page.getByText('Terhi Tiiminvetäjä').first()).toBeVisible();

  // The rest: invoicing details, a colleague invited, the calendar feed.
  await checklist(page)
    .getByRole('link', { name: /laskutustiedot/ })
    .click();
  await page.getByLabel('Virallinen nimi').fill('Työnohjaus Aamunkoi Oy');
  await page.getByLabel('Katuosoite').fill('Kauppakatu 3');
  await page.getByLabel('Postinumero').fill('80100');
  await page.getByLabel('Postitoimipaikka').fill('Joensuu');
  await page.getByLabel('Y-tunnus').fill('2345678-0');
  await page.getByLabel('IBAN-tilinumero').fill('FI21 1234 5600 0007 85');
  await page.getByRole('button', { name: 'Tallenna laskutustiedot' }).click();
  await expect(page.getByText('Laskutustiedot tallennettu.')).toBeVisible();
  await stepDone(page, 'laskutustiedot', 5);

  await confirmAddress(page, email);
  await page.goto('/today');
  await checklist(page)
    .getByRole('link', { name: /Kutsu työnohjaaja/ })
    .click();
  await page.getByLabel('Sähköposti').fill(uniqueEmail('kollega'));
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(page.getByRole('status')).toContainText('Kutsu lähetetty');
  await stepDone(page, 'Kutsu työnohjaaja', 6);

  await checklist(page)
    .getByRole('link', { name: /Tilaa istunnot/ })
    .click();
  await page.getByRole('button', { name: 'Luo tilausosoite' }).click();
  await expect(page.getByText('Tilausosoite luotu.')).toBeVisible();
  // The address is shown once: the copy button puts it on the clipboard and says so.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const address = await page.getByLabel('Tilausosoite').inputValue();
  expect(address).toMatch(/\/feeds\/[^/]+\.ics$/);
  await page.getByRole('button', { name: 'Kopioi osoite' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kopioitu' })).toHaveText(
    'Kopioitu leikepöydälle.',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  await page.getByRole('link', { name: 'Tänään', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tänään');
  await expect(checklist(page)).toHaveCount(0);
});
