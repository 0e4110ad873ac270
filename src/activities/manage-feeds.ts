import { randomBytes } from 'node:crypto';
import { audit } from '../core/audit.ts';
import type { Db } from '../core/db.ts';
import type { Actor } from '../core/policy.ts';
import { notFound } from '../core/errors.ts';
import { ownYoungPersonId } from './queries.ts';
import { feedById, feedsAboutYoungPerson, replaceFeedToken, revokeFeedRow } from './feed-queries.ts';

export interface OwnFeed {
  id: string;
  createdAt: string;
  /** 'self': the young person made it; 'counsellor': their counsellor (now or earlier); 'other': anyone else. */
  madeBy: 'self' | 'counsellor' | 'other';
  /** False when it no longer opens: its maker was deactivated or lost the relationship. */
  live: boolean;
}

/** Every calendar link to the young person's calendar, whoever made it: they can see and stop each one (issue #22). */
export async function listOwnFeeds(db: Db, actor: Actor): Promise<OwnFeed[]> {
  const ypId = await ownYoungPersonId(db, actor.partnershipId, actor.userId);
  if (!ypId) throw notFound('Dine oplysninger');
  const [rows] = await Promise.all([
    feedsAboutYoungPerson(db, actor.partnershipId, ypId),
    audit(db, actor, { action: 'read', subjectKind: 'calendar_feed', subjectId: ypId, purpose: 'own_data' }),
  ]);
  return rows.map((r) => ({
    id: r.id, createdAt: new Date(r.created_at).toISOString(), live: Boolean(r.live),
    madeBy: r.created_by && r.created_by === r.own_user_id ? 'self' : r.role === 'counsellor' ? 'counsellor' : 'other',
  }));
}

/**
 * Stops a calendar link. Its maker may; the partnership's team (counsellor,
 * admin) may stop any; a young person may stop every link to their own calendar,
 * also one a counsellor made.
 */
export async function revokeFeed(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const feed = await feedById(trx, actor.partnershipId, id);
    if (!feed) throw notFound('Kalenderlinket');
    const team = actor.role === 'counsellor' || actor.role === 'admin';
    const own = feed.created_by === actor.userId;
    const aboutMe = actor.role === 'young_person' && feed.kind === 'young_person' && feed.subject_id === (await ownYoungPersonId(trx, actor.partnershipId, actor.userId));
    if (!team && !own && !aboutMe) throw notFound('Kalenderlinket');
    await revokeFeedRow(trx, feed.id);
    if (feed.kind === 'young_person') {
      await audit(trx, actor, { action: 'delete', subjectKind: 'calendar_feed', subjectId: feed.subject_id, purpose: actor.role === 'young_person' ? 'own_data' : 'casework' });
    }
  });
}

/** A new secret address for a link its maker holds: the old address answers 404 from now on. Returns the new token. */
export async function rotateFeed(db: Db, actor: Actor, id: string): Promise<{ token: string; feed: { id: string; kind: string; subjectId: string } }> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const feed = await feedById(trx, actor.partnershipId, id);
    if (!feed || feed.created_by !== actor.userId) throw notFound('Kalenderlinket');
    await replaceFeedToken(trx, feed.id, token);
    if (feed.kind === 'young_person') {
      await audit(trx, actor, { action: 'change', subjectKind: 'calendar_feed', subjectId: feed.subject_id, purpose: actor.role === 'young_person' ? 'own_data' : 'casework' });
    }
    return { token, feed: { id: feed.id, kind: feed.kind, subjectId: feed.subject_id } };
  });
}
