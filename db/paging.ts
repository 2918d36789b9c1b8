/**
 * Numbered pages for the lists that grow with a practice's history (clients, contracts,
 * invoices).
 *
 * Offset paging, not keyset: a page shows "page X of Y" and "rows a–b of N", so the list's
 * size is counted anyway, and one practice's list is at most some thousands of rows, all
 * found through the practice's index. The count is one cheap query, after which OFFSET skips
 * at most those rows, and a page can be linked to by its number. Keyset paging would pay off
 * only with far longer lists, and could not say which page one is on.
 */
export const PAGE_SIZE = 50;

/** One page of a list, and where it stands in the whole. */
export interface Page<Row> {
  rows: Row[];
  /** 1-based; always a page that exists (1 for an empty list). */
  page: number;
  pageCount: number;
  /** Rows on all pages together. */
  total: number;
  pageSize: number;
}

/**
 * The page to read once the list has been counted: the one asked for, or the first when it
 * does not exist (a stale link after a filter narrowed the list, or a typed URL).
 */
export function pageWindow(requested: number, total: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page =
    Number.isInteger(requested) && requested >= 1 && requested <= pageCount ? requested : 1;
  return { page, pageCount, total, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}
