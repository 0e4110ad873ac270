import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import type { Database } from '../core/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { matchReport } from './report.ts';
import { proposeForAll } from './batch.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
});
afterAll(() => database.close());

describe('matching demo data', () => {
  it('has accepted suggestions linked to placements, rejections with reasons, and default weights', async () => {
    const db = database.db;
    const p = await db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
    const r = await matchReport(db, p.id);
    expect(r.placements.fromSuggestions.total).toBeGreaterThan(0);
    expect(r.placements.others.total).toBeGreaterThan(0);
    expect(r.decisions.rejected).toBeGreaterThan(0);
    const rejected = await db.selectFrom('match_decisions').select('reason').where('decision', '=', 'rejected').execute();
    for (const x of rejected) expect(x.reason).toBeTruthy();
    expect(await db.selectFrom('match_weights').selectAll().execute()).toEqual([]);
    // The demo has young people waiting and openings free, so "Foreslå for alle" proposes something.
    const batch = await proposeForAll(db, p.id, 'opening');
    expect(batch.waiting).toBeGreaterThan(0);
    expect(batch.proposals.length).toBeGreaterThan(0);
    const mentors = await proposeForAll(db, p.id, 'mentor');
    expect(mentors.candidates).toBeGreaterThan(0);
  });
});
