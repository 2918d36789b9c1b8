import { expect, test } from '@playwright/test';

import { signUp, uniqueEmail } from './helpers';

test('a supervisor registers a commissioner and a supervisee, finds and archives them', async ({
  page,
}) => {
  await signUp(page, uniqueEmail('rekisteri'), 'Rekisteri Oy');

  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työnohjattavat' })
    .click();
  await page.getByRole('link', { name: 'Tilaajat' }).click();
  // The page's button; an empty list offers the same step again.
  await page.getByRole('link', { name: 'Uusi tilaaja' }).first().click();
  await page.getByLabel('Organisaation nimi').fill('Kuopion kaupunki');
  await page.getByLabel('Y-tunnus').fill('0201256-7');
  await page.getByLabel('Postitoimipaikka').fill('Kuopio');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.locator('#field-businessId-error')).toHaveText(
    'Tarkista Y-tunnus: muoto on 1234567-8, ja viimeinen numero on tarkiste.',
  );
  await expect(page.getByLabel('Organisaation nimi')).toHaveValue('Kuopion kaupunki');
  await expect(page.getByLabel('Postitoimipaikka')).toHaveValue('Kuopio');
  await page.getByLabel('Y-tunnus').fill('0201256 6');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuopion kaupunki');
  await expect(page.getByText('0201256-6')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/10-commissioner.png', fullPage: true });

  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työnohjattavat' })
    .click();
  // The page's button; an empty list offers the same step again.
  await page.getByRole('link', { name: 'Uusi työnohjattava' }).first().click();
  await page.getByLabel('Nimi', { exact: true }).fill('Maija Meikäläinen');
  await page.getByLabel('Sähköposti').fill('maija@kuopio.example');
  await page.getByLabel('Tehtävänimike').fill('Päiväkodin johtaja');
  await page.getByLabel('Organisaatio').fill('Kuopion kaupunki');
  await page.getByLabel('Taustatiedot').fill('Johtaa kahta yksikköä, toinen uusi.');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maija Meikäläinen');
  await expect(page.getByText('Johtaa kahta yksikköä, toinen uusi.')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työnohjattavat' })
    .click();
  await page.getByLabel('Hae nimellä, sähköpostilla tai organisaatiolla').fill('päiväkodin');
  await page.getByRole('main').getByRole('button', { name: 'Hae' }).click();
  await expect(page.getByText('Haulla ei löytynyt mitään.')).toBeVisible();
  await page.getByLabel('Hae nimellä, sähköpostilla tai organisaatiolla').fill('kuopion');
  await page.getByRole('main').getByRole('button', { name: 'Hae' }).click();
  await page.getByRole('link', { name: 'Maija Meikäläinen' }).click();
  await page.getByRole('button', { name: 'Arkistoi' }).click();
  await expect(page.getByRole('button', { name: 'Palauta aktiiviseksi' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työnohjattavat' })
    .click();
  await expect(page.getByRole('link', { name: 'Maija Meikäläinen' })).toHaveCount(0);
  await page.getByLabel('Näytä').selectOption('archived');
  await page.getByRole('main').getByRole('button', { name: 'Hae' }).click();
  await expect(page.getByRole('link', { name: 'Maija Meikäläinen' })).toBeVisible();
});
