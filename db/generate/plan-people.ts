/** The practice, its members, its commissioners and its clients, as rows to insert. */
import type { clients, commissioners, memberships, practices, users } from '../schema';
import {
  businessId,
  cities,
  emailPart,
  finnishIban,
  firstNames,
  lastNames,
  organisationName,
  streets,
  titles,
} from './finnish';
import type { Random } from './random';

export const practiceDomain = 'kajo-harjoitus.example';
export const ownerEmail = `omistaja@${practiceDomain}`;

export interface PeoplePlan {
  practice: typeof practices.$inferInsert & { id: string };
  users: (typeof users.$inferInsert & { id: string; email: string })[];
  memberships: (typeof memberships.$inferInsert)[];
  commissioners: (typeof commissioners.$inferInsert & { id: string; name: string })[];
  clients: (typeof clients.$inferInsert & { id: string })[];
}

/** Distinct "First Last" names in a fixed order for this seed. */
function nameStream(random: Random) {
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; ; attempt++) {
      const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
      // After many collisions a suffix keeps names apart, as a middle initial would.
      const candidate =
        attempt > 20 ? `${name} ${String.fromCharCode(65 + (attempt % 26))}.` : name;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
}

export function address(random: Random) {
  const place = random.pick(cities);
  return {
    street: `${random.pick(streets)} ${random.int(1, 60)}`,
    postalCode: place.postalCode,
    city: place.city,
  };
}

export function planPeople(
  random: Random,
  size: { supervisors: number; clients: number; commissioners: number },
  passwordHash: string,
  createdAt: Date,
): PeoplePlan {
  const practiceId = random.uuid();
  const place = address(random);
  const practiceBusinessId = businessId(random);
  const practice = {
    id: practiceId,
    name: 'Työnohjaus Kajo (harjoitusaineisto)',
    legalName: 'Työnohjaus Kajo Oy',
    streetAddress: place.street,
    postalCode: place.postalCode,
    city: place.city,
    businessId: practiceBusinessId,
    vatNumber: `FI${practiceBusinessId.replace('-', '')}`,
    iban: finnishIban(random),
    createdAt,
    updatedAt: createdAt,
  };

  const nextName = nameStream(random);
  const users: PeoplePlan['users'] = [];
  const memberships: PeoplePlan['memberships'] = [];
  for (let i = 0; i < size.supervisors; i++) {
    const name = nextName();
    const id = random.uuid();
    const email = i === 0 ? ownerEmail : `${emailPart(name)}@${practiceDomain}`;
    users.push({
      id,
      email,
      name,
      passwordHash,
      locale: 'fi',
      emailVerifiedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    });
    memberships.push({ practiceId, userId: id, role: i === 0 ? 'owner' : 'supervisor', createdAt });
  }

  const commissionerRows: PeoplePlan['commissioners'] = [];
  for (let i = 0; i < size.commissioners; i++) {
    const name = organisationName(random, i);
    const where = address(random);
    const eInvoice = random.chance(0.4);
    const id = businessId(random);
    commissionerRows.push({
      id: random.uuid(),
      practiceId,
      name,
      businessId: id,
      billingContact: nextName(),
      billingEmail: `laskutus${i + 1}@tilaaja.example`,
      addressLine: where.street,
      postalCode: where.postalCode,
      city: where.city,
      eInvoiceAddress: eInvoice ? `0037${id.replace('-', '')}` : null,
      eInvoiceOperator: eInvoice ? 'BAWCFI22' : null,
      createdAt,
      updatedAt: createdAt,
    });
  }

  const clientRows: PeoplePlan['clients'] = [];
  for (let i = 0; i < size.clients; i++) {
    const name = nextName();
    const employer = random.pick(commissionerRows);
    clientRows.push({
      id: random.uuid(),
      practiceId,
      name,
      email: random.chance(0.9) ? `${emailPart(name)}@asiakas.example` : null,
      phone: random.chance(0.6) ? `040 ${random.int(100, 999)} ${random.int(1000, 9999)}` : null,
      title: random.pick(titles),
      organisation: employer.name,
      // Filled in by the contract plan for those who pay for their own supervision.
      streetAddress: null,
      postalCode: null,
      city: null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return { practice, users, memberships, commissioners: commissionerRows, clients: clientRows };
}
