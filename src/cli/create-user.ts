import { createInterface } from 'node:readline/promises';
import type { Database } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

export async function createUser(database: Database, u: { email: string; name: string; role: Role; partnershipSlug: string }) {
  const partnership = await database.db.selectFrom('partnerships').select('id').where('slug', '=', u.partnershipSlug).executeTakeFirst();
  if (!partnership) throw new Error(`No partnership with slug "${u.partnershipSlug}"`);
  const password = process.env.FODFAESTE_PASSWORD ?? (await ask('Password: '));
  const problem = passwordProblem(password, { name: u.name, email: u.email });
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const user = await trx.insertInto('users').values({ email: u.email, name: u.name, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('memberships').values({ user_id: user.id, partnership_id: partnership.id, role: u.role }).execute();
  });
  console.log(`Created ${u.role} ${u.email} in ${u.partnershipSlug}.`);
}

async function ask(question: string) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
