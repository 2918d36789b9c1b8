/**
 * The prompt bank's settings page through the real HTTP stack, as a browser without
 * JavaScript uses it: every button posts the theme's whole list as it stands, so moving,
 * removing and adding keep what was typed in the other rows; a list that does not validate
 * comes back as typed, with the error next to its field, and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testContext } from '#db/testing/context';
import { addMember, createPracticeWithOwner } from '#db/testing/factories';
import { createTestDatabase, type TestDatabase } from '#db/testing/test-database';
import { formBrowser, signedInCookie, startTestApp, type TestApp } from '~/http/test-app';
import type { MemberActor } from '~/practices/actor';

import { defaultPrompts } from './default-prompts';
import { getPromptBank } from './prompts.server';

let database: TestDatabase;
let app: TestApp;
let owner: MemberActor;
const cookies = { owner: '', supervisor: '' };
type Who = keyof typeof cookies;
const browser = formBrowser(() => app, cookies);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp(database);
  ({ owner } = await createPracticeWithOwner(database.db));
  const supervisor = await addMember(database.db, owner.practiceId, 'supervisor');
  cookies.owner = await signedInCookie(database.db, owner.userId);
  cookies.supervisor = await signedInCookie(database.db, supervisor.userId);
  // The first request has Vite compile the page's modules: done here, under the long timeout.
  await browser.get('/settings/prompts', 'owner');
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Posts the power theme's list: rows as [fi, en] pairs, then the other fields. */
function post(who: Who, rows: [string, string][], extra: Record<string, string>) {
  const body = new URLSearchParams({ theme: 'power' });
  for (const [fi, en] of rows) {
    body.append('fi', fi);
    body.append('en', en);
  }
  for (const [name, value] of Object.entries(extra)) body.append(name, value);
  return browser.post('/settings/prompts', who, body);
}
const power = async () =>
  (await getPromptBank(testContext(database.db), owner.practiceId)).power.map((p) => p.fi);

const first: [string, string] = ['Kuka päättää?', 'Who decides?'];
const second: [string, string] = ['Mistä vaikenet?', 'What do you keep quiet about?'];
const third: [string, string] = ['Kenen ääni puuttuu?', 'Whose voice is missing?'];
const list = [first, second, third];

describe('the prompt bank page', () => {
  it('shows each theme as a list with a labelled pair of fields per prompt', async () => {
    const page = await (await browser.get('/settings/prompts', 'owner')).text();
    expect(page).toContain(`value="${defaultPrompts.power[0]?.fi ?? ''}"`);
    expect(page).toContain('Siirrä ylös: kysymys 2');
    expect(page).toContain('Lisää kysymys');
  });

  it('saves edits, adds, moves and removes, each keeping the others’ edits', async () => {
    expect((await post('owner', list, { intent: 'save' })).status).toBe(302);
    expect(await power()).toEqual(['Kuka päättää?', 'Mistä vaikenet?', 'Kenen ääni puuttuu?']);

    // Moving the third up also saves the edit typed into the first.
    const edited: [string, string][] = [
      ['Kuka oikeasti päättää?', 'Who really decides?'],
      second,
      third,
    ];
    expect((await post('owner', edited, { intent: 'up-2' })).status).toBe(302);
    expect(await power()).toEqual([
      'Kuka oikeasti päättää?',
      'Kenen ääni puuttuu?',
      'Mistä vaikenet?',
    ]);

    await post('owner', list, { intent: 'remove-0' });
    expect(await power()).toEqual(['Mistä vaikenet?', 'Kenen ääni puuttuu?']);

    await post('owner', list.slice(1), {
      intent: 'add',
      newFi: 'Mitä valta sinulle merkitsee?',
      newEn: 'What does power mean to you?',
    });
    expect(await power()).toEqual([
      'Mistä vaikenet?',
      'Kenen ääni puuttuu?',
      'Mitä valta sinulle merkitsee?',
    ]);
    // Enter in a field sends no button: the list is saved.
    expect((await post('owner', [first], {})).status).toBe(302);
    expect(await power()).toEqual(['Kuka päättää?']);
  });

  it('shows a half-written prompt again with its error and saves nothing', async () => {
    await post('owner', list, { intent: 'save' });
    // The move is made, so the half-written prompt comes back first.
    const response = await post('owner', [first, ['Vain suomeksi?', '']], { intent: 'up-1' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('value="Vain suomeksi?"');
    expect(page).toContain('Kirjoita kysymys myös tällä kielellä.');
    expect(page).toMatch(
      /id="bank-power-0-en"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="bank-power-0-en"/,
    );
    expect(await power()).toEqual(['Kuka päättää?', 'Mistä vaikenet?', 'Kenen ääni puuttuu?']);

    const empty = await post('owner', list, { intent: 'add', newFi: ' ', newEn: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Kirjoita uusi kysymys ennen kuin lisäät sen.');
  });

  it('goes back to the defaults when every prompt is removed', async () => {
    await post('owner', [first], { intent: 'remove-0' });
    expect(await power()).toEqual(defaultPrompts.power.map((p) => p.fi));
  });

  it('refuses an unknown button with a 400, and a supervisor altogether', async () => {
    expect((await post('owner', list, { intent: 'up-x' })).status).toBe(400);
    const refused = await post('supervisor', list, { intent: 'save' });
    expect(refused.status).toBe(403);
  });
});
