import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAudit } from '../../src/core/audit.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../helpers/factories.ts';

/** Issue #22: a young person sees in their access log that they stood on a list, from one audit row per list. */
let t: TestApp;
let partnership: { id: string; name: string };
let counsellor: TestClient;
let listed: { id: string; client: TestClient };
let other: { id: string; client: TestClient };

async function youngPersonWithLogin(counsellorId: string | undefined, lastName: string) {
  const user = await makeUser(t.db, partnership.id, 'young_person');
  const yp = await makeYoungPerson(t.db, partnership.id, { counsellorId, userId: user.id, lastName });
  return { id: yp.id, client: await t.login(user.email) };
}

beforeAll(async () => {
  t = await createTestApp();
  partnership = await makePartnership(t.db);
  const c = await makeUser(t.db, partnership.id, 'counsellor');
  const otherCounsellor = await makeUser(t.db, partnership.id, 'counsellor');
  counsellor = await t.login(c.email);
  listed = await youngPersonWithLogin(c.id, 'Påliste');
  await makeYoungPerson(t.db, partnership.id, { counsellorId: c.id });
  other = await youngPersonWithLogin(otherCounsellor.id, 'Andetsted');
});
afterAll(() => t.close());

const auditCount = async () => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('list appearances in the access log', () => {
  it('a caseload list writes one audit row naming everyone on it', async () => {
    const before = await auditCount();
    const res = await counsellor.get('/api/youth?mine=true&limit=50');
    expect(res.statusCode).toBe(200);
    const shown = (res.json() as { id: string }[]).map((r) => r.id);
    expect(shown).toHaveLength(2);
    expect(await auditCount()).toBe(before + 1);
    const row = await t.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'search', subject_kind: 'young_person', subject_id: null });
    expect([...(row.subject_ids ?? [])].sort()).toEqual([...shown].sort());
    // The ids are part of the row's hash: the chain holds, and an edited list would not.
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });

  it('the young person sees "Du stod på en liste hos …"; someone not on the list does not', async () => {
    const log = (await listed.client.get('/api/me/access-log')).json() as { listed: boolean; organisation: string | null; action: string }[];
    expect(log.filter((e) => e.listed)).toEqual([expect.objectContaining({ listed: true, action: 'search', organisation: partnership.name })]);
    const otherLog = (await other.client.get('/api/me/access-log')).json() as { listed: boolean }[];
    expect(otherLog.filter((e) => e.listed)).toEqual([]);
  });

  it('the follow-up list and a search put their people on record the same way', async () => {
    await t.db.updateTable('young_people').set({ next_follow_up: '2026-01-05' }).where('id', '=', listed.id).execute();
    expect((await counsellor.get('/api/youth/follow-ups')).statusCode).toBe(200);
    expect((await counsellor.get('/api/youth?q=Andetsted')).statusCode).toBe(200);
    const listedLog = (await listed.client.get('/api/me/access-log')).json() as { listed: boolean }[];
    expect(listedLog.filter((e) => e.listed)).toHaveLength(2);
    const otherLog = (await other.client.get('/api/me/access-log')).json() as { listed: boolean }[];
    expect(otherLog.filter((e) => e.listed)).toHaveLength(1);
  });

  it('the access log finds list rows through a GIN index', async () => {
    const { rows } = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_log' AND indexname = 'audit_log_subject_ids_idx'`.execute(t.db);
    expect(rows[0]?.indexdef).toMatch(/USING gin \(subject_ids\)/);
  });
});
