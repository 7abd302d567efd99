// The network address a request came from. It is used only as the key for a shared rate limit
// and for the visit counter's daily hash, and even there only hashed with a key or salt: never
// stored as is (src/server/security/shared-buckets.ts, src/server/analytics/visitor-hash.ts).
//
// Behind reverse proxies the connection comes from the nearest proxy, and each proxy appends the
// address it received from to `X-Forwarded-For`. Only entries written by proxies the council
// trusts can be believed: anything further left was written by the client. So with
// TRUSTED_PROXIES=n the address is the n-th entry counting from the right of "X-Forwarded-For,
// then the connection's own address" (as Express's `trust proxy` counts hops), and with none
// trusted (the default) the header is ignored. Astro's own reading (the first entry, when
// `security.allowedDomains` is set) is not used: a client could write any address there.

/** The address a request came from, given its connection's address and `X-Forwarded-For`. */
export function forwardedClientAddress(connection: string | undefined, forwardedFor: string | null, trustedProxies: number): string {
  const nearest = connection || 'unknown';
  if (trustedProxies <= 0 || !forwardedFor) return nearest;
  const hops = [
    ...forwardedFor
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    nearest,
  ];
  // Fewer entries than trusted proxies: the furthest one any of them wrote.
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}

/** The request's network address (an Astro page or endpoint), by the council's proxy setting. */
export function clientAddressOf(context: { clientAddress: string; request: Request; locals: App.Locals }): string {
  let connection: string | undefined;
  try {
    connection = context.clientAddress;
  } catch {
    // the adapter cannot tell
  }
  return forwardedClientAddress(connection, context.request.headers.get('x-forwarded-for'), context.locals.settings?.trustedProxies ?? 0);
}
