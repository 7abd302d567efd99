// Typed runtime settings, read from the environment once at start-up. Every setting, its
// default and its meaning is listed in the README's configuration table.
// This module has no Astro imports so scripts (migrate, seed, serve) share it with the server.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DataKeyError, parseDataKeys, type DataKeyring } from './data-keys.ts';

export interface Settings {
  /** Interface the server listens on. */
  host: string;
  /** Port the server listens on. */
  port: number;
  /** Where the data lives: a SQLite file (the default), or a PostgreSQL server. */
  database: DatabaseLocation;
  /**
   * The public address of the site: links sent by email, the one origin form posts may come from
   * (besides the request's own), and, when https, `Secure` cookies and HSTS.
   */
  siteUrl: URL;
  /**
   * How many reverse proxies in front of the server append to `X-Forwarded-For` (0: the header is
   * ignored and the connection's address is the client's). See src/server/web/client-address.ts.
   */
  trustedProxies: number;
  /** Key for signing values the browser holds (at least 32 characters). */
  secretKey: string;
  /** Keys for answers, safety notes and contact details at rest, and for their lookup hashes. */
  dataKeys: DataKeyring;
  /** Fill an empty database with fictional demo data at start-up. */
  demoMode: boolean;
  /** Where team notifications go: SMTP when set, otherwise they wait in the outbox table. */
  smtp: { url: string; from: string } | null;
  /** Without SMTP, outgoing email can be written to files in this folder instead (development and tests). */
  mailDropDir: string | null;
  /** GOV.UK Notify, for text messages (a share code texted to the person): NOTIFY_API_KEY and NOTIFY_TEXT_TEMPLATE_ID. */
  notify: NotifySettings | null;
  /** Unsaved self-assessment answers are deleted after this long without activity. */
  draftIdleHours: number;
  /** Answers saved with a return code are deleted after this many days. */
  savedDraftDays: number;
  /** Staff sessions end after this many minutes without activity... */
  staffIdleMinutes: number;
  /** ...and after this many hours whatever happens. */
  staffSessionHours: number;
  /** Self-assessments one network address may start in an hour (then one more each 1/n of an hour). */
  selfAssessmentsPerHour: number;
  /** Hand-offs one network address may send in an hour (then one more each 1/n of an hour). */
  handoffsPerHour: number;
  /** Requests for information packs by post one network address may make in an hour. */
  packRequestsPerHour: number;
  /** Share codes one network address may make in an hour (each can send an email or a text). */
  shareCodesPerHour: number;
  production: boolean;
}

type Env = Record<string, string | undefined>;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export const DEFAULT_DATABASE_URL = 'file:./data/housing-options.db';

export type DatabaseLocation = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string; poolSize: number };

/** Where the database is, for messages: never the password. */
export function describeDatabase(location: DatabaseLocation): string {
  if (location.kind === 'sqlite') return location.filename;
  const url = new URL(location.url);
  return `postgres://${url.host}${url.pathname}`;
}

/**
 * Turns DATABASE_URL into a database location. `postgres://` and `postgresql://` URLs are a
 * PostgreSQL server (with DATABASE_POOL_SIZE connections); `file:` URLs and bare paths are SQLite files.
 */
export function parseDatabaseUrl(value: string, cwd = process.cwd(), poolSize = 10): DatabaseLocation {
  const trimmed = value.trim();
  if (/^postgres(ql)?:/i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new SettingsError('DATABASE_URL is not a PostgreSQL address like "postgres://user:password@host:5432/housing".');
    }
    if (url.pathname.length <= 1)
      throw new SettingsError('DATABASE_URL must name the database, like "postgres://user:password@host:5432/housing".');
    return { kind: 'postgres', url: trimmed, poolSize };
  }
  if (trimmed === ':memory:' || trimmed === 'file::memory:') return { kind: 'sqlite', filename: ':memory:' };
  const filePath = trimmed.startsWith('file:') ? trimmed.slice('file:'.length).replace(/^\/\/(?=\/)/, '') : trimmed;
  if (filePath === '') throw new SettingsError('DATABASE_URL is empty. Leave it unset for the default, or give a file path.');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filePath)) {
    throw new SettingsError(`DATABASE_URL: "${trimmed}" is not a SQLite file. Use "file:./data/housing-options.db" or a path.`);
  }
  return { kind: 'sqlite', filename: path.resolve(cwd, filePath) };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 4321;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SettingsError(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  }
  return port;
}

function parseWholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new SettingsError(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return number;
}

function parseSmtp(env: Env): Settings['smtp'] {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url))
    throw new SettingsError('SMTP_URL must start with smtp:// or smtps://, like "smtps://user:pass@smtp.example.org:465".');
  const from = env.SMTP_FROM?.trim();
  if (!from) throw new SettingsError('SMTP_FROM must be set when SMTP_URL is, like "Housing Options <no-reply@example.gov.uk>".');
  return { url, from };
}

