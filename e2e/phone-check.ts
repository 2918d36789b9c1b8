/**
 * What a page must be on a 360 px phone (phone.spec.ts measures every route with it, and
 * billing.spec.ts the invoice pages the demo has no data for): nothing wider than the screen,
 * no accessibility violations, a title that names the page, and `noindex` on everything but
 * the public front page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const PHONE = { width: 360, height: 740 };

/** The headings of the app's error pages (not found, forbidden, bad request, conflict). */
export const ERROR_HEADING =
  /^(Sivua ei löytynyt|Ei käyttöoikeutta|Virheellinen pyyntö|Tieto on muuttunut)$/;

export type Finding = { address: string; problem: string };

/** The page's problems at the current viewport, as `visitor` sees it; none: an empty list. */
export async function measure(page: Page, address: string, visitor: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const response = await page.goto(address);
  const status = response?.status() ?? 0;
  if (status >= 500) findings.push({ address, problem: `status ${status}` });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) findings.push({ address, problem: `${width} px wide` });
  const axe = await new AxeBuilder({ page }).analyze();
  for (const violation of axe.violations) {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
    findings.push({ address, problem: `axe ${violation.id}: ${targets}` });
  }
  const title = await page.title();
  if (!/. – Ohjaamo$/.test(title) && !(address === '/' && title.startsWith('Ohjaamo – '))) {
    findings.push({ address, problem: `title "${title}" does not name the page` });
  }
  const robots = await page.evaluate(
    () => document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? null,
  );
  const front = address === '/' && visitor === 'public';
  if (front && robots !== null) findings.push({ address, problem: `robots "${robots}"` });
  if (!front && !robots?.includes('noindex')) {
    findings.push({ address, problem: 'may be indexed by search engines' });
  }
  if (front) {
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    if (!description || description.length < 50)
      findings.push({ address, problem: 'no description' });
  }
  return findings;
}
