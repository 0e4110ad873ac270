import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import type { Database } from '../core/db.ts';
import { seedDemo } from '../demo/seed.ts';
import { ageOn, readinessProblem, type Readiness } from './domain.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
});
afterAll(() => database.close());

describe('youth demo data', () => {
  it('has about 30 young people in varied stages with histories that fit', async () => {
    const db = database.db;
    const p = await db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
    const youth = await db.selectFrom('young_people').selectAll().where('partnership_id', '=', p.id).execute();
    expect(youth).toHaveLength(30);
    const stages = new Set(youth.map((y) => y.stage));
    expect(stages).toEqual(new Set(['referred', 'screening', 'clarification', 'in_placement', 'in_education', 'employed', 'ended']));
    for (const y of youth) {
      const s = await db.selectFrom('screenings').select(['readiness']).where('young_person_id', '=', y.id).execute();
      for (const r of s) if (r.readiness) expect(readinessProblem(r.readiness as Readiness, ageOn(y.birth_date))).toBeNull();
      const events = await db.selectFrom('pathway_events').select(['to_stage']).where('young_person_id', '=', y.id).orderBy('id').execute();
      expect(events.at(-1)!.to_stage).toBe(y.stage);
    }
    const sofie = youth.find((y) => y.email === 'ung@demo.fodfaeste.dk')!;
    expect(sofie).toMatchObject({ first_name: 'Sofie', last_name: 'Møller' });
    expect(sofie.user_id).not.toBeNull();
    const consents = await db.selectFrom('consent_events').select('item').where('young_person_id', '=', sofie.id).execute();
    expect(consents.map((c) => c.item)).toContain('health.note');
  });
});
