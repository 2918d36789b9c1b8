/**
 * Whether and on which invoice a session is billed, for the session page. Number and status
 * only, never amounts: a supervisor sees it on their own sessions, and the price of a
 * contract is the owner's business.
 */
import { and, eq, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { invoiceLines, invoices } from '#db/schema';
import type { InvoiceStatus } from '#db/schema/values';

export interface SessionInvoice {
  invoiceId: string;
  number: number;
  status: InvoiceStatus;
}

/**
 * The invoice of the session's live line (not released by a void or a credit), or null. One
 * query, found through the partial unique index `invoice_lines_live_session_key`. Internal:
 * the caller has already shown that the actor may see the session.
 */
export async function invoiceOfSession(
  db: Db,
  practiceId: string,
  sessionId: string,
): Promise<SessionInvoice | null> {
  const [row] = await db
    .select({ invoiceId: invoices.id, number: invoices.number, status: invoices.status })
    .from(invoiceLines)
    .innerJoin(
      invoices,
      and(eq(invoices.id, invoiceLines.invoiceId), eq(invoices.practiceId, practiceId)),
    )
    .where(
      and(
        eq(invoiceLines.sessionId, sessionId),
        eq(invoiceLines.practiceId, practiceId),
        isNull(invoiceLines.releasedAt),
      ),
    );
  return row ?? null;
}
