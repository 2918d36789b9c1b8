/**
 * A contract's price history. Invoices price a session by the terms in force when it took
 * place (ADR 017), so a price change is recorded as a new row from that moment on; the
 * contract row itself always holds today's terms.
 */
import { and, asc, eq } from 'drizzle-orm';

import type { Db } from '#db/client';
import { contractPrices, contracts } from '#db/schema';

export interface PriceTerms {
  priceCents: number;
  vatRateBasisPoints: number | null;
  vatExemptReason: string | null;
}

const sameTerms = (a: PriceTerms, b: PriceTerms) =>
  a.priceCents === b.priceCents &&
  a.vatRateBasisPoints === b.vatRateBasisPoints &&
  (a.vatExemptReason ?? null) === (b.vatExemptReason ?? null);

/**
 * Records `next` as the contract's terms from `now` on, when they differ from its current
 * ones. A contract without history yet (made before prices were kept, or by the demo) first
 * gets its current terms from its creation, so earlier sessions keep their price. Call inside
 * the transaction that changes the contract, with the contract row locked.
 */
export async function recordPriceChange(
  tx: Db,
  practiceId: string,
  contractId: string,
  next: PriceTerms,
  now: Date,
): Promise<void> {
  const [current] = await tx
    .select({
      createdAt: contracts.createdAt,
      priceCents: contracts.priceCents,
      vatRateBasisPoints: contracts.vatRateBasisPoints,
      vatExemptReason: contracts.vatExemptReason,
    })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.practiceId, practiceId)));
  if (!current || sameTerms(current, next)) return;
  const [first] = await tx
    .select({ id: contractPrices.id })
    .from(contractPrices)
    .where(
      and(eq(contractPrices.contractId, contractId), eq(contractPrices.practiceId, practiceId)),
    )
    .orderBy(asc(contractPrices.effectiveFrom))
    .limit(1);
  const rows = [];
  if (!first) rows.push({ ...termsOf(current), effectiveFrom: current.createdAt });
  rows.push({ ...termsOf(next), effectiveFrom: now });
  await tx.insert(contractPrices).values(rows.map((row) => ({ ...row, practiceId, contractId })));
}

const termsOf = (terms: PriceTerms): PriceTerms => ({
  priceCents: terms.priceCents,
  vatRateBasisPoints: terms.vatRateBasisPoints,
  vatExemptReason: terms.vatExemptReason,
});
