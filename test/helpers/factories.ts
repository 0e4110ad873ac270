import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/core/db.ts';
import type { Role } from '../../src/core/policy.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { TEST_PASSWORD } from './app.ts';

const uid = () => randomBytes(4).toString('hex');
let passwordHash: Promise<string> | null = null;

export async function makePartnership(db: Db, name = `Netværk ${uid()}`) {
  return db.insertInto('partnerships').values({ name, slug: `p-${uid()}` }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/** A user with the test password and one role in one partnership. */
export async function makeUser(db: Db, partnershipId: string, role: Role, name = `Bruger ${uid()}`) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role}.${uid()}@test.invalid`;
  const user = await db.insertInto('users').values({ email, name, password_hash: await passwordHash }).returning(['id', 'email']).executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ user_id: user.id, partnership_id: partnershipId, role }).execute();
  return user;
}

export async function makeYoungPerson(db: Db, partnershipId: string, fields: { counsellorId?: string; userId?: string; firstName?: string; lastName?: string; birthDate?: string } = {}) {
  return db
    .insertInto('young_people')
    .values({
      partnership_id: partnershipId,
      counsellor_id: fields.counsellorId ?? null,
      user_id: fields.userId ?? null,
      first_name: fields.firstName ?? 'Test',
      last_name: fields.lastName ?? `Person ${uid()}`,
      birth_date: fields.birthDate ?? '2005-03-14',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
