// Small response helpers shared by pages and endpoints.

/** For anything that shows a person's answers or a case: never kept by the browser or a cache. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** Post/Redirect/Get: "see the page at `location`". */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}

/** The island's background requests ask for JSON; plain forms do not. */
export function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json');
}