export interface NotifySettings {
  /** The service's id and the key's secret, from the API key ("name-{service id}-{secret}"). */
  serviceId: string;
  secret: string;
  /** A text message template whose whole content is ((body)). */
  templateId: string;
  /** Notify's address (another only for a test double or a proxy). */
  baseUrl: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function parseNotify(env: Env): NotifySettings | null {
  const key = env.NOTIFY_API_KEY?.trim();
  if (!key) return null;
  const parts = new RegExp(`^.+-(${UUID})-(${UUID})$`, 'i').exec(key);
  if (!parts) throw new SettingsError('NOTIFY_API_KEY must be a GOV.UK Notify API key: its name, then the service id and the secret.');
  const templateId = env.NOTIFY_TEXT_TEMPLATE_ID?.trim() ?? '';
  if (!new RegExp(`^${UUID}$`, 'i').test(templateId))
    throw new SettingsError(
      'NOTIFY_TEXT_TEMPLATE_ID must be set when NOTIFY_API_KEY is: the id of a text template whose content is ((body)).',
    );
  const baseUrl = env.NOTIFY_URL?.trim() || 'https://api.notifications.service.gov.uk';
  if (!/^https?:\/\//.test(baseUrl)) throw new SettingsError('NOTIFY_URL must start with https://');
  return { serviceId: parts[1]!, secret: parts[2]!, templateId, baseUrl: baseUrl.replace(/\/+$/, '') };
}

function parseMailDropDir(env: Env, production: boolean): string | null {
  const dir = env.MAIL_DROP_DIR?.trim();
  if (!dir) return null;
  if (production) throw new SettingsError('MAIL_DROP_DIR is for development and tests only; in production set SMTP_URL.');
  return path.resolve(dir);
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new SettingsError(`${name} must be true or false, not "${value}".`);
}

export function readSettings(env: Env = process.env): Settings {
  const production = env.NODE_ENV === 'production';
  const port = parsePort(env.PORT);
  const host = env.HOST?.trim() || '127.0.0.1';

  let siteUrl: URL;
  try {
    siteUrl = new URL(env.SITE_URL?.trim() || `http://localhost:${port}`);
  } catch {
    throw new SettingsError(`SITE_URL must be a full address such as "https://housing.example.gov.uk", not "${env.SITE_URL}".`);
  }

  let secretKey = env.SECRET_KEY ?? '';
  if (secretKey === '') {
    if (production) throw new SettingsError('SECRET_KEY must be set in production (at least 32 random characters).');
    // Outside production a key made for this run is enough: signed values last one run.
    secretKey = randomBytes(32).toString('base64url');
  } else if (secretKey.length < 32) {
    throw new SettingsError('SECRET_KEY must be at least 32 characters long.');
  }

  let dataKeys: DataKeyring;
  try {
    dataKeys = parseDataKeys(env.DATA_KEYS, env.LOOKUP_KEY, production);
  } catch (error) {
    if (error instanceof DataKeyError) throw new SettingsError(error.message);
    throw error;
  }

  const demoMode = parseBoolean('DEMO_MODE', env.DEMO_MODE, !production);
  if (production && demoMode) {
    throw new SettingsError(
      'DEMO_MODE=true is refused when NODE_ENV=production: demo mode fills the database with fictional people and eight staff accounts whose passwords are in the README. Remove DEMO_MODE (or set it to false) for a real service; to try the demo, leave NODE_ENV unset.',
    );
  }

  return {
    host,
    port,
    database: parseDatabaseUrl(
      env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL,
      process.cwd(),
      parseWholeNumber('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 100),
    ),
    siteUrl,
    trustedProxies: parseWholeNumber('TRUSTED_PROXIES', env.TRUSTED_PROXIES, 0, 0, 10),
    secretKey,
    dataKeys,
    demoMode,
    production,
    smtp: parseSmtp(env),
    mailDropDir: parseMailDropDir(env, production),
    notify: parseNotify(env),
    draftIdleHours: parseWholeNumber('DRAFT_IDLE_HOURS', env.DRAFT_IDLE_HOURS, 4, 1, 72),
    savedDraftDays: parseWholeNumber('SAVED_DRAFT_DAYS', env.SAVED_DRAFT_DAYS, 7, 1, 30),
    staffIdleMinutes: parseWholeNumber('STAFF_IDLE_MINUTES', env.STAFF_IDLE_MINUTES, 30, 5, 480),
    staffSessionHours: parseWholeNumber('STAFF_SESSION_HOURS', env.STAFF_SESSION_HOURS, 12, 1, 24),
    selfAssessmentsPerHour: parseWholeNumber('SELF_ASSESSMENTS_PER_HOUR', env.SELF_ASSESSMENTS_PER_HOUR, 120, 1, 1_000_000),
    handoffsPerHour: parseWholeNumber('HANDOFFS_PER_HOUR', env.HANDOFFS_PER_HOUR, 10, 1, 1_000_000),
    packRequestsPerHour: parseWholeNumber('PACK_REQUESTS_PER_HOUR', env.PACK_REQUESTS_PER_HOUR, 5, 1, 1_000_000),
    shareCodesPerHour: parseWholeNumber('SHARE_CODES_PER_HOUR', env.SHARE_CODES_PER_HOUR, 10, 1, 1_000_000),
  };
}

let cached: Settings | undefined;

/** The settings of this process, read on first use. */
export function settings(): Settings {
  cached ??= readSettings();
  return cached;
}
