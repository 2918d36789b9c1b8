import type { MessageKey } from '~/i18n';

/**
 * Stripe names what it still needs by field paths (`requirements.currently_due`, e.g.
 * `representative.first_name`, `external_account`). The owner reads them as a few plain
 * groups; a path we do not recognise is shown as Stripe wrote it rather than hidden.
 */
const groups: [prefix: string, key: MessageKey][] = [
  ['business_profile.', 'billing.requirement.businessProfile'],
  ['company.', 'billing.requirement.company'],
  ['individual.', 'billing.requirement.individual'],
  ['representative.', 'billing.requirement.people'],
  ['person_', 'billing.requirement.people'],
  ['owners.', 'billing.requirement.people'],
  ['directors.', 'billing.requirement.people'],
  ['executives.', 'billing.requirement.people'],
  ['external_account', 'billing.requirement.bankAccount'],
  ['tos_acceptance.', 'billing.requirement.terms'],
];

export type RequirementText = { key: MessageKey } | { raw: string };

/** The requirements in words, each group once, in the order Stripe listed them. */
export function describeRequirements(requirementsDue: readonly string[]): RequirementText[] {
  const seen = new Set<string>();
  const described: RequirementText[] = [];
  for (const path of requirementsDue) {
    const key = groups.find(([prefix]) => path.startsWith(prefix))?.[1];
    const id = key ?? path;
    if (seen.has(id)) continue;
    seen.add(id);
    described.push(key ? { key } : { raw: path });
  }
  return described;
}
