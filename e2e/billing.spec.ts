import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { helsinkiDate } from './helsinki';
import { ERROR_HEADING, type Finding, measure, PHONE } from './phone-check';
import { stripeOrigin } from './playwright.config';

const OWNER = { email: 'omistaja@demo.ohjaamo.fi', password: 'demo-omistaja-2026' };

/** The practice's own details, as an owner would type them (a valid Y-tunnus and IBAN). */
const SELLER = {
  legalName: 'Työnohjaus Kajo Oy',
  streetAddress: 'Kauppakatu 12 B 4',
  postalCode: '70100',
  city: 'Kuopio',
  businessId: '2345678-0',
  vatNumber: 'FI23456780',
  iban: 'FI21 1234 5600 0007 85',
  paymentTermDays: '21',
};

/**
 * The demo seed's held sessions (db/seed/index.ts): days before the day the server started,
 * the contract, and who pays. Two commissioners pay: the welfare area for the individual
 * contract, the city for the team and the group contracts; all at 25,5 % VAT.
 */
const WELFARE_AREA = 'Itä-Savon hyvinvointialue';
const CITY = 'Kuopion kaupunki, kasvun ja oppimisen palvelualue';
const HELD_SESSIONS = [
  { daysAgo: 42, code: 'TO-2026-001', payer: WELFARE_AREA, priceCents: 16_000 },
  { daysAgo: 21, code: 'TO-2026-001', payer: WELFARE_AREA, priceCents: 16_000 },
  { daysAgo: 7, code: 'TO-2026-001', payer: WELFARE_AREA, priceCents: 16_000 },
  { daysAgo: 28, code: 'TO-2026-002', payer: CITY, priceCents: 24_000 },
  { daysAgo: 35, code: 'TO-2026-003', payer: CITY, priceCents: 24_000 },
  { daysAgo: 14, code: 'TO-2026-003', payer: CITY, priceCents: 24_000 },
] as const;
const VAT_BASIS_POINTS = 2550;

type Payer = (typeof HELD_SESSIONS)[number]['payer'];

/** The Helsinki calendar month (`YYYY-MM`) `daysAgo` days before today. */
function helsinkiMonth(daysAgo: number): string {
  return helsinkiDate(-daysAgo).slice(0, 7);
}

/**
 * The latest month in which both commissioners had held sessions, with what each owes for
 * it. The seed's sessions lie a week apart and alternate between payers, so some month
 * always holds both, whatever the date.
 */
function monthWithTwoPayers() {
  const months = [...new Set(HELD_SESSIONS.map((s) => helsinkiMonth(s.daysAgo)))].sort();
  for (const month of months.reverse()) {
    const sessions = HELD_SESSIONS.filter((s) => helsinkiMonth(s.daysAgo) === month);
    if (new Set(sessions.map((s) => s.payer)).size < 2) continue;
    const owed = (payer: Payer) => {
      const lines = sessions.filter((s) => s.payer === payer);
      const subtotal = lines.reduce((sum, s) => sum + s.priceCents, 0);
      // One session a line, its VAT rounded to the cent (no halves at these prices).
      const vat = lines.reduce(
        (sum, s) => sum + Math.round((s.priceCents * VAT_BASIS_POINTS) / 10_000),
        0,
      );
      return { lines, subtotal, vat, total: subtotal + vat };
    };
    return { month, welfareArea: owed(WELFARE_AREA), city: owed(CITY) };
  }
  throw new Error('the demo seed has no month with sessions for both payers');
}

const money = (cents: number) =>
  new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A viitenumero's 7-3-1 check digit, computed here independently of the app. */
