import { expect, test } from '@playwright/test';

import { confirmAddress, logIn, logOut, PASSWORD, signUp, uniqueEmail } from './helpers';
import { measure, PHONE } from './phone-check';

test('a new owner signs up, logs in again, switches language and brings in a supervisor', async ({
  page,
  browser,
}) => {
  // Two browsers, two sign-ups and an axe scan: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const ownerEmail = uniqueEmail('omistaja');
  await signUp(page, ownerEmail);
  await expect(page.getByTestId('practice-name')).toHaveText('Työnohjaus Revontuli');
  await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toBeVisible();
  await expect(page).toHaveTitle('Tänään – Ohjaamo');
  await page.screenshot({ path: 'test-results/screens/01-today-fi.png', fullPage: true });

  await logOut(page, /Riikka Revontuli/);

  // A wrong password: a clear error, and the e-mail typed stays in the form.
  await logIn(page, ownerEmail, 'tämä-on-väärä-salasana');
  await expect(page.getByRole('alert')).toHaveText('Sähköposti tai salasana on väärin.');
  await expect(page.getByLabel('Sähköposti')).toHaveValue(ownerEmail);
  await page.screenshot({ path: 'test-results/screens/02-wrong-password.png', fullPage: true });

  await logIn(page, ownerEmail, PASSWORD);
  await expect(page).toHaveURL(/\/today$/);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Supervisees' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Today – Ohjaamo');
  await page.getByRole('button', { name: 'Suomi' }).click();
  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työnohjattavat' })
    .click();
  // A screen reader hears the new page's title after client-side navigation.
  await expect(page.getByTestId('route-announcer')).toHaveText('Työnohjattavat – Ohjaamo');

  // Until the owner confirms their address, the practice mails no one else.
  await page.goto('/settings/members');
  await page.getByLabel('Sähköposti').fill(uniqueEmail('liian-aikaisin'));
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(page.locator('#field-email-error')).toHaveText(
    'Vahvista ensin sähköpostiosoitteesi. Sen jälkeen voit kutsua muita.',
  );
  await expect(page.getByRole('region', { name: 'Osoitteen vahvistus' })).toBeVisible();
  await confirmAddress(page, ownerEmail);
  await page.goto('/calendar');
  await expect(page.getByRole('region', { name: 'Osoitteen vahvistus' })).toHaveCount(0);

  // Invite a supervisor; the invitation is read from the outbox on the mail page.
  const supervisorEmail = uniqueEmail('ohjaaja');
  await page.goto('/settings/members');
  await page.getByLabel('Sähköposti').fill(supervisorEmail);
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Kutsu lähetetty osoitteeseen ${supervisorEmail}.`,
  );
  await expect(page.getByRole('list', { name: 'Avoimet kutsut' })).toContainText(supervisorEmail);
  await page.screenshot({ path: 'test-results/screens/03-members.png', fullPage: true });

  await page.goto('/dev/mail');
  const mail = page.getByRole('article', { name: 'Kutsu vastaanotolle Työnohjaus Revontuli' });
  await expect(mail).toContainText(supervisorEmail);
  const body = (await mail.locator('pre').textContent()) ?? '';
  const link = body.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
  expect(link, 'the invitation mail carries a link').toBeTruthy();

  // The supervisor joins in a browser of their own, on a phone: the invitation page fits
  // 360 px and passes the phone check.
  const supervisorContext = await browser.newContext({ viewport: PHONE });
  const supervisor = await supervisorContext.newPage();
  const onPhone = await measure(supervisor, link ?? '', 'public');
  expect(onPhone.map((f) => `${f.address}: ${f.problem}`)).toEqual([]);
  await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText(
    'Liity vastaanotolle Työnohjaus Revontuli',
  );
  await supervisor.getByLabel('Nimi').fill('Sakari Supervisor');
  await supervisor.getByLabel('Salasana').fill('lyhyt');
  await supervisor.getByRole('button', { name: 'Liity' }).click();
  await expect(supervisor.locator('#field-password-error')).toHaveText(
    'Salasanassa on oltava vähintään 10 merkkiä.',
  );
  await expect(supervisor.getByRole('alert')).toBeFocused();
  await expect(supervisor.getByLabel('Nimi')).toHaveValue('Sakari Supervisor');
  await supervisor.getByLabel('Salasana').fill('toinen-hyvä-salasana-77');
  await supervisor.getByRole('button', { name: 'Liity' }).click();
  await expect(supervisor).toHaveURL(/\/today$/);
  await expect(supervisor.getByTestId('practice-name')).toHaveText('Työnohjaus Revontuli');
  // Billing is the owner's: a supervisor neither sees it nor reaches it.
  await expect(supervisor.getByRole('link', { name: 'Laskutus' })).toHaveCount(0);
  const billing = await supervisor.goto('/billing');
  expect(billing?.status()).toBe(403);
  await expect(supervisor.getByText('Sinulla ei ole oikeutta tähän.')).toBeVisible();
  await supervisorContext.close();

  await page.goto('/settings/members');
  await expect(page.getByRole('cell', { name: 'Sakari Supervisor' })).toBeVisible();

  // An invitation sent by mistake is withdrawn.
  const mistaken = uniqueEmail('vahinko');
  await page.getByLabel('Sähköposti').fill(mistaken);
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(page.getByRole('list', { name: 'Avoimet kutsut' })).toContainText(mistaken);
  await page.getByRole('button', { name: `Peru kutsu osoitteeseen ${mistaken}` }).click();
  await expect(page.getByText('Kutsu peruttu. Sen linkki ei enää toimi.')).toBeVisible();
  await expect(page.getByText('Ei avoimia kutsuja.')).toBeVisible();
});

test('the demo practice is there to log in to', async ({ page }) => {
  await logIn(page, 'omistaja@demo.ohjaamo.fi', 'demo-omistaja-2026');
  await expect(page).toHaveURL(/\/today$/);
  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työnohjattavat' })
    .click();
  await page.getByRole('link', { name: 'Maria Lehtonen' }).click();
  await expect(page.getByRole('link', { name: 'TO-2026-001' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Istunnot' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/06-demo-client.png', fullPage: true });
});

test('the app shell works on a 360 px phone and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signUp(page, uniqueEmail('puhelin'), 'Pieni Näyttö Tmi');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/04-phone.png', fullPage: true });

  await page.goto('/clients');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
  await expect(skip).toBeFocused();
});

test('unknown pages and errors are friendly and translated', async ({ page }) => {
  const response = await page.goto('/ei-tallaista-sivua');
  expect(response?.status()).toBe(404);
  // Each status has its own heading; a missing page is not "something went wrong".
  await expect(page.getByRole('heading', { name: 'Sivua ei löytynyt' })).toBeVisible();
  await expect(page.getByText('Jokin meni vikaan')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/at \w+ \(/);
});
