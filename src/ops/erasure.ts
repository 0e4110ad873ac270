import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';

/**
 * Erasure and anonymisation of a person, derived from the database schema so
 * that tables features add later are covered without being listed here:
 *
 * - Every table with a foreign key to young_people: its rows about the person
 *   are deleted (a row about a young person is personal data), except the
 *   tables in KEEP_FOR_STATISTICS when anonymising, whose free text is cleared.
 * - Every table with an ON DELETE CASCADE foreign key to users: the user's own
 *   rows (sessions, memberships, preferences …) are deleted. SET NULL keys are
 *   authorship ("written by"); they keep pointing at the user row, which is
 *   itself emptied of name, e-mail, phone and password.
 * - References that are not foreign keys are listed in PERSON_REFERENCES
 *   (outbox messages, calendar feeds, stored idempotency responses, login
 *   attempts). Features add theirs
 *   with registerPersonReference.
 *
 * The audit log keeps its rows (they name no one; only ids) until the
 * retention purge: it is the record of who used the data, which the
 * partnership must be able to show.
 * test/security/erasure.test.ts fails when a table refers to a person and is
 * not covered.
 */
export interface PersonRef {
  youngPersonId?: string;
  userId?: string | null;
  /** E-mail addresses and phone numbers the person was reached at (outbox recipients). */
  contacts: string[];
}

export interface PersonReference {
  table: string;
  column: string;
  why: string;
  erase(trx: Trx, person: PersonRef): Promise<void>;
}

export const PERSON_REFERENCES: PersonReference[] = [
  {
    table: 'outbox',
    column: 'recipient',
    why: 'messages to the person (and their guardian) hold their address and text about them',
    erase: async (trx, p) => {
      if (p.contacts.length) await trx.deleteFrom('outbox').where('recipient', 'in', p.contacts).execute();
    },
  },
  {
    table: 'calendar_feeds',
    column: 'subject_id',
    why: 'a private calendar feed of the young person',
    erase: async (trx, p) => {
      if (p.youngPersonId) await trx.deleteFrom('calendar_feeds').where('kind', '=', 'young_person').where('subject_id', '=', p.youngPersonId).execute();
    },
  },
  {
    table: 'idempotency_keys',
    column: 'subject_ids',
    why: 'a stored response to a retried request (src/security/idempotency.ts) may hold text about the person, e.g. a journal entry',
    erase: async (trx, p) => {
      if (p.youngPersonId) await trx.deleteFrom('idempotency_keys').where(sql<boolean>`subject_ids @> ARRAY[${p.youngPersonId}]::uuid[]`).execute();
      if (p.userId) await trx.deleteFrom('idempotency_keys').where('user_id', '=', p.userId).execute();
    },
  },
  {
    table: 'login_attempts',
    column: 'account',
    why: 'failed logins are kept by e-mail address',
    erase: async (trx, p) => {
      const emails = p.contacts.filter((c) => c.includes('@')).map((c) => c.toLowerCase());
      if (emails.length) await trx.deleteFrom('login_attempts').where('account', 'in', emails).execute();
    },
  },
  {
    table: 'auth_throttle',
    column: 'key',
    why: 'login throttle counters are keyed by e-mail address (login:<e-mail>[|<ip>]) and TOTP counters by user (src/auth/throttle.ts)',
    erase: async (trx, p) => {
      for (const email of p.contacts.filter((c) => c.includes('@')).map((c) => c.toLowerCase())) {
        await trx.deleteFrom('auth_throttle').where((eb) => eb.or([eb('key', '=', `login:${email}`), eb('key', 'like', `login:${email.replace(/[\\%_]/g, '\\$&')}|%`)])).execute();
      }
      if (p.userId) await trx.deleteFrom('auth_throttle').where('key', '=', `totp:${p.userId}`).execute();
    },
  },
  {
    table: 'oidc_pending_logins',
    column: 'email',
    why: 'a sign-in at the municipality\'s login waiting to be linked (10 minutes, src/auth/oidc-link.ts) holds the e-mail the provider gave',
    erase: async (trx, p) => {
      const emails = p.contacts.filter((c) => c.includes('@')).map((c) => c.toLowerCase());
      if (emails.length) await trx.deleteFrom('oidc_pending_logins').where((eb) => eb(eb.fn('lower', ['email']), 'in', emails)).execute();
    },
  },
  {
    table: 'password_reset_requests',
    column: 'account',
    why: '"Glemt adgangskode?" requests are counted by the address typed for a day (throttling, src/access/queries.ts)',
    erase: async (trx, p) => {
      const emails = p.contacts.filter((c) => c.includes('@')).map((c) => c.toLowerCase());
      if (emails.length) await trx.deleteFrom('password_reset_requests').where((eb) => eb(eb.fn('lower', ['account']), 'in', emails)).execute();
    },
  },
  {
    table: 'login_invites',
    column: 'subject_id',
    why: 'one-time password links (src/auth/invites.ts) name the young person or contact person they were for',
    erase: async (trx, p) => {
      if (p.youngPersonId) await trx.deleteFrom('login_invites').where('purpose', '=', 'young_person').where('subject_id', '=', p.youngPersonId).execute();
      if (p.userId) await trx.deleteFrom('login_invites').where('user_id', '=', p.userId).execute();
    },
  },
  {
    table: 'lifeline_shifts',
    column: 'phone',
    why: 'a volunteer\'s lifeline shifts carry their phone number',
    erase: async (trx, p) => {
      if (p.userId) await trx.deleteFrom('lifeline_shifts').where('user_id', '=', p.userId).execute();
    },
  },
  ...(['company_contacts', 'mentors'] as const).flatMap((table) => (['email', 'phone'] as const).map((column): PersonReference => ({
    table,
    column,
    why: `the ${table === 'mentors' ? 'mentor' : 'company contact'} record of a person with a login holds their name and contact details`,
    erase: async (trx, p) => {
      if (!p.userId) return;
      const cleared = { name: table === 'mentors' ? 'Slettet mentor' : 'Slettet kontaktperson', phone: null, email: null };
      await trx.updateTable(table).set(cleared).where('user_id', '=', p.userId).execute();
    },
  }))),
];

