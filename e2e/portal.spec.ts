import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import { logIn, logOut } from './helpers';
import { ERROR_HEADING, measure, PHONE } from './phone-check';

const OWNER = { email: 'omistaja@demo.ohjaamo.fi', password: 'demo-omistaja-2026' };
/** Maria Lehtonen of the demo's individual contract TO-2026-001 (supervised by the owner). */
const MARIA = { email: 'maria.lehtonen@hyvinvointi.example', password: 'maria-oma-salasana-2026' };
/** The demo's supervisee with a portal account (group contract TO-2026-003). */
const SANNA = { email: 'sanna.kivela@kuopio.example', password: 'demo-tyonohjattava-2026' };

/** The body of the newest mail with `subject` to `to`, from the owner's development mail page. */
async function newestMail(staff: Page, subject: string | RegExp, to: string): Promise<string> {
  await staff.goto('/dev/mail');
  const mail = staff.getByRole('article', { name: subject }).filter({ hasText: to }).first();
  await expect(mail).toBeVisible();
  return (await mail.locator('pre').first().textContent()) ?? '';
}

async function staffPage(browser: Browser): Promise<Page> {
  const staff = await (await browser.newContext()).newPage();
  await logIn(staff, OWNER.email, OWNER.password);
  await expect(staff).toHaveURL(/\/today$/);
  return staff;
}

/** A six-digit code of the authenticator app, for the 30-second step `stepsAhead` from now. */
function appCode(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')) });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
  );
  expect(found, `accessibility violations on ${page.url()}`).toEqual([]);
}

