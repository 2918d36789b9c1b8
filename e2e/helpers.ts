import { randomBytes } from 'node:crypto';

import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'sininen-kettu-juoksee-2026';

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.test`;
}

export async function signUp(page: Page, email: string, practiceName = 'Työnohjaus Revontuli') {
  await page.goto('/signup');
  await page.getByLabel('Vastaanoton nimi').fill(practiceName);
  await page.getByLabel('Nimi', { exact: true }).fill('Riikka Revontuli');
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Luo tili' }).click();
  // Sign-up answers every address alike and starts no session: the new owner logs in.
  await expect(page).toHaveURL(/\/check-email$/);
  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/today$/);
}

/** Confirms the signed-in owner's address with the link from the development mail page. */
export async function confirmAddress(page: Page, email: string) {
  await page.goto('/dev/mail');
  const mail = page
    .getByRole('article', { name: 'Vahvista sähköpostiosoitteesi' })
    .filter({ hasText: email });
  const link = ((await mail.locator('pre').textContent()) ?? '').match(
    /https?:\/\/\S+\/verify-email\/[\w-]+/,
  )?.[0];
  expect(link, 'the confirmation mail carries a link').toBeTruthy();
  await page.goto(link ?? '');
  await page.getByRole('button', { name: 'Vahvista osoite' }).click();
  await expect(page.getByRole('status')).toHaveText('Sähköpostiosoitteesi on vahvistettu.');
}

export async function logOut(page: Page, userName: RegExp) {
  await page.locator('summary', { hasText: userName }).click();
  await page.getByRole('button', { name: /Kirjaudu ulos|Log out/ }).click();
  await expect(page).toHaveURL(/\/login$/);
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Sähköposti').fill(email);
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
}
