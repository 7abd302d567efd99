// The quick exit ("Exit this page"): end everything the server holds for this visit, then send
// the person to a neutral site without telling that site where they came from.

/** Names of the cookies in a Cookie request header. */
export function cookieNames(cookieHeader: string | null): string[] {
  if (!cookieHeader) return [];
  return cookieHeader
    .split(';')
    .map((part) => part.split('=')[0]?.trim() ?? '')
    .filter((name) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name));
}

export interface QuickExitResult {
  status: 303;
  headers: Headers;
}

/** A cookie the browser does not send to /exit (its Path is elsewhere), expired by name and path. */
export interface ScopedCookie {
  name: string;
  path: string;
}

/**
 * Builds the response for /exit: expire every cookie the browser sent, and the ones kept for
 * other paths (`scoped`: the back office's, so a staff sign-in on the same browser ends too), ask
 * the browser to clear this site's storage, and redirect with no Referer.
 */
export function quickExit(cookieHeader: string | null, destination: string, scoped: ScopedCookie[] = []): QuickExitResult {
  const headers = new Headers({
    Location: destination,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Clear-Site-Data': '"storage"',
  });
  const scopedNames = new Set(scoped.map((cookie) => cookie.name));
  for (const name of new Set(cookieNames(cookieHeader))) {
    // A scoped cookie is expired below, at its own path (Path=/ would not match it).
    if (!scopedNames.has(name)) headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  }
  for (const { name, path } of scoped) {
    headers.append('Set-Cookie', `${name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`);
  }
  return { status: 303, headers };
}