test('a supervisee is invited, signs in with a code and 2FA, and works between sessions', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const staff = await staffPage(browser);

  // The supervisor leaves a draft in last week's summary without publishing it.
  await staff.goto('/calendar');
  await staff.getByRole('link', { name: /Edellinen viikko/ }).click();
  await staff
    .getByRole('link', { name: /TO-2026-001/ })
    .first()
    .click();
  await staff.getByRole('link', { name: 'Muistiinpanot' }).click();
  await staff
    .getByLabel('Jaettu yhteenveto (näkyy julkaisun jälkeen)')
    .first()
    .fill('Luonnos, jota ei ole julkaistu');
  await staff.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(staff.getByTestId('save-status')).toHaveText(/Tallennettu klo/);

  // The supervisor invites Maria from her client page.
  await staff.goto('/clients');
  await staff.getByRole('link', { name: 'Maria Lehtonen' }).click();
  await staff.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(staff.getByText('Kutsu lähetetty.')).toBeVisible();
  const invite = await newestMail(staff, /Kutsu työnohjattavan sivuille/, MARIA.email);
  const inviteLink = invite.match(/https?:\/\/\S+\/portal\/invite\/[\w-]+/)?.[0];
  expect(inviteLink, 'the invitation carries a link').toBeTruthy();

  // Maria opens the invitation on her phone first: the page fits and passes the phone check
  // (opening it spends nothing).
  const phone = await browser.newContext({ viewport: PHONE });
  const onPhone = await measure(await phone.newPage(), inviteLink ?? '', 'public');
  expect(onPhone.map((f) => `${f.address}: ${f.problem}`)).toEqual([]);
  await phone.close();

  // Maria sets her password and lands in the portal.
  const maria = await (await browser.newContext()).newPage();
  await maria.goto(inviteLink ?? '');
  await expectNoAxeViolations(maria);
  await maria.getByLabel('Nimi', { exact: true }).fill('Maria Lehtonen');
  await maria.getByLabel('Salasana').fill(MARIA.password);
  await maria.getByRole('button', { name: 'Luo tili ja avaa sivut' }).click();
  await expect(maria).toHaveURL(/\/portal$/);
  await expect(maria.getByRole('heading', { name: 'Tervetuloa, Maria Lehtonen' })).toBeVisible();

  // Two-factor authentication with an authenticator app (the secret as text).
  await maria.goto('/account/two-factor');
  await maria.getByRole('button', { name: 'Ota käyttöön' }).click();
  await expect(maria.getByRole('img', { name: 'QR-koodi todennussovellukselle' })).toBeVisible();
  const secret = (await maria.locator('main code').first().textContent()) ?? '';
  await maria.getByLabel('Sovelluksen koodi').fill(appCode(secret));
  await maria.getByRole('button', { name: 'Vahvista ja ota käyttöön' }).click();
  await expect(maria.getByRole('heading', { name: 'Varakoodisi' })).toBeVisible();
  await maria.goto('/portal');
  await logOut(maria, /Maria Lehtonen/);

  // Signing in again with a code by e-mail, then the app's code.
  await maria.getByRole('link', { name: 'Kirjaudu sähköpostiin lähetettävällä koodilla' }).click();
  // The log-in page has an address field too: fill this one only once it is shown.
  await expect(maria.getByRole('heading', { name: 'Kirjaudu koodilla' })).toBeVisible();
  await maria.getByLabel('Sähköposti').fill(MARIA.email);
  await maria.getByRole('button', { name: 'Lähetä koodi' }).click();
  // The code's field appears once the mail is in the outbox.
  await expect(maria.getByLabel('Koodi', { exact: true })).toBeVisible();
  const codeMail = await newestMail(staff, 'Kirjautumiskoodisi Ohjaamoon', MARIA.email);
  const code = codeMail.match(/Koodi: (\d{6})/)?.[1];
  expect(code, 'the mail carries a code').toBeTruthy();
  await maria.getByLabel('Koodi', { exact: true }).fill(code ?? '');
  await maria.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(maria.getByRole('heading', { name: 'Kirjautumisen toinen vaihe' })).toBeVisible();
  // The next step's code: the enrolment's own step would be refused as a replay.
  await maria.getByLabel('Sovelluksen koodi tai varakoodi').fill(appCode(secret, 1));
  await maria.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(maria).toHaveURL(/\/portal$/);

  // Published summaries are there; the unpublished draft is not.
  await maria.getByRole('link', { name: 'Yhteenvedot' }).first().click();
  await expect(maria.getByRole('heading', { name: 'Yhteenvedot' })).toBeVisible();
  await maria
    .getByRole('link', { name: /Tapaaminen/ })
    .first()
    .click();
  await expect(maria.getByText(/Huomasit siirtäneesi kaksi tehtävää/)).toBeVisible();
  await expect(maria.getByText('Luonnos, jota ei ole julkaistu')).toHaveCount(0);

  // An agreed action marked done, with a comment.
  await maria.goto('/portal/actions');
  const action = maria
    .getByRole('listitem')
    .filter({ has: maria.getByRole('group', { name: /Tuo tiimin palautteen yhteenveto/ }) });
  await action.getByLabel('Tehty', { exact: true }).check();
  await action.getByLabel('Kommentti (vapaaehtoinen)').fill('Yhteenveto on valmis.');
  await action.getByRole('button', { name: 'Tallenna merkintä' }).click();
  await expect(action.getByText('Merkintä tallennettu.')).toBeVisible();
  await expect(action.getByText('Tilanne: Tehty')).toBeVisible();

  // A reflection before the next session, and the session after it cancelled in good time.
  await maria.goto('/portal');
  await maria.getByRole('link', { name: 'Sopimus ja kaikki tapaamiset' }).first().click();
  await expect(maria.getByRole('heading', { name: 'Tapaamiset' })).toBeVisible();
  const sessionLinks = maria.locator('main a[href^="/portal/sessions/"]:not([href$=".ics"])');
  await expect(sessionLinks.first()).toBeVisible();
  // The contract's sessions in time order: the last two are the coming ones (in 2 and 5 weeks).
  const upcoming = await sessionLinks.evaluateAll((links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  const [next, later] = upcoming.slice(-2);
  await maria.goto(next ?? '');
  await maria
    .getByLabel('Ennen tapaamista: mitä haluan tuoda tällä kertaa?')
    .fill('Haluan puhua tiimin palautteesta.');
  await maria.getByRole('button', { name: 'Tallenna pohdinta' }).first().click();
  await expect(maria.getByText('Pohdinta tallennettu.')).toBeVisible();
  const sessionId = (next ?? '').split('/').pop();

  await maria.goto(later ?? '');
  await expect(maria.getByText('Jos perut nyt, perumisesta ei veloiteta.')).toBeVisible();
  await maria.getByRole('button', { name: 'Peru tapaaminen' }).click();
  await expect(
    maria.getByText('Tapaaminen on peruttu. Työnohjaajasi sai siitä tiedon.'),
  ).toBeVisible();

  // The supervisor sees the reflection, and is told of the cancellation, which is not charged.
  await staff.goto(`/sessions/${sessionId}`);
  await expect(staff.getByText('Haluan puhua tiimin palautteesta.')).toBeVisible();
  const cancelled = await newestMail(staff, /Tapaaminen .* on peruttu/, OWNER.email);
  expect(cancelled).toContain('Peruminen tehtiin ajoissa, eikä sitä veloiteta.');
  await staff.goto((later ?? '').replace('/portal', ''));
  await expect(staff.getByText('Peruttu').first()).toBeVisible();

  // A feedback round: a shared link, two answers hide the results, the third shows them.
  await maria.goto('/portal/feedback');
  await maria.getByRole('link', { name: 'Uusi palautekierros' }).click();
  await maria.getByLabel('Kierroksen otsikko').fill('Miten johdan osastoamme?');
  await maria.getByLabel('Kuinka selvästi tiedät, mitä odotan sinulta?').check();
  await maria.getByLabel('Kuinka tasapuolisesti koet minun kohtelevan tiimimme jäseniä?').check();
  await maria.getByLabel('Mitä yhtä asiaa minun kannattaisi tehdä esihenkilönäsi enemmän?').check();
  await maria.getByRole('button', { name: 'Luo kierros' }).click();
  await maria.getByRole('button', { name: 'Luo jaettava linkki' }).click();
  const respondentLink = await maria.getByLabel('Linkki vastaajille').inputValue();
  expect(respondentLink).toMatch(/\/feedback\/[\w-]+$/);
  const roundUrl = maria.url();

  const answer = async (expectations: string, fairness: string, text: string) => {
    // Respondents answer on their phones: the form fits 360 px and passes the phone check.
    const respondent = await (await browser.newContext({ viewport: PHONE })).newPage();
    const onPhone = await measure(respondent, respondentLink, 'public');
    expect(onPhone.map((f) => `${f.address}: ${f.problem}`)).toEqual([]);
    await respondent
      .getByRole('group', { name: 'Kuinka selvästi tiedät, mitä odotan sinulta?' })
      .getByLabel(expectations, { exact: true })
      .check();
    await respondent
      .getByRole('group', { name: /Kuinka tasapuolisesti/ })
      .getByLabel(fairness, { exact: true })
      .check();
    await respondent
      .getByLabel('Mitä yhtä asiaa minun kannattaisi tehdä esihenkilönäsi enemmän?')
      .fill(text);
    await respondent.getByRole('button', { name: 'Lähetä vastaus' }).click();
    await expect(
      respondent.getByText('Kiitos! Vastauksesi on tallennettu nimettömänä.'),
    ).toBeVisible();
    await respondent.context().close();
  };
  await answer('4', '5', 'Kysy useammin, miten jaksamme.');
  await answer('3', '4', 'Ole enemmän osastolla.');
  await maria.goto(roundUrl);
  await expect(maria.getByText('Tulokset näkyvät, kun vähintään 3 on vastannut.')).toBeVisible();
  await expect(maria.getByText('Ole enemmän osastolla.')).toHaveCount(0);
  await answer('5', '4', 'Jatka samaan malliin.');
  await maria.goto(roundUrl);
  await expect(maria.getByText('3 vastausta, keskiarvo 4').first()).toBeVisible();
  await expect(maria.getByText('Ole enemmän osastolla.')).toBeVisible();

  await staff.context().close();
  await maria.context().close();
});

/** Every portal page the demo supervisee reaches from her navigation, and their details. */
async function portalPages(page: Page): Promise<string[]> {
  const paths = new Set([
    '/portal',
    '/portal/summaries',
    '/portal/themes',
    '/portal/actions',
    '/portal/exercises',
    '/portal/evaluations',
    '/portal/feedback',
    '/portal/feedback/new',
    '/portal/export',
  ]);
  // The lists, then the contract pages they lead to (which link every session).
  const lists = ['/portal', '/portal/summaries', '/portal/themes', '/portal/actions'];
  lists.push('/portal/exercises', '/portal/feedback');
  for (let i = 0; i < lists.length; i++) {
    await page.goto(lists[i] ?? '');
    const hrefs = await page
      .locator('main a[href^="/portal/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      if (href.endsWith('.ics') || paths.has(href)) continue;
      paths.add(href);
      if (href.startsWith('/portal/contracts/')) lists.push(href);
    }
  }
  return [...paths];
}

test('every portal page fits a 360 px phone and passes the accessibility scan', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await logIn(page, SANNA.email, SANNA.password);
  await expect(page).toHaveURL(/\/portal$/);
  const paths = await portalPages(page);
  for (const kind of ['contracts', 'sessions', 'summaries', 'themes']) {
    expect(
      paths.some((p) => p.startsWith(`/portal/${kind}/`)),
      kind,
    ).toBe(true);
  }
  const findings: string[] = [];
  for (const path of [...paths, '/account/two-factor']) {
    for (const found of await measure(page, path, 'supervisee')) {
      findings.push(`${found.address}: ${found.problem}`);
    }
    await expect(page.locator('main h1'), path).not.toHaveText(ERROR_HEADING);
  }
  expect(findings).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the portal reads and its forms send', async ({ page }) => {
    await logIn(page, SANNA.email, SANNA.password);
    await expect(page).toHaveURL(/\/portal$/);
    for (const path of await portalPages(page)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('main h1')).toBeVisible();
    }

    // An action marked not done, by a plain form post.
    await page.goto('/portal/actions');
    const action = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('group') })
      .first();
    await action.getByLabel('Ei tehty', { exact: true }).check();
    await action.getByRole('button', { name: 'Tallenna merkintä' }).click();
    await expect(page.getByText('Merkintä tallennettu.')).toBeVisible();

    // A feedback round without questions keeps what was typed and says what is missing.
    await page.goto('/portal/feedback/new');
    await page.getByLabel('Kierroksen otsikko').fill('Kevään kierros');
    await page.getByRole('button', { name: 'Luo kierros' }).click();
    await expect(page.getByText('Valitse tai kirjoita 3–8 kysymystä.').first()).toBeVisible();
    await expect(page.getByLabel('Kierroksen otsikko')).toHaveValue('Kevään kierros');
  });
});
