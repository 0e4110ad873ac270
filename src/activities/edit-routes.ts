import type { Static } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { authorize, type Actor } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { activityPermissions as P } from './policy.ts';
import { findActivity, type ActivityRow } from './queries.ts';
import { ActivityPatch, ActivityView, ScheduleParams } from './schemas.ts';

/**
 * Editing an activity after it is created: its details, and removing a weekly
 * time that no longer applies. Same reach as creating: a counsellor in the
 * partnership, or the association contact who leads the activity.
 */
export async function activityEditRoutes(app: App, views: (actor: Actor, rows: ActivityRow[]) => Promise<Static<typeof ActivityView>[]>) {
  const { db } = app.deps;
  const present = async (actor: Actor, id: string) => (await views(actor, [(await findActivity(db, actor.partnershipId, id))!]))[0];

  app.patch('/api/activities/:id', {
    config: { permission: P['activities.write'] },
    schema: { tags: ['activities'], params: IdParams, body: ActivityPatch, response: { 200: ActivityView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const a = await authorize(actor, P['activities.write'], await findActivity(db, actor.partnershipId, req.params.id), db);
    const b = req.body;
    if (b.associationId && !(await db.selectFrom('associations').select('id').where('id', '=', b.associationId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst())) {
      throw badRequest('Foreningen findes ikke.', [{ field: 'associationId', message: 'Ukendt forening' }]);
    }
    const set: Record<string, unknown> = {};
    if (b.name !== undefined) set.name = b.name.trim();
    if (b.kind !== undefined) set.kind = b.kind;
    if (b.associationId !== undefined) set.association_id = b.associationId;
    if (b.place !== undefined) set.place = b.place?.trim() || null;
    if (b.description !== undefined) set.description = b.description?.trim() || null;
    if (set.name === '') throw badRequest('Skriv aktivitetens navn.', [{ field: 'name', message: 'Navn mangler' }]);
    await db.updateTable('activities').set(set).where('id', '=', a.id).execute();
    return present(actor, a.id);
  });

  app.delete('/api/activities/:id/schedules/:scheduleId', {
    config: { permission: P['activities.write'] },
    schema: { tags: ['activities'], params: ScheduleParams, response: { 200: ActivityView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const a = await authorize(actor, P['activities.write'], await findActivity(db, actor.partnershipId, req.params.id), db);
    // Past attendance stays: it is stored per date and time, not per schedule row.
    const res = await db.deleteFrom('activity_schedules').where('id', '=', req.params.scheduleId).where('activity_id', '=', a.id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('Tidspunktet');
    return present(actor, a.id);
  });
}

