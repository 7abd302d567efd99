// What a back-office page shows instead when a use case refuses: not allowed, or not found.
import { NotAllowed } from '../../domain/staff/permissions.ts';
import { NotFound } from './problems.ts';

export function refusalPath(error: unknown): '/staff/not-allowed' | '/staff/not-found' | null {
  if (error instanceof NotAllowed) return '/staff/not-allowed';
  if (error instanceof NotFound) return '/staff/not-found';
  return null;
}

/** Runs a page's loading; a refusal becomes the page to show instead. */
export async function loadOrRefuse<T>(load: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; path: string }> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    const path = refusalPath(error);
    if (path) return { ok: false, path };
    throw error;
  }
}
