import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import type { Database } from './db.ts';
import { generateDbTypes } from './db-typegen.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it('the committed table types match the migrated schema (run `npm run db:types` after a migration)', async () => {
  const committed = readFileSync(new URL('./db-types.ts', import.meta.url), 'utf8');
  expect(await generateDbTypes(database.pool)).toBe(committed);
});
