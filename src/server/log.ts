// The service's log: one JSON line per event (pino), to standard output, for whatever collects
// logs where it runs. Never personal data: a request is logged by its method, its route pattern
// (/staff/cases/[id], never the id, a token or the query) and its status; a failure by its kind,
// a short message and where it happened, without the stack. LOG_LEVEL sets how much (info).
import pino from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL?.trim() || 'info',
  base: { service: 'housing-options' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** A failure as a log line may hold it: its kind, a short message and the place it came from. */
export function describeFailure(error: unknown): { type: string; message: string; code?: string; at?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error).slice(0, 200) };
  const code = (error as { code?: unknown }).code;
  // The first line of the stack that is this service's own code (or the first at all): where, not how.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim().replace(/^at /, ''));
  const found = frames.find((frame) => !frame.includes('node_modules') && !frame.startsWith('node:')) ?? frames[0];
  const at = found && placeWithoutFolders(found);
  return {
    type: error.name,
    message: error.message.split('\n')[0]!.slice(0, 200),
    ...(typeof code === 'string' ? { code } : {}),
    ...(at ? { at: at.slice(0, 200) } : {}),
  };
}

/**
 * A stack frame without the folders the service runs from (they say where it is installed, not
 * what failed): `openText (dist/server/chunks/sealing.mjs:41:31)`, not `file:///srv/…/dist/…`.
 */
export function placeWithoutFolders(frame: string): string {
  return frame
    .replace(/(?<=^|[\s(])(?:file:\/\/)?\/[^\s():]*?\/((?:dist|src|scripts|tests|node_modules)\/)/g, '$1')
    .replace(/(?<=^|[\s(])(?:file:\/\/)?\/(?:[^\s():/]+\/)+([^\s():/]+)/g, '$1');
}

/** A path fit for a log: any segment that could be an id, a token or a code becomes [id]. */
export function pathForLog(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (segment.length >= 20 || (segment.length >= 8 && /\d/.test(segment)) ? '[id]' : segment.slice(0, 60)))
    .join('/');
}
