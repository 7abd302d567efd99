import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, readSettings } from '../../../src/config/settings.ts';

describe('settings', () => {
  it('has working defaults for a newcomer: port 4321, a file under ./data, demo mode on', () => {
    const s = readSettings({});
    expect(s.port).toBe(4321);
    expect(s.host).toBe('127.0.0.1');
    expect(s.database).toEqual({ kind: 'sqlite', filename: path.resolve('data/housing-options.db') });
    expect(s.siteUrl.href).toBe('http://localhost:4321/');
    expect(s.demoMode).toBe(true);
    expect(s.production).toBe(false);
    expect(s.secretKey.length).toBeGreaterThanOrEqual(32);
    expect([s.selfAssessmentsPerHour, s.handoffsPerHour]).toEqual([120, 10]);
  });

  it('takes the public limits per hour as whole numbers, and says what is wrong otherwise', () => {
    expect(readSettings({ HANDOFFS_PER_HOUR: '25', SELF_ASSESSMENTS_PER_HOUR: '300' })).toMatchObject({
      handoffsPerHour: 25,
      selfAssessmentsPerHour: 300,
    });
    expect(() => readSettings({ HANDOFFS_PER_HOUR: '0' })).toThrow('HANDOFFS_PER_HOUR must be a whole number from 1 to 1000000, not "0".');
    expect(() => readSettings({ SELF_ASSESSMENTS_PER_HOUR: 'lots' })).toThrow('SELF_ASSESSMENTS_PER_HOUR must be a whole number');
  });

  it('turns demo mode off in production, refuses to turn it on there, and insists on a secret key there', () => {
    expect(() => readSettings({ NODE_ENV: 'production' })).toThrow('SECRET_KEY must be set in production');
    expect(() => readSettings({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) })).toThrow(
      'DATA_KEYS and LOOKUP_KEY must be set in production',
    );
    const keys = { DATA_KEYS: `2026-12:${Buffer.alloc(32, 7).toString('base64')}`, LOOKUP_KEY: 'l'.repeat(32) };
    const s = readSettings({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), ...keys });
    expect(s.demoMode).toBe(false);
    expect(s.dataKeys).toMatchObject({ currentId: '2026-12', development: false });
    // Demo data (and its published staff passwords) never reaches a production service.
    expect(() => readSettings({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), DEMO_MODE: 'true', ...keys })).toThrow(
      'DEMO_MODE=true is refused when NODE_ENV=production',
    );
    expect(readSettings({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), DEMO_MODE: 'false', ...keys }).demoMode).toBe(false);
  });

  it('keeps unsaved answers 4 hours and saved ones 7 days unless told otherwise, and has no SMTP by default', () => {
    const s = readSettings({});
    expect([s.draftIdleHours, s.savedDraftDays, s.smtp]).toEqual([4, 7, null]);
    expect(readSettings({ SAVED_DRAFT_DAYS: '14' }).savedDraftDays).toBe(14);
    expect(() => readSettings({ SAVED_DRAFT_DAYS: '90' })).toThrow('SAVED_DRAFT_DAYS must be a whole number from 1 to 30, not "90"');
    expect(readSettings({ SMTP_URL: 'smtp://mail:25', SMTP_FROM: 'a@b.example' }).smtp).toEqual({
      url: 'smtp://mail:25',
      from: 'a@b.example',
    });
    expect(() => readSettings({ SMTP_URL: 'smtp://mail:25' })).toThrow('SMTP_FROM must be set');
    expect(() => readSettings({ SMTP_URL: 'mail.example.org' })).toThrow('SMTP_URL must start with smtp://');
  });

  it('gives clear errors for bad values', () => {
    expect(() => readSettings({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 1 to 65535, not "eighty"');
    expect(() => readSettings({ PORT: '70000' })).toThrow('PORT must be a whole number');
    expect(() => readSettings({ DEMO_MODE: 'maybe' })).toThrow('DEMO_MODE must be true or false, not "maybe"');
    expect(() => readSettings({ SECRET_KEY: 'short' })).toThrow('SECRET_KEY must be at least 32 characters');
    expect(() => readSettings({ SITE_URL: 'not a url' })).toThrow('SITE_URL must be a full address');
  });

  it('reads DATABASE_URL as a SQLite file in the forms people write', () => {
    expect(parseDatabaseUrl('file:./data/x.db', '/srv/app')).toEqual({ kind: 'sqlite', filename: '/srv/app/data/x.db' });
    expect(parseDatabaseUrl('file:///var/lib/ho/app.db', '/srv/app')).toEqual({ kind: 'sqlite', filename: '/var/lib/ho/app.db' });
    expect(parseDatabaseUrl('/var/lib/ho/app.db', '/srv/app')).toEqual({ kind: 'sqlite', filename: '/var/lib/ho/app.db' });
    expect(parseDatabaseUrl(':memory:')).toEqual({ kind: 'sqlite', filename: ':memory:' });
  });

  it('says plainly that PostgreSQL and other databases are not supported yet', () => {
    expect(parseDatabaseUrl('postgres://user:secret@db.example:5432/housing', '/srv/app', 20)).toEqual({
      kind: 'postgres',
      url: 'postgres://user:secret@db.example:5432/housing',
      poolSize: 20,
    });
    expect(readSettings({ DATABASE_URL: 'postgresql://u@h/housing' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@h/housing',
      poolSize: 10,
    });
    expect(() => parseDatabaseUrl('postgres://user@host')).toThrow('must name the database');
    expect(() => readSettings({ DATABASE_URL: 'postgres://u@h/db', DATABASE_POOL_SIZE: '0' })).toThrow(
      'DATABASE_POOL_SIZE must be a whole number from 1 to 100',
    );
    expect(() => parseDatabaseUrl('mysql://host/db')).toThrow('is not a SQLite file');
    expect(() => parseDatabaseUrl('file:')).toThrow('DATABASE_URL is empty');
  });
});
