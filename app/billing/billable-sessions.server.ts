/**
 * Which sessions of a period an invoice run bills, and which it leaves out and why — one
 * query, whatever the size of the practice.
 *
 * Billable: a held session; a late cancellation by the supervisee and a no-show when the
 * contract charges them and the charge was not waived (the session's `chargeable`, kept by
 * the outcome code). Priced by the contract's terms in force when the session took place
 * (ADR 017): the latest price row at or before it, else the earliest row (a session from
 * before the history began), else the contract's own columns.
 */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import {
  contractParticipants,
  contractPrices,
  contracts,
  invoiceLines,
  type Payer,
  supervisionSessions,
} from '#db/schema';
import { addDays, helsinkiInstant, type LocalDate } from '~/time/helsinki';

export interface BillingPeriod {
  /** Inclusive Helsinki calendar days. */
  start: LocalDate;
  end: LocalDate;
}

export type ChargedOutcome = 'held' | 'late_cancelled' | 'no_show';

export interface BillableSession {
  sessionId: string;
  contractId: string;
  contractCode: string;
  startsAt: Date;
  minutes: number;
  outcome: ChargedOutcome;
  payerKind: Payer;
  /** The commissioner, or for a supervisee-paid individual contract the supervisee. */
  payerId: string;
  priceCents: number;
  vatRateBasisPoints: number | null;
  vatExemptReason: string | null;
}

export type LeftOutReason =
  'noOutcome' | 'waived' | 'notCharged' | 'alreadyInvoiced' | 'payerUnclear' | 'missingVatReason';

export interface LeftOutSession {
  sessionId: string;
  contractId: string;
  contractCode: string;
  startsAt: Date;
  reason: LeftOutReason;
}

const s = supervisionSessions;

export async function sessionsForPeriod(
  db: Db,
  practiceId: string,
  period: BillingPeriod,
  now: Date,
): Promise<{ billable: BillableSession[]; leftOut: LeftOutSession[] }> {
  const from = helsinkiInstant(period.start);
  const until = helsinkiInstant(addDays(period.end, 1));
  const inForce = db
    .select({
      priceCents: contractPrices.priceCents,
      vatRateBasisPoints: contractPrices.vatRateBasisPoints,
      vatExemptReason: contractPrices.vatExemptReason,
    })
    .from(contractPrices)
    .where(
      and(
        eq(contractPrices.contractId, s.contractId),
        sql`${contractPrices.effectiveFrom} <= ${s.startsAt}`,
      ),
    )
    .orderBy(desc(contractPrices.effectiveFrom))
    .limit(1)
    .as('in_force');
  const earliest = db
    .select({
      priceCents: sql<number>`${contractPrices.priceCents}`.as('first_price_cents'),
      vatRateBasisPoints: sql<number | null>`${contractPrices.vatRateBasisPoints}`.as(
        'first_vat_rate_basis_points',
      ),
      vatExemptReason: sql<string | null>`${contractPrices.vatExemptReason}`.as(
        'first_vat_exempt_reason',
      ),
    })
    .from(contractPrices)
    .where(eq(contractPrices.contractId, s.contractId))
    .orderBy(contractPrices.effectiveFrom)
    .limit(1)
    .as('earliest');
  const hasHistory = sql`${earliest.priceCents} is not null`;
  const rows = await db
    .select({
      sessionId: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      chargeable: s.chargeable,
      waived: sql<boolean>`${s.chargeWaivedReason} is not null`,
      invoiced: sql<boolean>`exists (select 1 from ${invoiceLines} where ${invoiceLines.sessionId} = ${s.id} and ${invoiceLines.releasedAt} is null)`,
      contractId: contracts.id,
      contractCode: contracts.code,
      payer: contracts.payer,
      commissionerId: contracts.commissionerId,
      // A supervisee pays only where the contract has exactly one of them.
      soleParticipant: sql<
        string | null
      >`(select case when count(*) = 1 then min(${contractParticipants.clientId}::text) end from ${contractParticipants} where ${contractParticipants.contractId} = ${contracts.id})`,
      priceCents: sql<number>`coalesce(${inForce.priceCents}, case when ${hasHistory} then ${earliest.priceCents} end, ${contracts.priceCents})`,
      vatRateBasisPoints: sql<
        number | null
      >`case when ${inForce.priceCents} is not null then ${inForce.vatRateBasisPoints} when ${hasHistory} then ${earliest.vatRateBasisPoints} else ${contracts.vatRateBasisPoints} end`,
      vatExemptReason: sql<
        string | null
      >`case when ${inForce.priceCents} is not null then ${inForce.vatExemptReason} when ${hasHistory} then ${earliest.vatExemptReason} else ${contracts.vatExemptReason} end`,
    })
    .from(s)
    .innerJoin(contracts, eq(contracts.id, s.contractId))
    .leftJoinLateral(inForce, sql`true`)
    .leftJoinLateral(earliest, sql`true`)
    .where(
      and(
        eq(s.practiceId, practiceId),
        gte(s.startsAt, from),
        lt(s.startsAt, until),
        // A free cancellation is nothing to bill or to explain.
        sql`not (${s.status} = 'cancelled' and ${s.chargeable} = false and ${s.chargeWaivedReason} is null)`,
      ),
    )
    .orderBy(s.startsAt, s.id);

  const billable: BillableSession[] = [];
  const leftOut: LeftOutSession[] = [];
  for (const row of rows) {
    const skip = (reason: LeftOutReason) =>
      leftOut.push({
        sessionId: row.sessionId,
        contractId: row.contractId,
        contractCode: row.contractCode,
        startsAt: row.startsAt,
        reason,
      });
    if (row.status === 'scheduled') {
      // Past its time without an outcome: the supervisor has something to record first.
      if (row.endsAt.getTime() <= now.getTime()) skip('noOutcome');
      continue;
    }
    if (row.waived || !row.chargeable) {
      // Waived by the supervisor, or a no-show the contract does not charge.
      skip(row.waived ? 'waived' : 'notCharged');
      continue;
    }
    if (row.invoiced) {
      skip('alreadyInvoiced');
      continue;
    }
    const payerId = row.payer === 'commissioner' ? row.commissionerId : row.soleParticipant;
    if (!payerId) {
      skip('payerUnclear');
      continue;
    }
    if (row.vatRateBasisPoints === null && !row.vatExemptReason) {
      skip('missingVatReason');
      continue;
    }
    billable.push({
      sessionId: row.sessionId,
      contractId: row.contractId,
      contractCode: row.contractCode,
      startsAt: row.startsAt,
      minutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
      outcome:
        row.status === 'held' ? 'held' : row.status === 'no_show' ? 'no_show' : 'late_cancelled',
      payerKind: row.payer,
      payerId,
      priceCents: Number(row.priceCents),
      vatRateBasisPoints: row.vatRateBasisPoints === null ? null : Number(row.vatRateBasisPoints),
      vatExemptReason: row.vatExemptReason,
    });
  }
  return { billable, leftOut };
}
