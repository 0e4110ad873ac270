import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { audit, verifyAudit } from '../../src/core/audit.ts';
import { eraseYoungPerson } from '../../src/ops/erasure.ts';
import { runRetention } from '../../src/ops/retention.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../helpers/factories.ts';

/** Issue #22, "Data that outlives its purpose": stored idempotency responses and the retention job on aged data. */
let t: TestApp;
let partnershipId: string;
let counsellor: TestClient;
let counsellorId: string;

const SPECIAL = 'Diagnosticeret med ADHD og angst; tager medicin';

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await makePartnership(t.db)).id;
  const c = await makeUser(t.db, partnershipId, 'counsellor');
  counsellorId = c.id;
  counsellor = await t.login(c.email);
});
afterAll(() => t.close());

const rowsHolding = async (text: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE response_body LIKE ${`%${text}%`} OR path LIKE ${`%${text}%`}`.execute(t.db)).rows[0].n;
const rowsAbout = async (id: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE subject_ids @> ARRAY[${id}]::uuid[]`.execute(t.db)).rows[0].n;

describe('stored Idempotency-Key responses', () => {
  it('hold no special-category text in the clear, and a replay still returns the first response', async () => {
    const yp = await makeYoungPerson(t.db, partnershipId, { counsellorId });
    const entry = { kind: 'phone', occurredOn: '2026-12-01', sensitivity: 'special', body: SPECIAL };
    const first = await counsellor.post(`/api/youth/${yp.id}/journal`, entry, { 'idempotency-key': 'journal-clear-1' });
    expect(first.statusCode).toBe(201);
    expect(first.body).toContain(SPECIAL);
    expect(await rowsAbout(yp.id)).toBe(1);
    expect(await rowsHolding('ADHD')).toBe(0);
    const replay = await counsellor.post(`/api/youth/${yp.id}/journal`, entry, { 'idempotency-key': 'journal-clear-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
  });

  it('are removed when the young person is erased: a replay of the key returns nothing about them', async () => {
    const yp = await makeYoungPerson(t.db, partnershipId, { counsellorId });
    const entry = { kind: 'meeting', occurredOn: '2026-12-02', sensitivity: 'special', body: SPECIAL };
    const first = await counsellor.post(`/api/youth/${yp.id}/journal`, entry, { 'idempotency-key': 'journal-erase-1' });
    expect(first.statusCode).toBe(201);
    expect(await rowsAbout(yp.id)).toBe(1);

    await t.db.transaction().execute(async (trx) => {
      await eraseYoungPerson(trx, yp.id, 'erase');
      await audit(trx, null, { action: 'delete', subjectKind: 'young_person', subjectId: yp.id, purpose: 'erasure_request' });
    });

    expect(await rowsAbout(yp.id)).toBe(0);
    const replay = await counsellor.post(`/api/youth/${yp.id}/journal`, entry, { 'idempotency-key': 'journal-erase-1' });
    expect(replay.headers['idempotent-replayed']).toBeUndefined();
    expect(replay.statusCode).toBe(404);
    expect(replay.body).not.toContain('ADHD');
    expect(await rowsHolding('ADHD')).toBe(0);
    expect(await rowsAbout(yp.id)).toBe(0);
  });

  it('are removed when retention anonymises the young person', async () => {
    const yp = await makeYoungPerson(t.db, partnershipId, { counsellorId });
    const res = await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'phone', occurredOn: '2026-12-03', sensitivity: 'special', body: SPECIAL }, { 'idempotency-key': 'journal-retention-1' });
    expect(res.statusCode).toBe(201);
    await t.db.updateTable('young_people').set({ stage: 'ended', outcome: 'moved', outcome_date: '2020-01-31' }).where('id', '=', yp.id).execute();
    // The key itself has not expired (24 hours): only anonymisation can have removed it.
    await runRetention(t.db, { RETENTION_YOUTH_MONTHS: 24, AUDIT_RETENTION_MONTHS: 600 });
    expect(await rowsAbout(yp.id)).toBe(0);
  });
});

describe('the retention job on aged data, with an injected clock', () => {
  it('anonymises a pathway that ended 24 months before "now", keeps a younger one, and drops keys and audit rows that aged out', async () => {
    const aged = await makeYoungPerson(t.db, partnershipId, { counsellorId, lastName: 'Aldrende' });
    const younger = await makeYoungPerson(t.db, partnershipId, { counsellorId, lastName: 'Nyere' });
    await t.db.updateTable('young_people').set({ stage: 'ended', outcome: 'education', outcome_date: '2027-03-31' }).where('id', '=', aged.id).execute();
    await t.db.updateTable('young_people').set({ stage: 'ended', outcome: 'education', outcome_date: '2027-06-30' }).where('id', '=', younger.id).execute();
    expect((await counsellor.get(`/api/youth/${aged.id}`)).statusCode).toBe(200);
    const res = await counsellor.post(`/api/youth/${younger.id}/journal`, { kind: 'phone', occurredOn: '2026-12-04', sensitivity: 'ordinary', body: 'Ringede' }, { 'idempotency-key': 'aged-key' });
    expect(res.statusCode).toBe(201);
    const sessionsBefore = Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(sessionsBefore).toBeGreaterThan(0);

    // Today (real clock) nothing of this is due.
    const today = await runRetention(t.db, { RETENTION_YOUTH_MONTHS: 24, AUDIT_RETENTION_MONTHS: 6 });
    expect(await t.db.selectFrom('young_people').select('first_name').where('id', '=', aged.id).executeTakeFirstOrThrow()).toMatchObject({ first_name: 'Test' });
    expect(today.idempotencyKeysPurged).toBe(0);

    // 2029-05-01 in Copenhagen: 24 months after the first ended, not the second; every audit row and key is older than its limit.
    const now = new Date('2029-04-30T22:00:00Z');
    const later = await runRetention(t.db, { RETENTION_YOUTH_MONTHS: 24, AUDIT_RETENTION_MONTHS: 6 }, now);
    expect(later.anonymised).toBe(1);
    expect(await t.db.selectFrom('young_people').select(['first_name', 'last_name']).where('id', '=', aged.id).executeTakeFirstOrThrow()).toEqual({ first_name: 'Anonymiseret', last_name: '' });
    expect(await t.db.selectFrom('young_people').select('last_name').where('id', '=', younger.id).executeTakeFirstOrThrow()).toEqual({ last_name: 'Nyere' });
    expect(later.idempotencyKeysPurged).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'aged-key').executeTakeFirst()).toBeUndefined();
    expect(later.auditRowsPurged).toBeGreaterThan(0);
    // Sessions (12 hours at most) have all expired by then.
    expect(await t.db.selectFrom('sessions').select('id_hash').execute()).toEqual([]);
    // No audit row older than six months before the injected "now" is left, and the chain still holds.
    expect(await t.db.selectFrom('audit_log').select('id').where('at', '<', new Date('2028-10-30T23:00:00Z')).execute()).toEqual([]);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
