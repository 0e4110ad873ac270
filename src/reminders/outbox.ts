import type { Db, Trx } from '../core/db.ts';
import { ageOn } from '../youth/domain.ts';

export interface Message {
  partnershipId: string | null;
  /** What the reminder is about: 'mentor_review_due', 'activity_tomorrow', 'rota_gap', … */
  kind: string;
  subject: string;
  body: string;
  /** Same key, same message: a scan that finds the same due thing twice writes it once. */
  dedupeKey?: string;
}

type Channel = 'email' | 'sms';
interface Address {
  channel: Channel;
  recipient: string;
}

/** Writes one outbox row per address, in the caller's transaction: the message exists iff the change does. */
async function write(trx: Trx, msg: Message, addresses: Address[]): Promise<number> {
  let written = 0;
  for (const a of addresses) {
    const res = await trx
      .insertInto('outbox')
      .values({
        partnership_id: msg.partnershipId,
        kind: msg.kind,
        channel: a.channel,
        recipient: a.recipient,
        subject: a.channel === 'email' ? msg.subject : null,
        body: a.channel === 'sms' ? `${msg.subject}: ${msg.body}`.slice(0, 480) : msg.body,
        dedupe_key: msg.dedupeKey ? `${msg.dedupeKey}|${a.channel}|${a.recipient.toLowerCase()}` : null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    written += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

function addressesOf(email: string | null, phone: string | null, byEmail: boolean, bySms: boolean): Address[] {
  const out: Address[] = [];
  if (byEmail && email) out.push({ channel: 'email', recipient: email });
  if (bySms && phone) out.push({ channel: 'sms', recipient: phone });
  return out;
}

/**
 * A user's contact details and reminder choices. A young person's phone number is
 * often only on their record (the counsellor wrote it at intake), not on the
 * login: the login's own number wins, the record's is used when the login has none
 * (#21: /settings said "no phone number" and SMS reminders were never sent).
 */
export async function userContact(db: Db | Trx, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .select((eb) => [
      'u.email', 'u.active', 'p.by_email', 'p.by_sms',
      eb.fn.coalesce('u.phone', eb.selectFrom('young_people as y').select('y.phone').whereRef('y.user_id', '=', 'u.id').where('y.phone', 'is not', null).orderBy('y.updated_at', 'desc').limit(1)).as('phone'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** A user's chosen channels (e-mail by default, SMS when they opted in). */
export async function userAddresses(db: Db | Trx, userId: string): Promise<Address[]> {
  const u = await userContact(db, userId);
  if (!u || !u.active) return [];
  return addressesOf(u.email, u.phone, u.by_email ?? true, u.by_sms ?? false);
}

export async function notifyUser(trx: Trx, userId: string, msg: Message): Promise<number> {
  return write(trx, msg, await userAddresses(trx, userId));
}

/**
 * A reminder to a young person: to their login's chosen channels (or the contact
 * details on the record when they have no login) and, under 18, also to the
 * guardian when a guardian is configured for reminders.
 */
export async function notifyYoungPerson(trx: Trx, youngPersonId: string, msg: Message, today = new Date()): Promise<number> {
  const yp = await trx
    .selectFrom('young_people')
    .select(['id', 'user_id', 'email', 'phone', 'birth_date', 'guardian_email', 'guardian_phone'])
    .where('id', '=', youngPersonId)
    .executeTakeFirst();
  if (!yp) return 0;
  const own = yp.user_id ? await userAddresses(trx, yp.user_id) : addressesOf(yp.email, yp.phone, true, false);
  let n = await write(trx, msg, own);
  if (ageOn(yp.birth_date, today) < 18) {
    const g = await trx.selectFrom('guardian_reminders').selectAll().where('young_person_id', '=', yp.id).executeTakeFirst();
    if (g) n += await write(trx, { ...msg, kind: `${msg.kind}_guardian` }, addressesOf(yp.guardian_email, yp.guardian_phone, g.by_email, g.by_sms));
  }
  return n;
}
