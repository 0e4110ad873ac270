import { sql } from 'kysely';
import type { Trx } from '../core/db.ts';
import { conflict } from '../core/errors.ts';
import type { Contact } from './schemas.ts';

type ContactRow = { id: string; company_id: string; partnership_id: string; user_id: string | null; name: string; email: string | null };
interface ContactFields { name?: string; title?: string | null; phone?: string | null; email?: string | null }

const present = (c: { id: string; name: string; title: string | null; phone: string | null; email: string | null; user_id: string | null }): Contact =>
  ({ id: c.id, name: c.name, title: c.title, phone: c.phone, email: c.email, hasLogin: c.user_id !== null });

export async function addContact(trx: Trx, company: { id: string; partnership_id: string }, b: ContactFields & { name: string }) {
  const row = await trx.insertInto('company_contacts')
    .values({ company_id: company.id, partnership_id: company.partnership_id, name: b.name.trim(), title: b.title ?? null, phone: b.phone ?? null, email: b.email ?? null })
    .returningAll().executeTakeFirstOrThrow();
  return present(row);
}

export async function updateContact(trx: Trx, contact: ContactRow, b: ContactFields) {
  const set = Object.fromEntries(Object.entries({ name: b.name?.trim(), title: b.title, phone: b.phone, email: b.email }).filter(([, v]) => v !== undefined));
  const row = Object.keys(set).length
    ? await trx.updateTable('company_contacts').set(set).where('id', '=', contact.id).returningAll().executeTakeFirstOrThrow()
    : await trx.selectFrom('company_contacts').selectAll().where('id', '=', contact.id).executeTakeFirstOrThrow();
  return present(row);
}

/** Removing a contact person also removes their login's access to the company (the membership). */
export async function deleteContact(trx: Trx, contact: ContactRow) {
  await trx.deleteFrom('company_contacts').where('id', '=', contact.id).execute();
  if (contact.user_id) {
    await trx.deleteFrom('memberships').where('user_id', '=', contact.user_id)
      .where('partnership_id', '=', contact.partnership_id).where('role', '=', 'company_contact').execute();
  }
}

/**
 * Gives a contact person a login: a user (new, or the existing one with that
 * e-mail) with the role company_contact in this partnership, linked to the
 * contact. The password is set by the user through the login's reset flow.
 */
export async function giveLogin(trx: Trx, contact: ContactRow, emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  if (contact.user_id) throw conflict('Kontaktpersonen har allerede et login.');
  let user = await trx.selectFrom('users').select(['id']).where(sql<boolean>`lower(email) = ${email}`).executeTakeFirst();
  if (!user) {
    user = await trx.insertInto('users').values({ email, name: contact.name }).returning('id').executeTakeFirstOrThrow();
  }
  const membership = await trx.selectFrom('memberships').select('role')
    .where('user_id', '=', user.id).where('partnership_id', '=', contact.partnership_id).executeTakeFirst();
  if (membership && membership.role !== 'company_contact') {
    throw conflict('Denne e-mail bruges allerede af en bruger med en anden rolle i netværket.');
  }
  const linked = await trx.selectFrom('company_contacts').select('id')
    .where('user_id', '=', user.id).where('partnership_id', '=', contact.partnership_id).executeTakeFirst();
  if (linked) throw conflict('Denne e-mail er allerede login for en anden kontaktperson i netværket.');
  if (!membership) {
    await trx.insertInto('memberships').values({ user_id: user.id, partnership_id: contact.partnership_id, role: 'company_contact' }).execute();
  }
  const row = await trx.updateTable('company_contacts').set({ user_id: user.id, email: contact.email ?? email })
    .where('id', '=', contact.id).returningAll().executeTakeFirstOrThrow();
  return present(row);
}
