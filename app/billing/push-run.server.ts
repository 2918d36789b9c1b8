/**
 * Pushing many invoices: a confirmed run's, or every unfinished one of a practice ("resume",
 * the owner's button after a failure). One invoice at a time, each in its own transaction
 * (push-invoice.server.ts); one invoice's failure does not stop the others.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type Stripe from 'stripe';

import { invoiceRuns, invoices } from '#db/schema';
import type { DomainContext } from '~/domain/context';

import { pushInvoice } from './push-invoice.server';

export interface PushSummary {
  /** Invoices this push sent. */
  sent: number;
  failed: { invoiceId: string; error: string }[];
}

/** Pushes every unsent invoice of the run; marks the run complete once all are sent. */
export async function pushRun(
  ctx: DomainContext,
  stripe: Stripe,
  runId: string,
  practiceId: string,
): Promise<PushSummary> {
  const ids = await unsentInvoiceIds(ctx, practiceId, runId);
  const summary = await pushEach(ctx, stripe, practiceId, ids);
  if (
    summary.failed.length === 0 &&
    (await unsentInvoiceIds(ctx, practiceId, runId)).length === 0
  ) {
    await ctx.db
      .update(invoiceRuns)
      .set({ completedAt: ctx.now })
      .where(
        and(
          eq(invoiceRuns.id, runId),
          eq(invoiceRuns.practiceId, practiceId),
          isNull(invoiceRuns.completedAt),
        ),
      );
  }
  return summary;
}

/** Pushes every unsent invoice of the practice, whichever run wrote it. */
export async function pushPendingInvoices(
  ctx: DomainContext,
  stripe: Stripe,
  practiceId: string,
): Promise<PushSummary> {
  return pushEach(ctx, stripe, practiceId, await unsentInvoiceIds(ctx, practiceId, null));
}

async function pushEach(
  ctx: DomainContext,
  stripe: Stripe,
  practiceId: string,
  invoiceIds: readonly string[],
): Promise<PushSummary> {
  const summary: PushSummary = { sent: 0, failed: [] };
  for (const invoiceId of invoiceIds) {
    try {
      const outcome = await pushInvoice(ctx, stripe, invoiceId, practiceId);
      if (outcome.status === 'failed') summary.failed.push({ invoiceId, error: outcome.error });
      // An invoice that another push finished meanwhile is neither: it was not sent by this one.
      if (outcome.status === 'sent') summary.sent += 1;
    } catch (error) {
      // A database failure (a deadlock, a lost connection) belongs to this invoice only;
      // its next push starts from what was committed.
      const message = error instanceof Error ? error.message : String(error);
      summary.failed.push({ invoiceId, error: message });
    }
  }
  return summary;
}

/**
 * In number order, so that two pushes of the same invoices meet on the same first invoice
 * and then go on one behind the other instead of locking rows in opposite orders.
 */
async function unsentInvoiceIds(
  { db }: DomainContext,
  practiceId: string,
  runId: string | null,
): Promise<string[]> {
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.practiceId, practiceId),
        runId === null ? undefined : eq(invoices.runId, runId),
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['pending', 'open']),
        isNull(invoices.sentAt),
      ),
    )
    .orderBy(asc(invoices.number));
  return rows.map((row) => row.id);
}
