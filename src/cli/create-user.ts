import { createInterface } from 'node:readline/promises';
import type { Database } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

/**
 * A user with a password: a member of one partnership with a role, and/or an
 * installation administrator (who creates partnerships and needs none, so the
 * first login works on an empty database).
 */
export async function createUser(database: Database, u: { email: string; name: string; role?: Role; partnershipSlug?: string; installationAdmin?: boolean }) {
  if (!u.installationAdmin && (!u.role || !u.partnershipSlug)) throw new Error('--role and --partnership are required (or --installation-admin)');
  if (Boolean(u.role) !== Boolean(u.partnershipSlug)) throw new Error('--role and --partnership go together');
  const partnership = u.partnershipSlug
    ? await database.db.selectFrom('partnerships').select('id').where('slug', '=', u.partnershipSlug).executeTakeFirst()
    : null;
  if (u.partnershipSlug && !partnership) throw new Error(`No partnership with slug "${u.partnershipSlug}" (create one with: npm run cli -- partnership create …)`);
  const password = process.env.FODFAESTE_PASSWORD ?? (await ask('Password: '));
  const problem = passwordProblem(password, { name: u.name, email: u.email });
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const user = await trx.insertInto('users')
      .values({ email: u.email.trim().toLowerCase(), name: u.name, password_hash: passwordHash, installation_admin: u.installationAdmin ?? false })
      .returning('id').executeTakeFirstOrThrow();
    if (partnership && u.role) await trx.insertInto('memberships').values({ user_id: user.id, partnership_id: partnership.id, role: u.role }).execute();
  });
  const what = [u.installationAdmin ? 'installation administrator' : null, u.role ? `${u.role} in ${u.partnershipSlug}` : null].filter(Boolean).join(' and ');
  console.log(`Created ${what}: ${u.email}.`);
}

async function ask(question: string) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
