// Numbered pages of a long list, as GOV.UK's pagination component shows them. Lists are paged in
// SQL by offset (page n skips (n - 1) × size rows), so any page can be linked to and bookmarked,
// and each page says how many there are in all.

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface Page<T> {
  rows: T[];
  /** How many rows match, on every page. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** The largest page anyone is sent, whatever the address asks for. */
export const MAX_PAGE_SIZE = 200;

/**
 * The page number from an address's `page` parameter: a whole number from 1, anything else
 * (missing, "abc", "-2", "1e9") means the first page. Past the last page is handled by the list.
 */
export function pageNumberFrom(text: string | null | undefined): number {
  if (!text || !/^[1-9][0-9]{0,6}$/.test(text.trim())) return 1;
  return Number(text.trim());
}

export function pageRequest(page: number, pageSize: number): PageRequest {
  return { page: Math.max(1, Math.floor(page) || 1), pageSize: Math.min(Math.max(1, Math.floor(pageSize) || 1), MAX_PAGE_SIZE) };
}

/** How many rows to skip for a page. */
export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.pageSize;
}

/** A page past the last one (an old bookmark, a list that has shrunk) shows the last page instead. */
export function clampPage(request: PageRequest, total: number): PageRequest {
  const last = Math.max(1, Math.ceil(total / request.pageSize));
  return request.page > last ? { ...request, page: last } : request;
}

export function pageOf<T>(rows: T[], total: number, request: PageRequest): Page<T> {
  return { rows, total, page: request.page, pageSize: request.pageSize, pageCount: Math.max(1, Math.ceil(total / request.pageSize)) };
}

/**
 * Which page numbers to link to: the first, the last, and the current one with its neighbours,
 * with a gap ('…') where pages are left out. The GOV.UK pattern for long lists.
 */
export function pageLinks(page: number, pageCount: number): Array<number | 'gap'> {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const links: Array<number | 'gap'> = [];
  for (const [index, n] of sorted.entries()) {
    if (index > 0 && n - sorted[index - 1]! > 1) links.push('gap');
    links.push(n);
  }
  return links;
}

/** "Showing 51 to 100 of 1,234", or "None" for an empty list. */
export function pageSummary(page: Pick<Page<unknown>, 'rows' | 'total' | 'page' | 'pageSize'>, noun: [string, string]): string {
  const count = (n: number) => n.toLocaleString('en-GB');
  if (page.total === 0) return `No ${noun[1]}`;
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return `Showing ${count(first)} to ${count(last)} of ${count(page.total)} ${page.total === 1 ? noun[0] : noun[1]}`;
}
