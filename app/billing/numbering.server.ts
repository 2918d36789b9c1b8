import { eq, sql } from 'drizzle-orm';

import type { Db } from '#db/client';
import { practices } from '#db/schema';
import { AppError } from '~/errors';

/**
 * Takes the next `count` numbers of the practice's one invoice series (invoices and credit
 * notes share it, as the VAT Act asks for a single unbroken sequence) and returns the first.
 * The update locks the practice row until the caller's transaction ends, so two callers never
 * take the same numbers, and a rolled-back transaction gives its numbers back.
 */
export async function takeInvoiceNumbers(tx: Db, practiceId: string, count: number) {
  const [numbering] = await tx
    .update(practices)
    .set({ nextInvoiceNumber: sql`${practices.nextInvoiceNumber} + ${count}` })
    .where(eq(practices.id, practiceId))
    .returning({ next: practices.nextInvoiceNumber });
  if (!numbering) throw new AppError('not_found');
  return numbering.next - count;
}