/** Lets a feature declare a reference to a person that is not a foreign key. */
export function registerPersonReference(ref: PersonReference) {
  PERSON_REFERENCES.push(ref);
}

/** Kept (anonymised) at retention so outcome statistics survive; their free text is cleared. */
export const KEEP_FOR_STATISTICS: Record<string, { clear: string[] }> = {
  pathway_events: { clear: ['note'] },
  young_people_anonymised: { clear: [] },
};

/** Columns of young_people that stay after anonymisation (no one can be recognised from them). */
export const YOUNG_PEOPLE_KEPT = new Set([
  'id', 'partnership_id', 'stage', 'outcome', 'outcome_education', 'outcome_date', 'referral_source',
  'version', 'created_at', 'updated_at', 'birth_date', 'first_name', 'last_name', 'search_name',
]);

export interface ForeignKey {
  table: string;
  column: string;
  references: 'young_people' | 'users';
  onDelete: string;
}

/** Single-column foreign keys to young_people and users, from the catalogue. */
export async function personForeignKeys(trx: Trx | Db): Promise<ForeignKey[]> {
  const { rows } = await sql<{ table: string; column: string; references: 'young_people' | 'users'; on_delete: string }>`
    SELECT c.relname AS "table", a.attname AS "column", p.relname AS "references",
      CASE k.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END AS on_delete
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
    WHERE k.contype = 'f' AND n.nspname = 'public' AND p.relname IN ('young_people', 'users')
    ORDER BY 1, 2`.execute(trx);
  return rows.map((r) => ({ table: r.table, column: r.column, references: r.references, onDelete: r.on_delete }));
}

async function contactsOf(trx: Trx, youngPersonId: string | undefined, userId: string | null | undefined) {
  const contacts: string[] = [];
  if (youngPersonId) {
    const { rows } = await sql<Record<string, string | null>>`SELECT * FROM young_people WHERE id = ${youngPersonId}`.execute(trx);
    const yp = rows[0] ?? {};
    for (const k of ['email', 'phone', 'guardian_email', 'guardian_phone']) if (yp[k]) contacts.push(String(yp[k]));
  }
  if (userId) {
    const u = await trx.selectFrom('users').select(['email', 'phone']).where('id', '=', userId).executeTakeFirst();
    if (u?.email) contacts.push(u.email);
    if (u?.phone) contacts.push(u.phone);
  }
  return contacts;
}

