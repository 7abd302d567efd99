// Subject access and erasure: a manager exports everything held about the person behind a case
// (answers, contact, notes, every plan version, referrals, who viewed it) and erases it on request
// with a reason, leaving a tombstone; nobody else may do either, and a slip changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { addNote, claimCase } from '../../src/server/casework/case-actions.ts';
import { savePlan } from '../../src/server/casework/plans.ts';
import { eraseOnRequest, exportSubjectAccess } from '../../src/server/casework/subject-access.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { ring } from '../support/keys.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  const now = new Date('2026-11-25T10:00:00Z');
  const row = (goal: string) => ({
    area: 'housing',
    goal,
    action: 'Ring the landlord',
    owner: 'person',
    partner: '',
    dueDay: '1',
    dueMonth: '12',
    dueYear: '2026',
    status: 'to_do',
  });

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('exports everything held, including every plan version and who viewed the record, for managers only', async () => {
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const manager = await insertStaff(t.db, 'manager', 'housing-options');
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const id = await insertHandoff(t.db, { createdAt: now, reference: 'HO-EEEE-FFFF', name: 'Alex Export' });
    await claimCase(t.db, adviser, id, now, ring);
    await addNote(t.db, adviser, id, { kind: 'note', text: 'Spoke to Alex about arrears' }, now, serviceRules, ring);
    await savePlan(t.db, adviser, id, [row('Keep the flat')], now, ring);
    await savePlan(t.db, adviser, id, [row('Keep the flat, and clear the arrears')], now, ring);

    for (const who of [adviser, admin])
      await expect(exportSubjectAccess(t.db, who, id, now, serviceRules, ring, 'json')).rejects.toBeInstanceOf(NotAllowed);
    const made = await exportSubjectAccess(t.db, manager, id, now, serviceRules, ring, 'json');
    expect(made.record.handoff).toMatchObject({ reference: 'HO-EEEE-FFFF', contact: { name: 'Alex Export' } });
    expect(made.record.handoff.answers).toMatchObject({ tonight: 'yes' });
    expect(made.record.events.map((e) => e.detail)).toContain('Spoke to Alex about arrears');
    expect(made.planVersions.map((v) => v.items[0]!.goal)).toEqual(['Keep the flat, and clear the arrears', 'Keep the flat']);
    expect(made.accessLog.map((e) => e.action)).toEqual(expect.arrayContaining(['claimed', 'viewed subject access export (json)']));
    expect(made.accessLog.at(-1)).toMatchObject({ who: manager.displayName, action: 'viewed subject access export (json)' });
    expect(made.generatedBy).toBe(manager.displayName);
  });

  it('erases the record on request, with a reason and the reference typed again, leaving a tombstone', async () => {
    const manager = await insertStaff(t.db, 'manager', 'housing-options');
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const id = await insertHandoff(t.db, { createdAt: now, reference: 'HO-GGGG-HHHH', name: 'Kim Erase' });
    await claimCase(t.db, adviser, id, now, ring);
    const erase = (who: typeof manager, reason: string, confirmReference: string) =>
      eraseOnRequest(t.db, who, id, { reason, confirmReference }, now);

    await expect(erase(adviser, 'Asked by phone', 'HO-GGGG-HHHH')).rejects.toBeInstanceOf(NotAllowed);
    await expect(erase(manager, '', 'HO-GGGG-HHHH')).rejects.toMatchObject({ field: 'reason' });
    await expect(erase(manager, 'Asked\u202E by phone', 'HO-GGGG-HHHH')).rejects.toMatchObject({ field: 'reason' });
    await expect(erase(manager, 'Asked by phone', 'HO-GGGG-HHHI')).rejects.toMatchObject({
      field: 'confirm-reference',
      message: 'Type the case’s reference, HO-GGGG-HHHH, to confirm',
    });
    expect(await t.db.selectFrom('handoff').select('id').execute()).toHaveLength(1);

    expect(await erase(manager, 'Request by letter of 20 November; identity checked against the tenancy', ' ho-gggg-hhhh ')).toEqual({
      reference: 'HO-GGGG-HHHH',
    });
    expect(await t.db.selectFrom('handoff').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('case_event').select('id').execute()).toEqual([]);
    const [tombstone] = await listAudit(t.db, admin, { entityId: id });
    expect(tombstone).toMatchObject({ staffId: manager.id, action: 'erased on request', entityType: 'case' });
    expect(tombstone!.detail).toMatchObject({
      reference: 'HO-GGGG-HHHH',
      rule: 'erased on the person’s request',
      reason: 'Request by letter of 20 November; identity checked against the tenancy',
    });
    expect(JSON.stringify(await t.db.selectFrom('audit_event').selectAll().execute())).not.toContain('Kim Erase');
  });
});
