import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { logIn } from './helpers';
import { helsinkiDate, laterDate, shownDate } from './helsinki';

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('a supervisor’s day from Today: outcome, notes, summary, the next session', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // The demo owner supervises Maria Lehtonen's individual contract (every three weeks). A
  // session two days ago at 7.25 was never recorded; the demo has nothing else at that time.
  const date = helsinkiDate(-2);
  const nextDate = laterDate(date, 21);

  await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tänään');
  await expect(page.getByRole('link', { name: 'Tänään' })).toHaveAttribute('aria-current', 'page');

  // Recorded afterwards: the past time asks for confirmation.
  await page.goto('/sessions/new');
  await page.getByLabel('Sopimus').selectOption({ label: 'TO-2026-001 – Maria Lehtonen' });
  await page.getByLabel('Päivämäärä').fill(date);
  await page.getByLabel('Alkamisaika').fill('07:25');
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await page.getByLabel('Kirjaan jo pidetyn tai menneen istunnon').check();
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Maria Lehtonen');

  // Today lists it, waiting for its outcome.
  await page.getByRole('link', { name: 'Tänään' }).click();
  const waiting = page.getByRole('region', { name: 'Odottaa sinua' });
  const item = waiting.getByRole('listitem').filter({ hasText: shownDate(date) });
  await expect(item).toContainText('klo 7.25–8.25');
  await expect(item).toContainText('Sairaalantie 3');
  await expectNoAccessibilityViolations(page);
  await item.getByRole('link', { name: /Kirjaa toteutuminen/ }).click();

  // The session page: who, when and where in the heading; mark it held.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Maria Lehtonen');
  await expect(heading).toContainText(`${shownDate(date)} klo 7.25–8.25`);
  await expect(page.getByText('Paikka: Sairaalantie 3, neuvotteluhuone 2')).toBeVisible();
  const sessionUrl = page.url().replace(/#.*$/, '');
  await page.getByRole('button', { name: 'Merkitse pidetyksi' }).click();

  // Next: notes, then the summary.
  const nextStep = page.getByRole('region', { name: 'Seuraava vaihe' });
  await nextStep.getByRole('link', { name: 'Kirjoita muistiinpanot' }).click();
  await page
    .getByLabel('Jaettu yhteenveto (näkyy julkaisun jälkeen)')
    .nth(1)
    .fill('Puhuimme siitä, mihin oma rooli päättyy.');
  await expect(page.getByTestId('save-status')).toHaveText(/Tallennettu klo/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Tallenna ja julkaise yhteenveto' }).click();
  await expect(page.getByText('Yhteenveto julkaistu (versio 1).')).toBeVisible();

  // The demo's next session of the contract comes before the rhythm's date, so the page names
  // it. Maria has called it off; with it cancelled, the page proposes the rhythm's date.
  await page.goto(sessionUrl);
  await expect(nextStep).toContainText('Seuraava istunto on varattu:');
  await nextStep.getByRole('link', { name: 'Avaa seuraava istunto' }).click();
  const cancel = page.getByRole('region', { name: 'Peru istunto' });
  await cancel.getByLabel('Kuka perui?').selectOption('supervisee');
  await cancel.getByLabel('Peruutuksen syy').fill('Lomamatka');
  await cancel.getByLabel('Haluan perua tämän istunnon').check();
  await cancel.getByRole('button', { name: 'Peru istunto' }).click();
  await expect(page.getByText('Peruttu').first()).toBeVisible();

  // Then the next session, three weeks on at the same time, in one click.
  await page.goto(sessionUrl);
  await expect(nextStep.getByRole('link', { name: 'Valitse toinen aika' })).toHaveAttribute(
    'href',
    new RegExp(`^/sessions/new\\?contractId=[\\w-]+&date=${nextDate}&time=07%3A25$`),
  );
  await nextStep
    .getByRole('button', {
      name: new RegExp(`^Varaa seuraava: \\w+ ${shownDate(nextDate)} klo 7\\.25$`),
    })
    .click();
  await expect(
    nextStep.getByText(`Seuraava istunto on varattu: ${shownDate(nextDate)} klo 7.25.`),
  ).toBeVisible();

  // Today no longer lists it.
  await page.getByRole('link', { name: 'Tänään' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tänään');
  await expect(waiting.getByRole('listitem').filter({ hasText: shownDate(date) })).toHaveCount(0);
});

test('a no-show asks for confirmation first', async ({ page }) => {
  const date = helsinkiDate(-3);
  await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/sessions/new');
  await page.getByLabel('Sopimus').selectOption({ label: 'TO-2026-001 – Maria Lehtonen' });
  await page.getByLabel('Päivämäärä').fill(date);
  await page.getByLabel('Alkamisaika').fill('06:10');
  await page.getByRole('button', { name: 'Varaa istunto' }).click();
  await page.getByLabel('Kirjaan jo pidetyn tai menneen istunnon').check();
  await page.getByRole('button', { name: 'Varaa istunto' }).click();

  await page.getByRole('button', { name: 'Merkitse: ei saapunut' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Vahvista poisjäänti rastittamalla ruutu.');
  await page.getByLabel('Vahvistan, että kukaan ei saapunut istuntoon').check();
  await page.getByRole('button', { name: 'Merkitse: ei saapunut' }).click();
  await expect(page.getByText('Ei saapunut', { exact: true }).first()).toBeVisible();
});
