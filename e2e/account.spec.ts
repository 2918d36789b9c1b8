import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { logIn, logOut, PASSWORD, signUp, uniqueEmail } from './helpers';
import { measure, PHONE } from './phone-check';

test('a forgotten password is reset with the mailed link, which works once', async ({
  page,
  browser,
}) => {
  // Two browsers, a phone check and a sign-up: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const email = uniqueEmail('unohtaja');
  await signUp(page, email, 'Muistamaton Oy');
  await logOut(page, /Riikka Revontuli/);

  await page.getByRole('link', { name: 'Unohditko salasanan?' }).click();
  await expect(page.getByRole('heading', { name: 'Unohtunut salasana' })).toBeVisible();
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByRole('button', { name: 'Lähetä linkki' }).click();
  await expect(page.getByRole('status')).toContainText('Jos osoitteella on tili');

  // The demo owner reads the development outbox, where account mail also lands.
  const reader = await browser.newContext();
  const mailPage = await reader.newPage();
  await logIn(mailPage, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(mailPage).toHaveURL(/\/today$/);
  await mailPage.goto('/dev/mail');
  const mail = mailPage
    .getByRole('article', { name: 'Uuden salasanan asettaminen' })
    .filter({ hasText: email });
  const link = ((await mail.locator('pre').textContent()) ?? '').match(
    /https?:\/\/\S+\/reset-password\/[\w-]+/,
  )?.[0];
  await reader.close();
  expect(link, 'the reset mail carries a link').toBeTruthy();

  // The mail is read on a phone as often as not: the page fits 360 px and passes the phone
  // check (opening it spends nothing).
  const phone = await browser.newContext({ viewport: PHONE });
  const onPhone = await measure(await phone.newPage(), link ?? '', 'public');
  expect(onPhone.map((f) => `${f.address}: ${f.problem}`)).toEqual([]);
  await phone.close();

  await page.goto(link ?? '');
  await page.getByLabel('Uusi salasana').fill('uusi-muistettava-salasana');
  await page.getByRole('button', { name: 'Tallenna salasana' }).click();
  await expect(page).toHaveURL(/\/today$/);

  await page.goto(link ?? '');
  await expect(page.getByRole('alert')).toContainText('Linkki on vanhentunut tai jo käytetty');
});

test('the password is changed in the settings, with the current one required', async ({ page }) => {
  const email = uniqueEmail('vaihtaja');
  await signUp(page, email, 'Vaihtuva Oy');
  await page.getByRole('link', { name: 'Asetukset' }).first().click();
  await page.getByLabel('Nykyinen salasana').fill('ei-tämä-salasana');
  await page.getByLabel('Uusi salasana').fill('kokonaan-uusi-salasana');
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await expect(page.locator('#field-currentPassword-error')).toHaveText(
    'Nykyinen salasana on väärin.',
  );

  await page.getByLabel('Nykyinen salasana').fill(PASSWORD);
  await page.getByLabel('Uusi salasana').fill('kokonaan-uusi-salasana');
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Salasana vaihdettu. Muut istuntosi on kirjattu ulos.',
  );
  await logOut(page, /Riikka Revontuli/);
  await logIn(page, email, 'kokonaan-uusi-salasana');
  await expect(page).toHaveURL(/\/today$/);
});

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
  );
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

test('pages pass an automated accessibility check and log no browser errors', async ({ page }) => {
  // Twenty-one pages, each scanned by axe: more than the default 30 s, and more than three
  // times that (test.slow) on a busy 2-core machine.
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  for (const path of ['/', '/login', '/signup', '/forgot-password']) {
    await page.goto(path);
    await expectNoAccessibilityViolations(page);
  }
  await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(page).toHaveURL(/\/today$/);
  for (const path of [
    '/calendar',
    '/clients',
    '/clients/new',
    '/commissioners',
    '/commissioners/new',
    '/billing',
    '/settings',
    '/settings/members',
    '/settings/calendar',
    '/settings/prompts',
    '/settings/invoicing',
    '/contracts',
    '/contracts/new',
    '/sessions/new',
  ]) {
    await page.goto(path);
    await expectNoAccessibilityViolations(page);
  }
  // The demo's pages with data: a contract with its theme chart, a session and its notes.
  await page.goto('/contracts');
  await page.getByRole('link', { name: 'TO-2026-001' }).click();
  await expect(page.getByRole('img', { name: /Teemat istunnoittain/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('link', { name: 'Arvioinnit' }).click();
  await expectNoAccessibilityViolations(page);
  await page.goto('/calendar');
  await expectNoAccessibilityViolations(page);
  // A Content-Security-Policy violation or a hydration error shows up here.
  expect(problems).toEqual([]);
});
