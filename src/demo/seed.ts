import { sql } from 'kysely';
import type { Database } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { seededRandom, type SeedContext } from './context.ts';
import { seeds } from './seeds.ts';

export class SeedRefused extends Error {}

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('partnerships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // An installation administrator made with `create-user --installation-admin` before the first
  // partnership means a real installation is being set up: no demo data beside it.
  const users = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return Number(row.n) === 0 && !users;
}

/**
 * Loads the demo partnership "Aulum Milen (demo)" with fictional people, all in
 * one transaction. Refuses a non-empty database unless forced; forcing empties
 * every table first.
 */
export async function seedDemo(database: Database, opts: { force?: boolean; log?: (line: string) => void; today?: Date } = {}) {
  const log = opts.log ?? (() => {});
  if (!(await isDatabaseEmpty(database))) {
    if (!opts.force) throw new SeedRefused('The database is not empty. Use --force to erase it and load the demo data.');
    log('Erasing all data (--force) …');
    await wipe(database);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const started = Date.now();
  await database.db.transaction().execute(async (trx) => {
    // Two processes starting on one empty database: the second waits here, then finds it seeded.
    await sql`SELECT pg_advisory_xact_lock(7301003)`.execute(trx);
    const existing = await trx.selectFrom('partnerships').select('id').limit(1).executeTakeFirst();
    if (existing) throw new SeedRefused('The database is not empty. Use --force to erase it and load the demo data.');
    const [main, other] = await trx
      .insertInto('partnerships')
      .values([
        { name: 'Aulum Milen (demo)', slug: 'aulum-milen-demo', municipality: 'Herning', age_min: 15, age_max: 29 },
        { name: 'PÅ VEJ Billund (demo)', slug: 'paa-vej-billund-demo', municipality: 'Billund', age_min: 15, age_max: 29 },
      ])
      .returning('id')
      .execute();
    await trx.insertInto('partnership_municipalities').values([
      { partnership_id: main.id, municipality_code: '657' }, // Herning
      { partnership_id: other.id, municipality_code: '530' }, // Billund
    ]).execute();
    const users = {} as Record<Role, string>;
    for (const a of DEMO_ACCOUNTS) {
      const u = await trx
        .insertInto('users')
        .values({ email: a.email, name: a.name, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      users[a.role] = u.id;
      await trx.insertInto('memberships').values({ user_id: u.id, partnership_id: main.id, role: a.role }).execute();
    }
    const ctx: SeedContext = {
      trx,
      partnershipId: main.id,
      otherPartnershipId: other.id,
      users,
      refs: {},
      random: seededRandom(20261125),
      progress: (label) => log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
      today: opts.today ?? new Date(),
    };
    for (const [i, seed] of seeds.entries()) {
      ctx.progress(`demo data ${i + 1}/${seeds.length}: ${seed.name}`);
      await seed.run(ctx);
    }
  });
  log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function wipe(database: Database) {
  await database.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ tablename: string }>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`.execute(trx);
    await sql`SELECT set_config('fodfaeste.audit_purge', 'on', true)`.execute(trx);
    const names = rows.map((r) => sql.id(r.tablename));
    await sql`TRUNCATE ${sql.join(names)} RESTART IDENTITY CASCADE`.execute(trx);
  });
}
