import { createHash } from 'node:crypto';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../core/db.ts';

/** Only a hash of a feed's token is stored. */
export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A feed lives while the one who made it may still see what it shows (issue #22):
 * not revoked; the maker's login is active and still a member of the partnership;
 * a young person's feed was made by that young person or by their counsellor now
 * (a changed counsellor ends the old counsellor's feeds); an activity's feed by
 * its leader now or by the partnership's team (counsellor, admin). Checked on
 * every fetch, so a deactivation or a changed relationship ends the feed at once.
 */
export const feedIsLive: Expression<SqlBool> = sql<SqlBool>`(f.revoked_at IS NULL AND EXISTS (
  SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id AND m.partnership_id = f.partnership_id
  WHERE u.id = f.created_by AND u.active AND u.deactivated_at IS NULL
    AND CASE WHEN f.kind = 'young_person'
      THEN EXISTS (SELECT 1 FROM young_people y WHERE y.id = f.subject_id AND y.partnership_id = f.partnership_id AND (y.user_id = u.id OR y.counsellor_id = u.id))
      ELSE m.role IN ('counsellor', 'admin') OR EXISTS (SELECT 1 FROM activities a WHERE a.id = f.subject_id AND a.leader_user_id = u.id)
    END))`;

/** The live feed a token opens, or undefined (unknown, revoked, rotated or ended). */
export function liveFeedByToken(db: Queryable, token: string) {
  return db.selectFrom('calendar_feeds as f').select(['f.id', 'f.kind', 'f.subject_id', 'f.partnership_id'])
    .where('f.token_hash', '=', hashFeedToken(token)).where(feedIsLive).executeTakeFirst();
}

/** Every feed of a young person's calendar that has not been revoked, live or ended, with who made it. */
export function feedsAboutYoungPerson(db: Queryable, partnershipId: string, youngPersonId: string) {
  return db.selectFrom('calendar_feeds as f')
    .leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'f.created_by').onRef('m.partnership_id', '=', 'f.partnership_id'))
    .leftJoin('young_people as y', 'y.id', 'f.subject_id')
    .select((eb) => ['f.id', 'f.created_at', 'f.created_by', 'm.role', eb.ref('y.user_id').as('own_user_id'), sql<boolean>`${feedIsLive}`.as('live')])
    .where('f.partnership_id', '=', partnershipId).where('f.kind', '=', 'young_person').where('f.subject_id', '=', youngPersonId)
    .where('f.revoked_at', 'is', null)
    .orderBy('f.created_at', 'desc').execute();
}

export function feedById(db: Queryable, partnershipId: string, id: string) {
  return db.selectFrom('calendar_feeds').select(['id', 'kind', 'subject_id', 'created_by'])
    .where('id', '=', id).where('partnership_id', '=', partnershipId).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function revokeFeedRow(db: Queryable, id: string, now = new Date()) {
  await db.updateTable('calendar_feeds').set({ revoked_at: now }).where('id', '=', id).execute();
}

/** A new token for the same feed: the old URL stops working at once (only the new hash is stored). */
export async function replaceFeedToken(db: Queryable, id: string, token: string) {
  await db.updateTable('calendar_feeds').set({ token_hash: hashFeedToken(token) }).where('id', '=', id).execute();
}
