import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { audit, verifyAudit } from '../../src/core/audit.ts';
import type { Database } from '../../src/core/db.ts';
import { eraseUser, eraseYoungPerson, KEEP_FOR_STATISTICS, PERSON_REFERENCES, personForeignKeys } from '../../src/ops/erasure.ts';
import { runRetention } from '../../src/ops/retention.ts';
import { runDailyIfDue } from '../../src/ops/maintenance.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createTestDatabase } from '../helpers/db.ts';

let database: Database;
let db: Database['db'];
const config = loadConfig({ LOG_LEVEL: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  db = database.db;
}, 180_000);
afterAll(() => database?.close());

const countWhere = async (table: string, column: string, id: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.id(column)} = ${id}`.execute(db)).rows[0].n;

/**
 * Columns that hold a person's id or address without a foreign key. Each must
 * be handled by erasure (PERSON_REFERENCES) or be listed here with the reason
 * it may stay.
 */
const NOT_PERSONAL_OR_KEPT: Record<string, string> = {
  'audit_log.subject_id': 'the record of use of the data: ids only, kept until the audit retention purge',
  'audit_log.user_id': 'the record of use of the data: ids only, kept until the audit retention purge',
  'users.email': 'the user row itself: emptied by eraseUser',
  'users.phone': 'the user row itself: emptied by eraseUser',
  'young_people.email': 'the young person row itself: deleted or anonymised',
  'young_people.phone': 'the young person row itself: deleted or anonymised',
  'young_people.guardian_email': 'the young person row itself: deleted or anonymised',
  'young_people.guardian_phone': 'the young person row itself: deleted or anonymised',
};

describe('erasure covers every table that refers to a person (derived from the schema)', () => {
  it('every foreign key to young_people or users is handled, and erasing removes the rows', async () => {
    const fks = await personForeignKeys(db);
    expect(fks.length).toBeGreaterThan(5);
    const ypFks = fks.filter((f) => f.references === 'young_people');
    // Erase, for each referring table that has rows, one young person those rows are about.
    const erased = new Set<string>();
    const exercised: string[] = [];
    for (const fk of ypFks) {
      const { rows } = await sql<{ id: string }>`SELECT ${sql.id(fk.column)}::text AS id FROM ${sql.table(fk.table)} WHERE ${sql.id(fk.column)} IS NOT NULL LIMIT 1`.execute(db);
      if (!rows[0]) continue;
      exercised.push(`${fk.table}.${fk.column}`);
      if (!erased.has(rows[0].id)) {
        await db.transaction().execute((trx) => eraseYoungPerson(trx, rows[0].id, 'erase'));
        erased.add(rows[0].id);
      }
    }
    const left: string[] = [];
    for (const id of erased) {
      expect(await db.selectFrom('young_people').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
      for (const fk of ypFks) if ((await countWhere(fk.table, fk.column, id)) > 0) left.push(`${fk.table}.${fk.column}`);
    }
    console.log(`erasure: ${ypFks.length} foreign keys to young_people (${exercised.length} with demo rows), ${fks.length - ypFks.length} to users; ${erased.size} young people erased`);
    expect(left).toEqual([]);
    expect(exercised.length).toBeGreaterThan(0);
  });

  it('erasing a user removes their own rows (every CASCADE key to users) and empties the user row', async () => {
    const userFks = (await personForeignKeys(db)).filter((f) => f.references === 'users');
    const erased = new Set<string>();
    for (const fk of userFks.filter((f) => f.onDelete === 'CASCADE')) {
      const { rows } = await sql<{ id: string }>`SELECT ${sql.id(fk.column)}::text AS id FROM ${sql.table(fk.table)} WHERE ${sql.id(fk.column)} IS NOT NULL LIMIT 1`.execute(db);
      if (!rows[0] || erased.has(rows[0].id)) continue;
      await db.transaction().execute((trx) => eraseUser(trx, rows[0].id));
      erased.add(rows[0].id);
    }
    expect(erased.size).toBeGreaterThan(0);
    for (const id of erased) {
      for (const fk of userFks.filter((f) => f.onDelete === 'CASCADE')) expect(await countWhere(fk.table, fk.column, id), `${fk.table}.${fk.column}`).toBe(0);
      const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(u).toMatchObject({ name: 'Slettet bruger', phone: null, password_hash: null, active: false });
    }
    // Other keys to users are authorship ("written by"): they may stay, pointing at the emptied row.
    expect(userFks.every((f) => ['CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT'].includes(f.onDelete))).toBe(true);
  });

  it('columns that name a person without a foreign key are handled or explained', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'uuid', 'character varying')
        AND (c.column_name IN ('young_person_id', 'subject_id', 'recipient', 'email', 'phone', 'account', 'user_id')
          OR c.column_name LIKE '%\\_email' OR c.column_name LIKE '%\\_phone')`.execute(db);
    const fk = new Set((await personForeignKeys(db)).map((f) => `${f.table}.${f.column}`));
    const handled = new Set(PERSON_REFERENCES.map((r) => `${r.table}.${r.column}`));
    const uncovered = rows
      .map((r) => `${r.table_name}.${r.column_name}`)
      .filter((k) => !fk.has(k) && !handled.has(k) && !(k in NOT_PERSONAL_OR_KEPT));
    // A new column here means: add a registerPersonReference in the feature, or explain above.
    expect(uncovered).toEqual([]);
  });

  it('erasing a young person also erases their login, messages to them and their calendar feed', async () => {
    const yp = await db.selectFrom('young_people').select(['id', 'partnership_id']).where('user_id', 'is not', null).executeTakeFirst()
      ?? await db.selectFrom('young_people').select(['id', 'partnership_id']).executeTakeFirstOrThrow();
    const email = `slet.mig.${yp.id.slice(0, 8)}@test.invalid`;
    const user = await db.insertInto('users').values({ email, name: 'Slet Mig', phone: '+4512345678' }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('young_people').set({ user_id: null }).where('user_id', '=', user.id).execute();
    await db.updateTable('young_people').set({ email, user_id: user.id }).where('id', '=', yp.id).execute();
    await db.insertInto('outbox').values({ partnership_id: yp.partnership_id, kind: 'test', channel: 'email', recipient: email, body: 'Hej Slet Mig' }).execute();
    await db.insertInto('calendar_feeds').values({ partnership_id: yp.partnership_id, kind: 'young_person', subject_id: yp.id, token_hash: `h-${yp.id}` }).execute();
    await db.insertInto('login_attempts').values({ account: email, ip: '10.0.0.1', success: false }).execute();
    await db.transaction().execute(async (trx) => {
      await eraseYoungPerson(trx, yp.id, 'erase');
      await audit(trx, null, { action: 'delete', subjectKind: 'young_person', subjectId: yp.id, purpose: 'erasure_request' });
    });
    expect(await countWhere('outbox', 'recipient', email)).toBe(0);
    expect(await countWhere('calendar_feeds', 'subject_id', yp.id)).toBe(0);
    expect(await countWhere('login_attempts', 'account', email)).toBe(0);
    const u = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(u).toMatchObject({ name: 'Slettet bruger', phone: null, password_hash: null, active: false });
    expect(u.email).not.toContain('slet.mig');
    expect(await countWhere('sessions', 'user_id', user.id)).toBe(0);
    expect(await countWhere('memberships', 'user_id', user.id)).toBe(0);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});

describe('retention', () => {
  it('anonymises young people a configured time after their pathway ended, and no one else', async () => {
    const [old, recent] = await db.selectFrom('young_people').select('id').orderBy('id').limit(2).execute();
    const threeYearsAgo = new Date(Date.now() - 3 * 365 * 86_400_000).toISOString().slice(0, 10);
    const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await db.updateTable('young_people').set({ stage: 'ended', outcome: 'education', outcome_education: 'FGU', outcome_date: threeYearsAgo, phone: '+4511111111', address: 'Vejen 1' }).where('id', '=', old.id).execute();
    await db.updateTable('young_people').set({ stage: 'ended', outcome: 'moved', outcome_education: null, outcome_date: lastMonth }).where('id', '=', recent.id).execute();
    await db.insertInto('pathway_events').values({ young_person_id: old.id, kind: 'end', to_stage: 'ended', outcome: 'education', note: 'Flyttede til Aarhus med kæresten' }).execute();
    const before = await db.selectFrom('young_people').selectAll().where('id', '=', recent.id).executeTakeFirstOrThrow();

    const r = await runRetention(db, { RETENTION_YOUTH_MONTHS: 24, AUDIT_RETENTION_MONTHS: 6 });
    expect(r.anonymised).toBeGreaterThanOrEqual(1);

    const a = await db.selectFrom('young_people').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(a).toMatchObject({ first_name: 'Anonymiseret', last_name: '', phone: null, email: null, address: null, guardian_name: null, user_id: null, stage: 'ended', outcome: 'education' });
    expect(a.birth_date).toMatch(/-01-01$/);
    const events = await db.selectFrom('pathway_events').select(['kind', 'note']).where('young_person_id', '=', old.id).execute();
    expect(events.length).toBeGreaterThan(0); // kept for outcome statistics…
    expect(events.every((e) => e.note === null)).toBe(true); // …without free text
    expect(KEEP_FOR_STATISTICS.pathway_events).toBeDefined();
    expect(await countWhere('journal_entries', 'young_person_id', old.id)).toBe(0);
    // The recently ended pathway is untouched.
    expect(await db.selectFrom('young_people').selectAll().where('id', '=', recent.id).executeTakeFirstOrThrow()).toEqual(before);
    // A second run finds nothing new to do.
    expect((await runRetention(db, { RETENTION_YOUTH_MONTHS: 24, AUDIT_RETENTION_MONTHS: 6 })).anonymised).toBe(0);
  });

  it('purges audit rows past AUDIT_RETENTION_MONTHS and `audit verify` still holds; deleting rows outside a purge is still caught', async () => {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await audit(trx, null, { action: 'search', subjectKind: 'young_person', criterion: 'caseload', purpose: 'test' });
    });
    const before = await verifyAudit(db);
    expect(before.ok).toBe(true);
    // Seven months from now everything written so far is older than six months.
    const later = new Date(Date.now() + 7 * 31 * 86_400_000);
    const r = await runRetention(db, { RETENTION_YOUTH_MONTHS: 1200, AUDIT_RETENTION_MONTHS: 6 }, later);
    expect(r.auditRowsPurged).toBe(before.rows);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, rows: 0 });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await audit(trx, null, { action: 'read', subjectKind: 'young_person', subjectId: null, purpose: `after-purge-${i}` });
    });
    expect(await verifyAudit(db)).toMatchObject({ ok: true, rows: 3 });
    // The append-only guard still refuses a plain DELETE…
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    // …and a removal that bypasses purge_audit_log is detected.
    await db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('fodfaeste.audit_purge', 'on', true)`.execute(trx);
      await sql`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`.execute(trx);
    });
    expect((await verifyAudit(db)).ok).toBe(false);
  });

  it('the daily job runs once a day, however many processes ask', async () => {
    const now = new Date(Date.now() + 400 * 86_400_000);
    const results = await Promise.all([runDailyIfDue(db, config, now), runDailyIfDue(db, config, now)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await runDailyIfDue(db, config, new Date(now.getTime() + 3_600_000))).toBeNull();
    expect(await runDailyIfDue(db, config, new Date(now.getTime() + 25 * 3_600_000))).not.toBeNull();
  });
});
