import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/core/db.ts';
import { ROLES, type Role } from '../../src/core/policy.ts';
import type { RouteEntry } from '../../src/security/route-table.ts';
import { makePartnership, makeUser } from '../helpers/factories.ts';
import type { SecurityTestApp } from './helpers.ts';
import type { TestClient } from '../helpers/app.ts';

/** Fills every :param of a route pattern with the given value (a random UUID by default). */
export function fillParams(url: string, value: (name: string) => string = () => randomUUID()) {
  return url.replace(/:(\w+)/g, (_m, name: string) => value(name)).replace(/\*$/, () => value('*'));
}

export const apiRoutes = (table: readonly RouteEntry[]) => table.filter((r) => r.url.startsWith('/api/'));

/**
 * The demo data (every feature's seed) in two partnerships that are foreign to
 * the test users, plus a fresh "home" partnership with one user per role.
 */
export async function seedWorld(t: SecurityTestApp) {
  const home = await makePartnership(t.db, 'Hjemmenetværk');
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ROLES) users[role] = await makeUser(t.db, home.id, role);
  const clients = {} as Record<Role, TestClient>;
  for (const role of ROLES) clients[role] = await t.login(users[role].email);
  return { home, users, clients };
}

/**
 * Ids of records owned by another partnership: up to `perTable` ids from every
 * table with a uuid `id` and a `partnership_id` column, taken from the rows of
 * partnerships other than `home`. Derived from the schema, so new tables count.
 */
export async function foreignIds(db: Db, homePartnershipId: string, perTable = 2): Promise<{ table: string; id: string }[]> {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.columns p ON p.table_schema = c.table_schema AND p.table_name = c.table_name AND p.column_name = 'partnership_id'
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'
    ORDER BY c.table_name`.execute(db);
  const out: { table: string; id: string }[] = [];
  for (const { table_name } of tables) {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM ${sql.table(table_name)} WHERE partnership_id IS DISTINCT FROM ${homePartnershipId}::uuid ORDER BY id LIMIT ${perTable}`.execute(db);
    for (const r of rows) out.push({ table: table_name, id: r.id });
  }
  return out;
}
