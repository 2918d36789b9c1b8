import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { logIn } from './helpers';
import { helsinkiDate, slotDate } from './helsinki';

/** The Helsinki date `days` from today, and the slot name's "ti 15.12.". */
const helsinkiDay = (days: number) => ({
  iso: helsinkiDate(days),
  label: slotDate(helsinkiDate(days)),
});

// The demo practice's second supervisor: one team contract, TO-2026-002, and no other spec
// books on his calendar.
const VEIKKO = { email: 'ohjaaja@demo.ohjaamo.fi', password: 'demo-ohjaaja-2026' };
const AINO = { email: 'omistaja@demo.ohjaamo.fi', password: 'demo-omistaja-2026' };

/** Logs in and waits until the app has taken the user past the login page, wherever it lands. */
async function signIn(page: Page, account: { email: string; password: string }) {
  await logIn(page, account.email, account.password);
  await expect(page).not.toHaveURL(/\/login/);
}

/** What has the keyboard focus, as "TAG#id|accessible label|text". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    return `${el.tagName}#${el.id}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').trim()}`;
  });

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (description: string) => boolean) {
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error('never reached by Tab');
}

test('a supervisor books a session from an empty calendar slot by keyboard alone', async ({
  page,
}) => {
  test.slow();
  await signIn(page, VEIKKO);
  // Browser errors from here on: the calendar and the booking form are under test.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const day = helsinkiDay(21);
  await page.goto(`/calendar?view=day&date=${day.iso}`);
  const slot = `Varaa ${day.label} klo 18.00`;
  await expect(page.getByRole('link', { name: slot })).toBeVisible();

  // Tab reaches every slot; the arrow keys move on from there.
  await tabTo(page, (d) => d.includes(`|Varaa ${day.label} klo 17.00|`));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toContain(`|${slot}|`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sessions\/new\?/);
  await expect(page.getByLabel('Päivämäärä')).toHaveValue(day.iso);
  await expect(page.getByLabel('Alkamisaika')).toHaveValue('18:00');

  await tabTo(page, (d) => d.startsWith('SELECT#field-contractId'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Sopimus')).not.toHaveValue('');
  await tabTo(page, (d) => d.startsWith('BUTTON') && d.endsWith('|Varaa istunto'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);

  // The calendar now shows the session where the free slot was.
  await page.goto(`/calendar?view=day&date=${day.iso}`);
  await expect(page.getByRole('link', { name: /18\.00–19\.30 TO-2026-002/ })).toBeVisible();
  await expect(page.getByRole('link', { name: slot })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/calendar-day.png', fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // No Content-Security-Policy violation (inline styles) and no hydration error.
  expect(problems).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a supervisor moves to a date, books from a slot and finds the session by links', async ({
    page,
  }) => {
    await signIn(page, VEIKKO);
    await page.goto('/calendar');
    const day = helsinkiDay(22);

    await page.getByRole('link', { name: 'Päivä', exact: true }).click();
    await page.getByLabel('Siirry päivään').fill(day.iso);
    await page.getByRole('button', { name: 'Näytä' }).click();
    await expect(page).toHaveURL(new RegExp(`view=day&date=${day.iso}`));
    await page.getByRole('link', { name: `Varaa ${day.label} klo 17.30` }).click();
    await expect(page.getByLabel('Alkamisaika')).toHaveValue('17:30');
    await page.getByLabel('Sopimus').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Varaa istunto' }).click();
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionUrl = page.url();

    // Month view, the day's link (named with its count), then the session.
    await page.getByRole('link', { name: 'Kalenteri', exact: true }).click();
    await page.getByRole('link', { name: 'Kuukausi' }).click();
    await page.getByLabel('Siirry päivään').fill(day.iso);
    await page.getByRole('button', { name: 'Näytä' }).click();
    await page.getByRole('link', { name: `${day.label}, 1 istunto` }).click();
    await expect(page).toHaveURL(new RegExp(`view=day&date=${day.iso}`));
    await page.getByRole('link', { name: /17\.30–19\.00 TO-2026-002/ }).click();
    await expect(page).toHaveURL(sessionUrl);
  });

  test("the owner opens a supervisor's calendar, which offers no slots to book", async ({
    page,
  }) => {
    await signIn(page, AINO);
    await page.goto('/calendar');
    await expect(page.getByRole('link', { name: /^Varaa / }).first()).toBeVisible();
    await page.getByLabel('Työnohjaaja').selectOption({ label: 'Veikko Väisänen' });
    await page.getByRole('button', { name: 'Näytä' }).click();
    await expect(page.getByText('Katselet työnohjaajan Veikko Väisänen kalenteria')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Varaa / })).toHaveCount(0);
    // Veikko's session today; for the owner it leads to the contract.
    await page
      .getByRole('link', { name: /TO-2026-002/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  });
});

test('every view fits a 360 px phone and passes the accessibility check', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, AINO);
  for (const view of ['day', 'week', 'month']) {
    await page.goto(`/calendar?view=${view}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${view} view overflows`).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
      `accessibility of the ${view} view`,
    ).toEqual([]);
    await page.screenshot({
      path: `test-results/screens/calendar-phone-${view}.png`,
      fullPage: true,
    });
  }
});
