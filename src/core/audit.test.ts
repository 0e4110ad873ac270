import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { verifyAudit } from './audit.ts';

let t: TestApp;
let client: TestClient;
let youngPersonId: string;

beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db);
  const counsellor = await makeUser(t.db, p.id, 'counsellor');
  youngPersonId = (await makeYoungPerson(t.db, p.id, { counsellorId: counsellor.id })).id;
  client = await t.login(counsellor.email);
});
afterAll(() => t.close());

const auditRows = (subjectId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', subjectId).execute();

describe('audit log', () => {
  it('writes exactly one row per read of a young person, with who, what and why', async () => {
    const before = (await auditRows(youngPersonId)).length;
    const res = await client.get(`/api/youth/${youngPersonId}`);
    expect(res.statusCode).toBe(200);
    const rows = await auditRows(youngPersonId);
    expect(rows.length).toBe(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ action: 'read', subject_kind: 'young_person', role: 'counsellor', purpose: 'casework' });
    expect(row.user_id).toBeTruthy();
  });

  it('fails the read when the audit row cannot be written', async () => {
    await sql`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit disk full'; END $$`.execute(t.db);
    await sql`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()`.execute(t.db);
    try {
      const res = await client.get(`/api/youth/${youngPersonId}`);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('Test'); // no personal data in the failed response
    } finally {
      await sql`DROP TRIGGER fail_audit ON audit_log`.execute(t.db);
    }
    expect((await client.get(`/api/youth/${youngPersonId}`)).statusCode).toBe(200);
  });

  it('refuses UPDATE and DELETE of audit rows', async () => {
    await expect(sql`UPDATE audit_log SET purpose = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('verify passes on an intact chain and catches an edited, a removed and a cut-off row', async () => {
    for (let i = 0; i < 3; i++) await client.get(`/api/youth/${youngPersonId}`);
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const [first, second] = await t.db.selectFrom('audit_log').select(['id']).orderBy('id').limit(2).execute();

    // An attacker with table rights disables the guard and edits a row.
    await tamper(sql`UPDATE audit_log SET purpose = 'marketing' WHERE id = ${first.id}`);
    let result = await verifyAudit(t.db);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(new RegExp(`row ${first.id}: content does not match`));

    await tamper(sql`DELETE FROM audit_log WHERE id = ${second.id}`);
    result = await verifyAudit(t.db);
    expect(result.problems.join('\n')).toMatch(/link to the previous row is broken/);

    const last = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await tamper(sql`DELETE FROM audit_log WHERE id = ${last.id}`);
    result = await verifyAudit(t.db);
    expect(result.problems.join('\n')).toMatch(/newest rows are missing/);
  });
});

async function tamper(statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(t.db);
  try {
    await statement.execute(t.db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(t.db);
  }
}
