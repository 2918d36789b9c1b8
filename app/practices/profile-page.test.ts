/**
 * The practice profile through the real HTTP stack, as a browser without JavaScript uses it:
 * the owner names the practice and gives its contact details; a supervisor may not; the
 * supervisees see the contact details on the portal's front page.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { practiceSettingsAuditLog } from '#db/schema';
import { testContext } from '#db/testing/context';
import { addMember, createContractFixture, createPracticeWithOwner } from '#db/testing/factories';
import { addSupervisee } from '#db/testing/portal';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { formBrowser, signedInCookie, startTestApp, type TestApp } from '~/http/test-app';
import type { MemberActor } from '~/practices/actor';

import { readPracticeProfile } from './profile.server';

let database: TestDatabase;
let app: TestApp;
let owner: MemberActor;
const cookies = { owner: '', supervisor: '', supervisee: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
  ({ owner } = await createPracticeWithOwner(database.db, { practiceName: 'Ohjaus Kaarna' }));
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  const { clientId } = await createContractFixture(database.db, owner);
  const supervisee = await addSupervisee(database.db, { practiceId: owner.practiceId, clientId });
  cookies.owner = await signedInCookie(database.db, owner.userId);
  cookies.supervisor = await signedInCookie(database.db, supervisor.userId);
  cookies.supervisee = await signedInCookie(database.db, supervisee.userId);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const browser = formBrowser(() => app, cookies);
const get = browser.get;
const post = (who: keyof typeof cookies, values: Record<string, string>) =>
  browser.post('/settings/practice', who, values);

const profile = () => readPracticeProfile(testContext(database.db), owner);

describe('the practice profile', () => {
  it('is linked from the settings page for the owner only', async () => {
    expect(await (await get('/settings', 'owner')).text()).toContain('href="/settings/practice"');
    expect(await (await get('/settings', 'supervisor')).text()).not.toContain(
      'href="/settings/practice"',
    );
  });

  it('shows the name given at sign-up, and no contact details yet', async () => {
    const response = await get('/settings/practice', 'owner');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/id="field-name"[^>]*value="Ohjaus Kaarna"/);
    expect(await profile()).toEqual({
      name: 'Ohjaus Kaarna',
      contactEmail: null,
      contactPhone: null,
    });
    // Nothing to show the supervisee yet.
    expect(await (await get('/portal', 'supervisee')).text()).not.toContain('Yhteystiedot');
  });

  it('keeps what was typed and saves nothing when a field is wrong', async () => {
    const response = await post('owner', {
      name: '',
      contactEmail: 'ei-osoite',
      contactPhone: '040 765 4321',
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Vastaanoton nimi: pakollinen');
    expect(page).toContain('Yhteydenottojen sähköposti: Tarkista sähköpostiosoite.');
    expect(page).toContain('value="ei-osoite"');
    expect(page).toContain('value="040 765 4321"');
    expect((await profile()).name).toBe('Ohjaus Kaarna');
  });

  it('saves the name and contact details, audits the fields, and the menu and portal show them', async () => {
    const response = await post('owner', {
      name: '  Työnohjaus Kaarna  ',
      contactEmail: 'Toimisto@Kaarna.fi',
      contactPhone: '040 765 4321',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Vastaanoton tiedot tallennettu.');
    expect(await profile()).toEqual({
      name: 'Työnohjaus Kaarna',
      contactEmail: 'toimisto@kaarna.fi',
      contactPhone: '040 765 4321',
    });
    const audit = await database.db
      .select({ changedFields: practiceSettingsAuditLog.changedFields })
      .from(practiceSettingsAuditLog)
      .where(
        and(
          eq(practiceSettingsAuditLog.practiceId, owner.practiceId),
          eq(practiceSettingsAuditLog.setting, 'practice_profile'),
        ),
      );
    expect(audit).toEqual([{ changedFields: ['name', 'contactEmail', 'contactPhone'] }]);

    expect(await (await get('/today', 'supervisor')).text()).toContain('Työnohjaus Kaarna');
    const portal = await (await get('/portal', 'supervisee')).text();
    expect(portal).toContain('Yhteystiedot: Työnohjaus Kaarna');
    expect(portal).toContain('href="mailto:toimisto@kaarna.fi"');
    expect(portal).toContain('href="tel:0407654321"');
  });

  it('writes no audit row for a save that changes nothing', async () => {
    await post('owner', {
      name: 'Työnohjaus Kaarna',
      contactEmail: 'toimisto@kaarna.fi',
      contactPhone: '040 765 4321',
    });
    const rows = await database.db
      .select({ id: practiceSettingsAuditLog.id })
      .from(practiceSettingsAuditLog)
      .where(eq(practiceSettingsAuditLog.setting, 'practice_profile'));
    expect(rows).toHaveLength(1);
  });

  it('is forbidden to a supervisor, who changes nothing by posting', async () => {
    expect((await get('/settings/practice', 'supervisor')).status).toBe(403);
    expect(
      (await post('supervisor', { name: 'Kaappaus Oy', contactEmail: '', contactPhone: '' }))
        .status,
    ).toBe(403);
    expect((await profile()).name).toBe('Työnohjaus Kaarna');
  });
});
