// The network address a request came from. It is used only as the key for a shared rate limit,
// and even there only as a keyed hash (src/server/security/shared-buckets.ts): never stored as is.

/** The request's network address, or 'unknown' when the adapter cannot tell. */
export function clientAddressOf(context: { clientAddress: string }): string {
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}
