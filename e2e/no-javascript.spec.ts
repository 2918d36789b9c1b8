import { expect, test } from '@playwright/test';

import { logIn, PASSWORD, uniqueEmail } from './helpers';

test.use({ javaScriptEnabled: false });

test('sign-up, its errors and the language switch work without JavaScript', async ({ page }) => {
  const email = uniqueEmail('ilman-js');
  await page.goto('/signup');
  await page.getByLabel('Vastaanoton nimi').fill('Hidas Yhteys Oy');
  await page.getByLabel('Nimi', { exact: true }).fill('Jaana Javaton');
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Salasana').fill('salasana123');
  await page.getByRole('button', { name: 'Luo tili' }).click();

  // The server answers with the form again: the error tied to its field, nothing lost.
  const password = page.getByLabel('Salasana');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-password-error')).toHaveText(
    'Tämä salasana on liian yleinen. Valitse jokin muu.',
  );
  // The summary links to the field.
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Tämä salasana on liian yleinen.' }),
  ).toHaveAttribute('href', '#field-password');
  await expect(page.getByLabel('Vastaanoton nimi')).toHaveValue('Hidas Yhteys Oy');
  await expect(page.getByLabel('Sähköposti')).toHaveValue(email);
  await page.screenshot({ path: 'test-results/screens/05-no-js-error.png', fullPage: true });

  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Luo tili' }).click();
  await expect(page).toHaveURL(/\/check-email$/);
  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/today$/);

  // A commissioner with a mistyped business ID: a translated error, nothing typed is lost.
  await page.goto('/commissioners/new');
  await page.getByLabel('Organisaation nimi').fill('Hitaan Yhteyden Kunta');
  await page.getByLabel('Y-tunnus').fill('1234567-8');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.locator('#field-businessId-error')).toContainText('Tarkista Y-tunnus');
  await expect(page.getByLabel('Organisaation nimi')).toHaveValue('Hitaan Yhteyden Kunta');
  await page.getByLabel('Y-tunnus').fill('1234567-1');
  await page.getByRole('button', { name: 'Luo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hitaan Yhteyden Kunta');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Business ID (Y-tunnus)')).toBeVisible();
});
