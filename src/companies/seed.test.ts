import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import type { Database } from '../core/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { sharedItems } from '../consent/ledger.ts';
import { companySummaries, listOpenings } from './queries.ts';
import { cvrProblem } from './cvr.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
});
afterAll(() => database.close());

describe('companies demo data', () => {
  it('has 30 companies, Aulum Milen\'s eight fixed partners, about a third active, valid CVR numbers', async () => {
    const db = database.db;
    const p = await db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
    const all = await companySummaries(db, p.id);
    expect(all).toHaveLength(30);
    const fixed = all.filter((c) => c.membership === 'fixed_partner');
    expect(fixed).toHaveLength(8);
    // Five companies, the associations, the business council and the youth guidance (fictional look-alikes).
    expect(fixed.map((c) => c.industry)).toEqual(expect.arrayContaining(['Foreningsliv', 'Erhvervsråd', 'Kommune']));
    expect(all.some((c) => c.membership === 'steering_group')).toBe(true);
    const active = all.filter((c) => c.active).length;
    expect(active).toBeGreaterThanOrEqual(8);
    expect(active).toBeLessThanOrEqual(12);
    for (const c of all) expect(cvrProblem(c.cvr!)).toBeNull();
    // Capacity holds in the demo too.
    for (const o of await listOpenings(db, p.id)) expect(o.taken).toBeLessThanOrEqual(o.capacity);
    // Ladders: chained placements, attendance histories, two past network meetings.
    const chained = await db.selectFrom('placements').select('id').where('previous_placement_id', 'is not', null).execute();
    expect(chained.length).toBeGreaterThan(10);
    expect((await db.selectFrom('attendance').select('day').execute()).length).toBeGreaterThan(50);
    const past = await db.selectFrom('network_events').select('id').where('starts_at', '<', new Date()).execute();
    expect(past).toHaveLength(2);
  });

  it('gives the demo company contact a company with young people placed and some consents', async () => {
    const db = database.db;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'virksomhed@demo.fodfaeste.dk').executeTakeFirstOrThrow();
    const link = await db.selectFrom('company_contacts').select('company_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const placed = await db.selectFrom('placements').select('young_person_id').where('company_id', '=', link.company_id).where('status', '=', 'active').execute();
    expect(placed.length).toBeGreaterThanOrEqual(2);
    const shared = await Promise.all(placed.map((p) => sharedItems(db, p.young_person_id, { kind: 'company', id: link.company_id })));
    expect(shared.some((s) => s.has('contact.phone'))).toBe(true);
    expect(shared.some((s) => s.size === 0)).toBe(true);
  });
});
