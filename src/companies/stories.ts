import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import type { Queryable } from '../core/db.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { notFound } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { defineInfoItems } from '../consent/items.ts';
import { recordConsent, sharedItems } from '../consent/ledger.ts';
import { companyPermissions as P } from './policy.ts';
import { IdParams, Story, StoryBody, StoryConsentBody } from './schemas.ts';

/**
 * A success story is shown to the network only while the young person's consent
 * for that very story holds: recipient {kind 'network', id: the story's id},
 * item 'success_story'. Checked on every read, so a withdrawal hides it at once.
 */
export const STORY_ITEM = 'success_story';
defineInfoItems([{ key: STORY_ITEM, da: 'min succeshistorie, fortalt til netværket', en: 'my success story, told to the network', classification: 'ordinary', version: 1 }]);

const isTeam = (a: Actor) => a.role === 'counsellor' || a.role === 'admin';

async function stories(q0: Queryable, actor: Actor, id?: string) {
  let q = q0.selectFrom('success_stories as s').innerJoin('companies as c', 'c.id', 's.company_id')
    .selectAll('s').select('c.name as company_name').where('s.partnership_id', '=', actor.partnershipId);
  if (id) q = q.where('s.id', '=', id);
  const rows = await q.orderBy('s.created_at', 'desc').limit(200).execute();
  const out = [];
  for (const s of rows) {
    const shared = (await sharedItems(q0, s.young_person_id, { kind: 'network', id: s.id })).has(STORY_ITEM);
    if (!shared && !isTeam(actor)) continue;
    out.push({
      id: s.id, title: s.title, body: s.body, companyName: s.company_name, createdAt: new Date(s.created_at).toISOString(),
      ...(isTeam(actor) ? { shared, youngPersonId: s.young_person_id, placementId: s.placement_id } : {}),
      subjectId: s.young_person_id,
    });
  }
  // One audit row per story shown; handed over together so the audit writer can group them.
  await Promise.all(out.map((s) => audit(q0, actor, { action: 'read', subjectKind: 'success_story', subjectId: s.subjectId, purpose: isTeam(actor) ? 'casework' : 'success_story' })));
  return out.map(({ subjectId: _, ...s }) => s);
}

export async function storyRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/network/stories', {
    config: { permission: P['network.stories.read'] },
    schema: { tags: ['network'], response: { 200: Type.Array(Story) } },
  }, async (req) => stories(db, actorOf(req)));

  app.post('/api/network/stories', {
    config: { permission: P['network.stories.write'] },
    schema: { tags: ['network'], body: StoryBody, response: { 201: Story, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const story = await db.transaction().execute(async (trx) => {
      const p = await trx.selectFrom('placements').select(['id', 'young_person_id', 'company_id'])
        .where('id', '=', req.body.placementId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
      if (!p) throw notFound('Forløbet');
      const s = await trx.insertInto('success_stories').values({
        partnership_id: actor.partnershipId, placement_id: p.id, young_person_id: p.young_person_id, company_id: p.company_id,
        title: req.body.title, body: req.body.body, created_by: actor.userId,
      }).returning('id').executeTakeFirstOrThrow();
      await audit(trx, actor, { action: 'create', subjectKind: 'success_story', subjectId: p.young_person_id, purpose: 'casework' });
      return (await stories(trx, actor, s.id))[0];
    });
    return reply.status(201).send(story);
  });

  app.post('/api/network/stories/:id/consent', {
    config: { permission: P['network.stories.write'] },
    schema: { tags: ['network'], description: 'Record the young person\'s yes or no to showing this story to the network', params: IdParams, body: StoryConsentBody, response: { 200: Story, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const s = await trx.selectFrom('success_stories').select(['id', 'young_person_id']).where('id', '=', req.params.id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
      if (!s) throw notFound('Historien');
      await recordConsent(trx, {
        partnershipId: actor.partnershipId, youngPersonId: s.young_person_id, recipient: { kind: 'network', id: s.id },
        item: STORY_ITEM, granted: req.body.granted, purpose: 'success_story', changedBy: actor.userId,
      });
      await audit(trx, actor, { action: 'change', subjectKind: 'consent', subjectId: s.young_person_id, purpose: 'casework' });
      return (await stories(trx, actor, s.id))[0];
    });
  });

  await ownStoryRoutes(app);
}

/** The young person's own record in the session's partnership; a 404 for anyone without one. */
async function ownYoungPerson(trx: Queryable, actor: Actor) {
  const yp = await trx.selectFrom('young_people').select('id')
    .where('user_id', '=', actor.userId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
  if (!yp) throw notFound('Din side');
  return yp;
}

/** The stories about one young person, each with whether they have agreed to show it. */
async function storiesAbout(trx: Queryable, youngPersonId: string, id?: string) {
  let q = trx.selectFrom('success_stories as s').innerJoin('companies as c', 'c.id', 's.company_id')
    .selectAll('s').select('c.name as company_name').where('s.young_person_id', '=', youngPersonId);
  if (id) q = q.where('s.id', '=', id);
  const rows = await q.orderBy('s.created_at', 'desc').execute();
  const out = [];
  for (const s of rows) {
    const shared = (await sharedItems(trx, youngPersonId, { kind: 'network', id: s.id })).has(STORY_ITEM);
    out.push({ id: s.id, title: s.title, body: s.body, companyName: s.company_name, createdAt: new Date(s.created_at).toISOString(), shared });
  }
  return out;
}

/**
 * The young person reads the stories written about them and says yes or no to
 * each: the same ledger entry the network's read checks, so a no hides it at once.
 */
async function ownStoryRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/me/stories', {
    config: { permission: P['network.stories.own'] },
    schema: { tags: ['me'], response: { 200: Type.Array(Story), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await ownYoungPerson(db, actor);
    const [, out] = await Promise.all([
      audit(db, actor, { action: 'read', subjectKind: 'success_story', subjectId: yp.id, purpose: 'own_data' }),
      storiesAbout(db, yp.id),
    ]);
    return out;
  });

  app.post('/api/me/stories/:id/consent', {
    config: { permission: P['network.stories.own'] },
    schema: { tags: ['me'], params: IdParams, body: StoryConsentBody, response: { 200: Story, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const yp = await ownYoungPerson(trx, actor);
      const [story] = await storiesAbout(trx, yp.id, req.params.id);
      if (!story) throw notFound('Historien');
      await recordConsent(trx, {
        partnershipId: actor.partnershipId, youngPersonId: yp.id, recipient: { kind: 'network', id: story.id },
        item: STORY_ITEM, granted: req.body.granted, purpose: 'success_story', changedBy: actor.userId,
      });
      await audit(trx, actor, { action: 'change', subjectKind: 'consent', subjectId: yp.id, purpose: 'own_data' });
      return (await storiesAbout(trx, yp.id, story.id))[0];
    });
  });
}
