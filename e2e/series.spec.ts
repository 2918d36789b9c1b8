/**
 * Booking a weekly series across a session the supervisor already has: the free dates are
 * booked, the page that follows says "3/4" and names the date taken, and that date is booked
 * at another time of the same day into the same series — with JavaScript and without.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { logIn } from './helpers';
import { helsinkiDate, shownDate } from './helsinki';

// The demo practice's second supervisor (one team contract, TO-2026-002, 90 minutes). Only
// the calendar spec books on his calendar too, at 17.30 and 18.00 three weeks ahead; the
// dates here are months ahead, at 7.00.
const VEIKKO = { email: 'ohjaaja@demo.ohjaamo.fi', password: 'demo-ohjaaja-2026' };

/** The Helsinki date `days` from today, and how the pages write it (d.M.yyyy). */
const helsinkiDay = (days: number) => ({
  iso: helsinkiDate(days),
  label: shownDate(helsinkiDate(days)),
});

/**
 * Sends the form with the given button. The demo contract's allowance of eight sessions runs
 * out as the specs book on it: when the form asks, the sessions past it are booked as extra.
 */
async function send(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const extra = page.getByLabel('Varaan sovitun määrän ylittävät istunnot ylimääräisinä');
  const asked = await extra
    .waitFor({ timeout: 2_000 })
    .then(() => true)
    .catch(() => false);
  if (asked) {
    await extra.check();
    await page.getByRole('button', { name: button }).click();
  }
}

/** Opens the booking form at a date and time and chooses Veikko's contract. */
async function openBookingForm(page: Page, date: string, time: string) {
  await page.goto(`/sessions/new?date=${date}&time=${time}`);
  await page.getByLabel('Sopimus').selectOption({ index: 1 });
}

async function bookSeriesAcrossASession(page: Page, startInDays: number) {
  await logIn(page, VEIKKO.email, VEIKKO.password);
  await expect(page).not.toHaveURL(/\/login/);
  const first = helsinkiDay(startInDays);
  const taken = helsinkiDay(startInDays + 7);

  // The session already there, a week after the series starts.
  await openBookingForm(page, taken.iso, '07:30');
  await send(page, 'Varaa istunto');
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);

  await openBookingForm(page, first.iso, '07:00');
  await page.getByLabel('Varaa toistuva sarja').check();
  await page.getByLabel('Toistuu joka N. viikko').fill('1');
  await page.getByLabel('Kertoja yhteensä').fill('4');
  await send(page, 'Varaa istunto');

  await expect(page).toHaveURL(/\/sessions\/series\/[0-9a-f-]{36}\?clash=/);
  await expect(page.getByText('Sarjasta varattiin 3/4 istuntoa.')).toBeVisible();
  const date = page.getByRole('region', { name: `${taken.label} klo 7.00` });
  await expect(date.getByText('klo 7.30–9.00, sopimus TO-2026-002')).toBeVisible();
  await expect(date.getByLabel('Alkamisaika')).toHaveValue('07:00');
  return { taken, date };
}

async function rebookAtTen(page: Page, taken: { label: string }) {
  const date = page.getByRole('region', { name: `${taken.label} klo 7.00` });
  await date.getByLabel('Alkamisaika').fill('10:00');
  await send(page, `Varaa ${taken.label}`);
  await expect(page.getByText('Sarjasta varattiin 4/4 istuntoa.')).toBeVisible();
  await expect(date.getByText('Varattu samalle päivälle klo 10.00.')).toBeVisible();
  await expect(page.getByText('Sarjan kaikki päivät on nyt varattu.')).toBeVisible();
}

test('a weekly series across a session books the rest and the taken date at another time', async ({
  page,
}) => {
  test.slow();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const { taken, date } = await bookSeriesAcrossASession(page, 63);

  // The page fits a phone and passes the accessibility check.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/series-result-phone.png', fullPage: true });

  // A time still taken is refused on the date's own form, with the time as typed.
  await date.getByLabel('Alkamisaika').fill('08:00');
  await send(page, `Varaa ${taken.label}`);
  await expect(date.getByRole('alert')).toContainText('Sinulla on jo istunto');
  await expect(date.getByLabel('Alkamisaika')).toHaveValue('08:00');

  await rebookAtTen(page, taken);
  // A reload books nothing again.
  await page.reload();
  await expect(page.getByText('Sarjasta varattiin 4/4 istuntoa.')).toBeVisible();
  await date.getByRole('link', { name: 'Avaa istunto' }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  expect(problems).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same, by plain form posts and redirects', async ({ page }) => {
    const { taken } = await bookSeriesAcrossASession(page, 91);
    await rebookAtTen(page, taken);
    await page.getByRole('link', { name: 'Sarjan ensimmäiseen istuntoon' }).click();
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  });
});