function finnishReference(invoiceNumber: string): string {
  const base = `1${invoiceNumber.padStart(3, '0')}`;
  const weights = [7, 3, 1];
  const sum = [...base]
    .reverse()
    .reduce((total, digit, i) => total + Number(digit) * (weights[i % 3] ?? 0), 0);
  return `${base}${(10 - (sum % 10)) % 10}`;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
  );
  expect(found, `accessibility violations on ${page.url()}`).toEqual([]);
}

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('the owner sets up billing, invoices a month for two payers and sees both paid', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { month, welfareArea, city } = monthWithTwoPayers();

  await page.goto('/login');
  await heading(page, 'Kirjaudu sisään');
  await page.getByLabel('Sähköposti').fill(OWNER.email);
  await page.getByLabel('Salasana').fill(OWNER.password);
  await page.locator('main button[type=submit]').click();
  await expect(page).toHaveURL(/\/today$/);

  // 1. The seller's details.
  await page.goto('/settings/invoicing');
  await heading(page, 'Laskutustiedot');
  await page.getByLabel('Virallinen nimi').fill(SELLER.legalName);
  await page.getByLabel('Katuosoite').fill(SELLER.streetAddress);
  await page.getByLabel('Postinumero').fill(SELLER.postalCode);
  await page.getByLabel('Postitoimipaikka').fill(SELLER.city);
  await page.getByLabel('Y-tunnus').fill(SELLER.businessId);
  await page.getByLabel('ALV-tunniste').fill(SELLER.vatNumber);
  await page.getByLabel('IBAN-tilinumero').fill(SELLER.iban);
  await page.getByLabel('Maksuehto (päivää netto)').fill(SELLER.paymentTermDays);
  await page.getByRole('button', { name: 'Tallenna laskutustiedot' }).click();
  await expect(page.getByText('Laskutustiedot tallennettu.')).toBeVisible();
  await expect(page.getByText('Laskutustiedot ovat valmiit laskutusta varten.')).toBeVisible();
  await expect(page.getByLabel('IBAN-tilinumero')).toHaveValue(SELLER.iban);
  await expectNoAxeViolations(page);

  // 2. Stripe Connect: the stand-in's onboarding page, at its own origin, and back.
  await page.goto('/billing');
  await heading(page, 'Laskutus');
  await expect(page.getByText('Laskutustiedot ovat valmiit.')).toBeVisible();
  await page.getByRole('button', { name: 'Yhdistä Stripe-tili' }).click();
  await expect(page).toHaveURL((url) => url.origin === stripeOrigin);
  await heading(page, 'Connect your Stripe account');
  await page.getByRole('button', { name: 'Complete onboarding' }).click();
  await expect(page).toHaveURL(/\/billing\?returned=1$/);
  await heading(page, 'Laskutus');
  await expect(page.getByText('Tervetuloa takaisin Stripestä.', { exact: false })).toBeVisible();
  const account = page.getByTestId('stripe-account-state');
  await expect(account).toContainText('Tiedot annettu Stripelle');
  await expect(account).toContainText('Maksut käytössä');
  await expect(page.getByText('Tili on valmis laskutukseen.')).toBeVisible();
  await expectNoAxeViolations(page);

  // 3. The invoice run of a month with two payers: the preview, then the invoices.
  await page.goto(`/billing/run?month=${month}`);
  await heading(page, 'Laskutusajo');
  const payers = page.getByRole('region', { name: 'Laskut maksajittain' });
  await expect(payers.getByRole('heading', { level: 3 })).toHaveCount(2);
  expect((await payers.getByRole('heading', { level: 3 }).allInnerTexts()).sort()).toEqual(
    [WELFARE_AREA, CITY].sort(),
  );
  for (const [name, owed] of [
    [WELFARE_AREA, welfareArea],
    [CITY, city],
  ] as const) {
    const preview = page.getByRole('region', { name, exact: true });
    const lines = preview.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(lines).toHaveCount(owed.lines.length);
    for (const line of owed.lines) {
      await expect(lines.filter({ hasText: `sopimus ${line.code}` }).first()).toContainText(
        money(line.priceCents),
      );
    }
    await expect(preview).toContainText(
      `ALV 25,5 %: veron peruste ${money(owed.subtotal)}, vero ${money(owed.vat)}`,
    );
    await expect(preview).toContainText(
      `Veroton ${money(owed.subtotal)} + ALV ${money(owed.vat)} = ${money(owed.total)}`,
    );
  }
  const all = {
    subtotal: welfareArea.subtotal + city.subtotal,
    vat: welfareArea.vat + city.vat,
    total: welfareArea.total + city.total,
  };
  await expect(
    page.getByText(
      `Kaikki laskut yhteensä: veroton ${money(all.subtotal)}, ALV ${money(all.vat)}, yhteensä ${money(all.total)}.`,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Luo laskut' }).click();
  await expect(page.getByText('Laskuja luotu: 2.')).toBeVisible();
  // Every invoice reached Stripe: nothing waits to be sent again.
  await expect(page.getByRole('button', { name: 'Lähetä uudelleen' })).toHaveCount(0);

  await page.goto('/billing/invoices');
  await heading(page, 'Laskut');
  await expect(page.getByText(`Avoinna yhteensä ${money(all.total)}`)).toBeVisible();
  const rowOf = (payer: Payer) => page.getByRole('row').filter({ hasText: payer });
  for (const [payer, owed] of [
    [WELFARE_AREA, welfareArea],
    [CITY, city],
  ] as const) {
    await expect(rowOf(payer)).toHaveCount(1);
    await expect(rowOf(payer)).toContainText(money(owed.total));
    await expect(rowOf(payer).getByRole('cell').last()).toHaveText('Avoin');
  }
  await expectNoAxeViolations(page);

  /** Opens the payer's invoice from the list; checks its reference; returns its address. */
  const openInvoice = async (payer: Payer, total: number) => {
    await page.goto('/billing/invoices');
    await heading(page, 'Laskut');
    const link = rowOf(payer).getByRole('link');
    const number = (await link.textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d+$/);
    await link.click();
    await heading(page, `Lasku ${number}`);
    const reference = page
      .locator('dt', { hasText: /^Viitenumero$/ })
      .locator('xpath=following-sibling::dd[1]');
    expect((await reference.textContent())?.replace(/\s/g, '')).toBe(finnishReference(number));
    await expect(page.getByText(money(total), { exact: true }).last()).toBeVisible();
    return page.url();
  };

  // 4. The welfare area pays on the stand-in's hosted invoice page; Stripe's invoice.paid
  // webhook tells the app.
  const paidByCard = await openInvoice(WELFARE_AREA, welfareArea.total);
  await expect(page.getByText('Avoin', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Laskun sivu Stripessä' }).click();
  await expect(page).toHaveURL((url) => url.origin === stripeOrigin);
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.locator('[data-status]')).toHaveText('paid');
  await page.goto(paidByCard);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Maksettu', { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText(/^Maksettu \d/)).toBeVisible();
  // Paid: nothing left for the owner to do to it.
  await expect(page.getByRole('link', { name: 'Merkitse maksetuksi tilisiirtona' })).toHaveCount(0);

  // 5. The city paid by bank transfer: the owner marks it paid from its page.
  const paidByTransfer = await openInvoice(CITY, city.total);
  await page.getByRole('link', { name: 'Merkitse maksetuksi tilisiirtona' }).click();
  await page.getByRole('button', { name: 'Vahvista: lasku on maksettu tilisiirtona' }).click();
  await expect(page.getByText('Lasku on merkitty maksetuksi.')).toBeVisible();
  await expect(page.getByText('Maksettu', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Merkitty maksetuksi tilisiirtona \d/)).toBeVisible();

  await page.goto('/billing/invoices');
  await heading(page, 'Laskut');
  await expect(rowOf(WELFARE_AREA).getByRole('cell').last()).toHaveText('Maksettu');
  await expect(rowOf(CITY).getByRole('cell').last()).toHaveText('Maksettu');
  await expect(page.getByText(`Avoinna yhteensä ${money(0)}`)).toBeVisible();

  // 6. The same pages on a phone, with real invoices (the demo has none for phone.spec.ts).
  await page.setViewportSize(PHONE);
  const onPhone: Finding[] = [];
  for (const address of [
    '/billing',
    '/billing/invoices',
    `/billing/run?month=${month}`,
    new URL(paidByCard).pathname,
    new URL(paidByTransfer).pathname,
    `${new URL(paidByTransfer).pathname}/credit`,
  ]) {
    onPhone.push(...(await measure(page, address, 'owner')));
    // Measured with its data, not as a page that was not found or not allowed.
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(ERROR_HEADING);
  }
  expect(onPhone.map((f) => `${f.address}: ${f.problem}`)).toEqual([]);
});
