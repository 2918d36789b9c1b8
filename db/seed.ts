/**
 * The demo practice a new user finds on first start. Runs only on an empty database, and
 * never in production unless SEED_DEMO=1.
 */
import { count } from 'drizzle-orm';

import { hashPassword } from '~/auth/password.server';
import { signUp } from '~/auth/sign-up.server';

import type { Db } from './client';
import { clients, memberships, practices, users } from './schema';

export const demoAccounts = {
  owner: {
    email: 'omistaja@demo.ohjaamo.fi',
    password: 'demo-omistaja-2026',
    name: 'Aino Ohjaaja',
  },
  supervisor: {
    email: 'ohjaaja@demo.ohjaamo.fi',
    password: 'demo-ohjaaja-2026',
    name: 'Veikko Väisänen',
  },
} as const;

const demoClients = [
  { name: 'Maria Lehtonen', title: 'Osastonhoitaja', organisation: 'Itä-Suomen hyvinvointialue' },
  { name: 'Jukka Salminen', title: 'Rehtori', organisation: 'Koivurinteen koulu' },
  { name: 'Sanna Kivelä', title: 'Tiiminvetäjä', organisation: 'Kaupungin asiakaspalvelu' },
  { name: 'Timo Rantanen', title: 'Tuotantopäällikkö', organisation: 'Rantasen Puu Oy' },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(practices);
  return (row?.n ?? 0) === 0;
}

/** Creates the demo practice; returns false (and does nothing) if any practice exists. */
export async function seedDemoPractice(db: Db): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  const { owner, supervisor } = demoAccounts;
  const { practiceId } = await signUp(db, {
    practiceName: 'Työnohjaus Kajo',
    name: owner.name,
    email: owner.email,
    password: owner.password,
    locale: null,
  });
  const supervisorHash = await hashPassword(supervisor.password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: supervisor.email, name: supervisor.name, passwordHash: supervisorHash })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    await tx.insert(memberships).values({ practiceId, userId: user.id, role: 'supervisor' });
    await tx.insert(clients).values(demoClients.map((c) => ({ ...c, practiceId })));
  });
  return true;
}
