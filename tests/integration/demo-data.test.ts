import { SEALED_TABLES } from '../../src/server/security/secrets/sealed-tables.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { council } from '../../src/config/council.ts';
import { LANDLORD_TEAM, PARTNER_TEAM, ROLES } from '../../src/domain/staff/permissions.ts';
import { demoDirectory } from '../../src/config/directory.ts';
import { demoStaff } from '../../src/server/demo/seed-demo-data.ts';
import { startUp } from '../../src/server/startup.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { verifyPassword } from '../../src/server/staff/password-hash.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { toHandoff } from '../../src/server/handoffs/handoff-record.ts';
import { ring } from '../support/keys.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  beforeEach(async () => {
    t = await tempDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  describe('preparing the database at start-up', () => {
    it('in demo mode, seeds an empty database with one account per role, each in a real team', async () => {
      const report = await startUp(t.db, { demoMode: true }, serviceRules, ring);
      expect(report.demoSeed).toEqual({
        staffAdded: demoStaff.length,
        staffAlreadyThere: 0,
        directoryServicesAdded: demoDirectory.organizations.flatMap((o) => o.services).length,
        handoffsAdded: 6,
        advertsAdded: 27,
        historyCasesAdded: expect.any(Number),
        packRequestsAdded: 3,
      });
      // A fictional year behind the managers' reports: closed cases, most with outcomes.
      expect(report.demoSeed!.historyCasesAdded).toBeGreaterThan(200);
      expect(
        Number(
          (
            await t.db
              .selectFrom('weekly_visitor_count')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(60);

      const staff = await t.db.selectFrom('staff_user').selectAll().execute();
      expect(new Set(staff.map((s) => s.role))).toEqual(new Set(ROLES));
      for (const person of staff) {
        if (person.role === 'partner') {
          // A partner belongs to an organisation in the directory, not to a council team.
          expect(person.team_id).toBe(PARTNER_TEAM);
          expect(demoDirectory.organizations.map((o) => o.id)).toContain(person.organization_id);
        } else if (person.role === 'landlord') {
          // A landlord account belongs to a landlord in the accreditation scheme.
          expect(person.team_id).toBe(LANDLORD_TEAM);
          const landlord = await t.db
            .selectFrom('landlord')
            .select('email')
            .where('id', '=', person.landlord_id!)
            .executeTakeFirstOrThrow();
          expect(landlord.email).toBe(person.email);
        } else {
          expect(council.teams.map((team) => team.id)).toContain(person.team_id);
          expect(person.organization_id).toBeNull();
        }
        expect(person.email).toMatch(/@[a-z]+\.example$/); // clearly fictional: a reserved .example domain
        expect(person.password_hash).toMatch(/^\$argon2id\$/);
      }
    });

    it('puts fictional hand-offs in the queue, worked out from their answers like real ones', async () => {
      await startUp(t.db, { demoMode: true }, serviceRules, ring);
      // The open ones: the fictional year behind the reports is all closed.
      const sealed = await t.db.selectFrom('handoff').selectAll().where('status', '!=', 'closed').execute();
      // Names and contact details are encrypted at rest: read through the hand-off record.
      expect(sealed.map((h) => h.data_key_id)).toEqual(sealed.map(() => ring.currentId));
      const handoffs = sealed.map((h) => ({ ...h, ...toHandoff(h, ring) })).sort((a, b) => a.contact.name.localeCompare(b.contact.name));
      expect(await t.db.selectFrom('handoff').select('id').where('status', '=', 'closed').where('closed_at', 'is', null).execute()).toEqual(
        [],
      );
      expect(handoffs.map((h) => [h.contact.name, h.need_level, h.team_id])).toEqual([
        ['Alex Carter', 'moderate', 'private-sector'],
        ['Dafydd Orme', 'moderate', 'housing-options'],
        ['Jordan Bell', 'high', 'housing-options'],
        ['Morgan Hale', 'emergency', 'housing-options'],
        ['Riley Shaw', 'emergency', 'housing-options'],
        ['Sam Reyes', 'moderate', 'welfare-rights'],
      ]);
      // Dafydd Orme went through it with the demo adviser at a surgery: his case is hers, contact made.
      const assisted = handoffs.find((h) => h.contact.name === 'Dafydd Orme')!;
      expect([assisted.channel, assisted.surgery_id, assisted.status, assisted.assigned_to === assisted.assisted_by]).toEqual([
        'surgery',
        'eastgate-library',
        'acknowledged',
        true,
      ]);
      // Guides by post in the print queue: two waiting, one posted.
      const requests = await t.db.selectFrom('posted_pack_request').select('status').execute();
      expect(requests.map((r) => r.status).sort()).toEqual(['posted', 'waiting', 'waiting']);
      for (const h of handoffs.filter((h) => h.channel === 'web')) {
        expect(h.status).toBe('new');
        expect(h.contact.phone ?? h.contact.email).toMatch(/^07700 900 \d{3}$|@mail\.example$/); // Ofcom drama range or .example
        expect(JSON.parse(h.plan_step_ids).length).toBeGreaterThan(0);
      }
    });

    it('stores demo passwords that verify, and only as hashes', async () => {
      await startUp(t.db, { demoMode: true }, serviceRules, ring);
      const account = demoStaff.find((s) => s.role === 'administrator')!;
      const row = await t.db.selectFrom('staff_user').selectAll().where('email', '=', account.email).executeTakeFirstOrThrow();
      expect(row.password_hash).not.toContain(account.password);
      expect(await verifyPassword(row.password_hash, account.password)).toBe(true);
      expect(await verifyPassword(row.password_hash, 'wrong-password')).toBe(false);
    });

    it('does not seed twice, and does not seed at all when demo mode is off', async () => {
      await startUp(t.db, { demoMode: true }, serviceRules, ring);
      const again = await startUp(t.db, { demoMode: true }, serviceRules, ring);
      expect(again).toEqual({
        migrationsApplied: [],
        sealed: Object.fromEntries(SEALED_TABLES.map((spec) => [spec.table, 0])),
        demoSeed: null,
      });
      expect(await t.db.selectFrom('staff_user').select('id').execute()).toHaveLength(demoStaff.length);

      const other = await tempDatabase(dialect);
      try {
        const report = await startUp(other.db, { demoMode: false }, serviceRules, ring);
        expect(report.demoSeed).toBeNull();
        expect(await other.db.selectFrom('staff_user').select('id').execute()).toHaveLength(0);
      } finally {
        await other.cleanUp();
      }
    });
  });
});
