import { and, eq, inArray, isNull } from 'drizzle-orm';

import type { Db } from '#db/client';
import { invoiceLines, supervisionSessions } from '#db/schema';

/**
 * Takes an invoice's sessions off it (the invoice was voided, or its lines credited): the
 * lines stay as the record of what was invoiced, and the sessions may be invoiced again and
 * their outcomes corrected. All the invoice's lines, or only `lineIds` (a credit note of some
 * of them). Call inside the transaction that changes the invoice.
 */
export async function releaseInvoiceLines(
  tx: Db,
  practiceId: string,
  invoiceId: string,
  now: Date,
  lineIds?: readonly string[],
): Promise<void> {
  const released = await tx
    .update(invoiceLines)
    .set({ releasedAt: now })
    .where(
      and(
        eq(invoiceLines.invoiceId, invoiceId),
        eq(invoiceLines.practiceId, practiceId),
        isNull(invoiceLines.releasedAt),
        lineIds ? inArray(invoiceLines.id, [...lineIds]) : undefined,
      ),
    )
    .returning({ sessionId: invoiceLines.sessionId });
  const sessionIds = released.flatMap((line) => (line.sessionId ? [line.sessionId] : []));
  if (sessionIds.length === 0) return;
  await tx
    .update(supervisionSessions)
    .set({ invoicedAt: null })
    .where(
      and(
        inArray(supervisionSessions.id, sessionIds),
        eq(supervisionSessions.practiceId, practiceId),
      ),
    );
}
