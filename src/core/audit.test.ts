import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { audit, rowHash, verifyAudit } from './audit.ts';

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

  it('keeps one chain per partnership: concurrent reads in two partnerships each link to their own previous row', async () => {
    const p2 = await makePartnership(t.db);
    const c2 = await makeUser(t.db, p2.id, 'counsellor');
    const yp2 = (await makeYoungPerson(t.db, p2.id, { counsellorId: c2.id })).id;
    const client2 = await t.login(c2.email);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? client.get(`/api/youth/${youngPersonId}`) : client2.get(`/api/youth/${yp2}`))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, problems: [] });
    const chain = await t.db.selectFrom('audit_log').select(['prev_hash', 'hash']).where('partnership_id', '=', p2.id).orderBy('id').execute();
    expect(chain.length).toBeGreaterThanOrEqual(6);
    chain.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(chain[i].hash));
    const head = await t.db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', p2.id).executeTakeFirstOrThrow();
    expect(head.last_hash).toBe(chain.at(-1)!.hash);
  });

  it('hashes in SQL exactly as verify hashes in JS, also for Danish letters, quotes, newlines and emoji', async () => {
    await t.db.transaction().execute(async (trx) => {
      await audit(trx, null, { action: 'search', subjectKind: 'young_person', criterion: 'søg: "Ærø"\n\\ å 😀', purpose: 'tést' });
    });
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, problems: [] });
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

describe('audit rows of reads (outside a transaction)', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
  });
  afterAll(() => fresh.close());

  const reader = (partnershipId: string) => ({ userId: crypto.randomUUID(), partnershipId, role: 'counsellor' as const });

  it('puts concurrent reads of several partnerships on record together: one statement for all chains, every row chained in order and each caller told', async () => {
    const [p1, p2] = [await makePartnership(fresh.db), await makePartnership(fresh.db)];
    // Both chains exist already (their first row creates the head), so only the grouping is counted.
    for (const p of [p1, p2]) await audit(fresh.db, reader(p.id), { action: 'search', subjectKind: 'young_person', purpose: 'first' });
    let statements = 0;
    const counting = fresh.db.withPlugin({
      transformQuery: (args) => {
        if (args.node.kind === 'RawNode' && JSON.stringify(args.node).includes('audit_chain_heads')) statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const reads = Array.from({ length: 40 }, (_, i) =>
      audit(counting, reader(i % 2 ? p1.id : p2.id), { action: 'read', subjectKind: 'young_person', subjectId: crypto.randomUUID(), purpose: `batch-${i}` }));
    await Promise.all(reads);
    const rows = await fresh.db.selectFrom('audit_log').select(['purpose', 'partnership_id']).where('purpose', 'like', 'batch-%').orderBy('id').execute();
    expect(rows).toHaveLength(40);
    // The first read goes at once; the 39 that arrive while it is written go together, both partnerships in one statement.
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(2);
    // Within each partnership the rows keep the order the reads were made in.
    for (const p of [p1, p2]) {
      const order = rows.filter((r) => r.partnership_id === p.id).map((r) => Number(r.purpose.slice('batch-'.length)));
      expect(order).toHaveLength(20);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(await verifyAudit(fresh.db)).toMatchObject({ ok: true, problems: [] });
  });

  it('fails every read in a statement that cannot be written, and writes again afterwards', async () => {
    const p = await makePartnership(fresh.db);
    await sql`CREATE FUNCTION fail_batch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit disk full'; END $$`.execute(fresh.db);
    await sql`CREATE TRIGGER fail_batch BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_batch()`.execute(fresh.db);
    try {
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => audit(fresh.db, reader(p.id), { action: 'search', subjectKind: 'young_person', purpose: 'casework' })));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    } finally {
      await sql`DROP TRIGGER fail_batch ON audit_log`.execute(fresh.db);
    }
    await audit(fresh.db, reader(p.id), { action: 'search', subjectKind: 'young_person', purpose: 'after-failure' });
    expect(await fresh.db.selectFrom('audit_log').select('id').where('purpose', '=', 'after-failure').execute()).toHaveLength(1);
    expect((await verifyAudit(fresh.db)).ok).toBe(true);
  });
});

async function tamper(statement: ReturnType<typeof sql>, db = t.db) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  }
}

describe('audit rows from before the per-partnership chains', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
  });
  afterAll(() => fresh.close());

  it('verifies the old single chain (up to audit_head) and the new chains after it, and catches an edit in either', async () => {
    // Three rows as the old audit() wrote them: one chain for everyone, audit_head holding its end.
    let prev = '0'.repeat(64);
    let lastId = 0;
    for (const partnershipId of [null, crypto.randomUUID(), crypto.randomUUID()]) {
      const { rows } = await sql<{ id: string }>`SELECT nextval('audit_log_id_seq')::int8 AS id`.execute(fresh.db);
      const row = { id: Number(rows[0].id), at: new Date(), user_id: null, partnership_id: partnershipId, role: null, action: 'read', subject_kind: 'young_person', subject_id: null, criterion: null, purpose: 'legacy' };
      const hash = rowHash(prev, row);
      await fresh.db.insertInto('audit_log').values({ ...row, prev_hash: prev, hash }).execute();
      prev = hash;
      lastId = row.id;
    }
    await fresh.db.insertInto('audit_head').values({ id: 1, last_id: lastId, last_hash: prev }).execute();
    const p = await makePartnership(fresh.db);
    const c = await makeUser(fresh.db, p.id, 'counsellor');
    const yp = (await makeYoungPerson(fresh.db, p.id, { counsellorId: c.id })).id;
    const reader = await fresh.login(c.email);
    for (let i = 0; i < 2; i++) expect((await reader.get(`/api/youth/${yp}`)).statusCode).toBe(200);
    const result = await verifyAudit(fresh.db);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.rows).toBeGreaterThanOrEqual(5);

    const oldRow = await fresh.db.selectFrom('audit_log').select('id').where('purpose', '=', 'legacy').orderBy('id').executeTakeFirstOrThrow();
    await tamper(sql`UPDATE audit_log SET criterion = 'x' WHERE id = ${oldRow.id}`, fresh.db);
    expect((await verifyAudit(fresh.db)).problems.join('\n')).toMatch(new RegExp(`row ${oldRow.id}: content does not match`));
  });
});