/**
 * Removes a young person everywhere (`erase`, on request) or leaves only an
 * anonymous statistical record (`anonymise`, at retention). Their login user is
 * erased too. Runs in the caller's transaction.
 */
export async function eraseYoungPerson(trx: Trx, youngPersonId: string, mode: 'erase' | 'anonymise'): Promise<void> {
  const yp = await trx.selectFrom('young_people').select(['id', 'user_id']).where('id', '=', youngPersonId).executeTakeFirst();
  if (!yp) return;
  const person: PersonRef = { youngPersonId, userId: yp.user_id, contacts: await contactsOf(trx, youngPersonId, yp.user_id) };
  for (const ref of PERSON_REFERENCES) await ref.erase(trx, person);
  for (const fk of (await personForeignKeys(trx)).filter((f) => f.references === 'young_people')) {
    const keep = mode === 'anonymise' ? KEEP_FOR_STATISTICS[fk.table] : undefined;
    if (keep) {
      const sets = keep.clear.map((c) => sql`${sql.id(c)} = NULL`);
      if (sets.length) await sql`UPDATE ${sql.table(fk.table)} SET ${sql.join(sets)} WHERE ${sql.id(fk.column)} = ${youngPersonId}`.execute(trx);
      continue;
    }
    await sql`DELETE FROM ${sql.table(fk.table)} WHERE ${sql.id(fk.column)} = ${youngPersonId}`.execute(trx);
  }
  if (mode === 'erase') {
    await trx.deleteFrom('young_people').where('id', '=', youngPersonId).execute();
  } else {
    await anonymiseYoungPersonRow(trx, youngPersonId);
  }
  if (yp.user_id) await eraseUser(trx, yp.user_id);
}

/** Clears every column of young_people not in YOUNG_PEOPLE_KEPT; the name becomes "Anonymiseret", the birth date 1 January of the year. */
async function anonymiseYoungPersonRow(trx: Trx, id: string) {
  const { rows } = await sql<{ column_name: string; is_nullable: string }>`
    SELECT column_name, is_nullable FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'young_people' AND is_generated = 'NEVER'`.execute(trx);
  const sets = [
    sql`first_name = 'Anonymiseret'`,
    sql`last_name = ''`,
    sql`birth_date = date_trunc('year', birth_date)::date`,
    ...rows.filter((c) => !YOUNG_PEOPLE_KEPT.has(c.column_name) && c.is_nullable === 'YES').map((c) => sql`${sql.id(c.column_name)} = NULL`),
  ];
  await sql`UPDATE young_people SET ${sql.join(sets)} WHERE id = ${id}`.execute(trx);
  await trx.insertInto('young_people_anonymised').values({ young_person_id: id }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Erases a user: their own rows (CASCADE foreign keys, PERSON_REFERENCES) are
 * deleted and the user row is emptied and deactivated, so authorship
 * references elsewhere point at no one.
 */
export async function eraseUser(trx: Trx, userId: string): Promise<void> {
  const person: PersonRef = { userId, contacts: await contactsOf(trx, undefined, userId) };
  for (const ref of PERSON_REFERENCES) await ref.erase(trx, person);
  for (const fk of (await personForeignKeys(trx)).filter((f) => f.references === 'users' && f.onDelete === 'CASCADE')) {
    await sql`DELETE FROM ${sql.table(fk.table)} WHERE ${sql.id(fk.column)} = ${userId}`.execute(trx);
  }
  // Every optional column (phone, password hash, second-factor secret, IdP subject …) is cleared.
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = 'users' AND is_nullable = 'YES' AND is_generated = 'NEVER'
      AND column_name NOT IN ('deactivated_at')`.execute(trx);
  const sets = [
    sql`name = 'Slettet bruger'`,
    sql`email = ${`slettet-${userId}@slettet.invalid`}`,
    sql`active = false`,
    sql`deactivated_at = now()`,
    ...rows.map((c) => sql`${sql.id(c.column_name)} = NULL`),
  ];
  await sql`UPDATE users SET ${sql.join(sets)} WHERE id = ${userId}`.execute(trx);
}
