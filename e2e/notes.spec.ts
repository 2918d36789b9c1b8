import { expect, type Page, test } from '@playwright/test';

import { logIn } from './helpers';

/** Opens the notes of the demo owner's session held last week (TO-2026-001). */
async function openLastWeeksNotes(page: Page) {
  await page.goto('/calendar');
  await page.getByRole('link', { name: /Edellinen viikko/ }).click();
  await page
    .getByRole('link', { name: /TO-2026-001/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Muistiinpanot' }).click();
  await expect(page.getByRole('heading', { name: 'Istunnon muistiinpanot' })).toBeVisible();
}

test('a stale edit in a second window is shown side by side, and nothing typed is lost', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await logIn(first, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(first).toHaveURL(/\/today$/);
  await openLastWeeksNotes(first);
  const second = await context.newPage();
  await openLastWeeksNotes(second);

  const generalOf = (page: Page) =>
    page.getByLabel('Yksityinen muistiinpano (vain sinulle)').first();
  await generalOf(first).fill('Ensimmäisen ikkunan teksti');
  await first.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(first.getByTestId('save-status')).toHaveText(/Tallennettu klo/);

  await generalOf(second).fill('Toisen ikkunan teksti');
  await second.getByRole('button', { name: 'Tallenna', exact: true }).click();
  const conflict = second.getByRole('alert').filter({ hasText: 'Muistiinpanoa on muutettu' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Ensimmäisen ikkunan teksti');
  await expect(generalOf(second)).toHaveValue('Toisen ikkunan teksti');
  await second.screenshot({ path: 'test-results/screens/notes-conflict.png', fullPage: true });

  // Saving again now, knowingly, keeps the second window's text.
  await second.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(second.getByTestId('save-status')).toHaveText(/Tallennettu klo/);
  await first.reload();
  await expect(generalOf(first)).toHaveValue('Toisen ikkunan teksti');
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('notes are saved with the Save button', async ({ page }) => {
    await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
    await expect(page).toHaveURL(/\/today$/);
    await openLastWeeksNotes(page);
    const power = page.getByLabel('Yksityinen muistiinpano (vain sinulle)').nth(2);
    await power.fill('Kirjoitettu ilman JavaScriptiä');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.goto(page.url());
    await expect(page.getByLabel('Yksityinen muistiinpano (vain sinulle)').nth(2)).toHaveValue(
      'Kirjoitettu ilman JavaScriptiä',
    );
  });
});
