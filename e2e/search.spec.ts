/**
 * The search in the header: part of a supervisee's name, Enter, and the result leads to
 * their page — with JavaScript and without. The results page passes axe and fits a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { logIn } from './helpers';

const FIELD = 'Hae työnohjattavia, sopimuksia ja istuntoja';

async function searchForMaria(page: Page) {
  await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(page).toHaveURL(/\/today$/);
  const field = page.getByRole('search').getByRole('searchbox', { name: FIELD });
  await field.fill('lehto');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=lehto$/);
  await expect(page).toHaveTitle('Haku: lehto – Ohjaamo');
  // The field keeps what was searched.
  await expect(page.getByRole('searchbox', { name: FIELD })).toHaveValue('lehto');
  const supervisees = page.getByRole('region', { name: 'Työnohjattavat' });
  await expect(supervisees).toContainText('1 osuma');
  await supervisees.getByRole('link', { name: 'Maria Lehtonen' }).click();
  await expect(page).toHaveURL(/\/clients\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Maria Lehtonen');
}

test('a supervisee found from the header, followed to their page', async ({ page }) => {
  await searchForMaria(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search works as a plain form', async ({ page }) => {
    await searchForMaria(page);
  });
});

test('the results page passes axe and fits a 360 px phone', async ({ page }) => {
  // Six pages, each scanned by axe: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(page).toHaveURL(/\/today$/);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    for (const q of ['a', 'TO-2026', 'tyhjä haku ilman osumia']) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Haku');
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${q}: ${v.id}: ${v.help}`)).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, q).toBeLessThanOrEqual(viewport.width);
    }
  }
});
