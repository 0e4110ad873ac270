import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { Trx } from '../core/db.ts';
import { authorize, type Actor } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { addDays, isValidDate, minutesOf, toLocal } from '../lifeline/zoned-time.ts';
import { notifyYoungPerson } from '../reminders/outbox.ts';
import { activityPermissions as P } from './policy.ts';
import { findActivity, listActivities, occurrencesOf, occurrenceView, ownYoungPersonId, scheduleView, schedulesOf, type ActivityRow } from './queries.ts';
import { ActivityBody, ActivityView, AssociationBody, AssociationView, CancelBody, OccurrenceView, RangeQuery, ScheduleBody, SignupBody } from './schemas.ts';
import { attendanceRoutes } from './attendance-routes.ts';
import { feedRoutes } from './feeds.ts';
import { activityEditRoutes } from './edit-routes.ts';

type Schedule = { weekday: number; start: string; end: string; validFrom: string; validUntil?: string | null };
/** `at` names the schedule's fields in the request: '' for one schedule, 'schedules.2.' for the third of several. */
function checkSchedule(s: Schedule, at = '') {
  if (minutesOf(s.end) <= minutesOf(s.start)) {
    const message = `Sluttidspunktet skal ligge efter starttidspunktet kl. ${s.start}.`;
    throw badRequest(message, [{ field: `${at}end`, message }]);
  }
  if (!isValidDate(s.validFrom) || (s.validUntil && (!isValidDate(s.validUntil) || s.validUntil < s.validFrom))) {
    throw badRequest('Perioden er ugyldig.', [{ field: `${at}validUntil`, message: 'Til-datoen skal ligge efter fra-datoen.' }]);
  }
}

export async function activityRoutes(app: App) {
  const { db } = app.deps;
  const today = () => toLocal(new Date()).date;

  async function views(actor: Actor, rows: ActivityRow[]) {
    const schedules = await schedulesOf(db, rows.map((r) => r.id));
    const ypId = actor.role === 'young_person' ? await ownYoungPersonId(db, actor.partnershipId, actor.userId) : null;
    const signups = rows.length ? await db.selectFrom('activity_signups').select(['activity_id', 'young_person_id']).where('activity_id', 'in', rows.map((r) => r.id)).execute() : [];
    const out = [];
    for (const a of rows) {
      const next = (await occurrencesOf(db, a.id, today(), addDays(today(), 13))).filter((o) => o.endsAt.getTime() > Date.now());
      out.push({
        id: a.id, name: a.name, kind: a.kind, associationId: a.association_id, associationName: a.association_name, place: a.place,
        description: a.description, leaderUserId: a.leader_user_id, leaderName: a.leader_name,
        schedules: schedules.filter((s) => s.activity_id === a.id).map(scheduleView), next: next.slice(0, 6).map(occurrenceView),
        signedUp: Boolean(ypId && signups.some((s) => s.activity_id === a.id && s.young_person_id === ypId)),
        iLead: a.leader_user_id === actor.userId, signups: signups.filter((s) => s.activity_id === a.id).length,
      });
    }
    return out;
  }
  const load = async (actor: Actor, id: string, perm: string) => authorize(actor, perm, await findActivity(db, actor.partnershipId, id), db);

  app.get('/api/associations', {
    config: { permission: P['activities.list'] },
    schema: { tags: ['activities'], response: { 200: Type.Array(AssociationView) } },
  }, async (req) => {
    const rows = await db.selectFrom('associations as a').leftJoin('users as u', 'u.id', 'a.contact_user_id')
      .select(['a.id', 'a.name', 'a.contact_user_id', 'u.name as contact_name']).where('a.partnership_id', '=', actorOf(req).partnershipId).orderBy('a.name').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, contactUserId: r.contact_user_id, contactName: r.contact_name }));
  });

  app.post('/api/associations', {
    config: { permission: P['associations.write'] },
    schema: { tags: ['activities'], body: AssociationBody, response: { 201: AssociationView, 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const contact = req.body.contactUserId ?? null;
    if (contact) {
      const m = await db.selectFrom('memberships').select('role').where('partnership_id', '=', actor.partnershipId).where('user_id', '=', contact).executeTakeFirst();
      if (m?.role !== 'association_contact') throw badRequest('Kontaktpersonen skal være foreningskontakt i netværket.', [{ field: 'contactUserId', message: 'Ukendt foreningskontakt' }]);
    }
    const r = await db.insertInto('associations').values({ partnership_id: actor.partnershipId, name: req.body.name, contact_user_id: contact }).returning(['id', 'name', 'contact_user_id']).executeTakeFirstOrThrow();
    return reply.status(201).send({ id: r.id, name: r.name, contactUserId: r.contact_user_id, contactName: null });
  });

  app.get('/api/activities', {
    config: { permission: P['activities.list'] },
    schema: { tags: ['activities'], response: { 200: Type.Array(ActivityView) } },
  }, async (req) => {
    const actor = actorOf(req);
    return views(actor, await listActivities(db, actor.partnershipId));
  });

  app.get('/api/activities/:id', {
    config: { permission: P['activities.read'] },
    schema: { tags: ['activities'], params: IdParams, response: { 200: ActivityView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return (await views(actor, [await load(actor, req.params.id, P['activities.read'])]))[0];
  });

  app.get('/api/activities/:id/occurrences', {
    config: { permission: P['activities.read'] },
    schema: { tags: ['activities'], params: IdParams, querystring: RangeQuery, response: { 200: Type.Array(OccurrenceView), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const a = await load(actor, req.params.id, P['activities.read']);
    const from = req.query.from ?? today();
    return (await occurrencesOf(db, a.id, from, addDays(from, req.query.days - 1))).map(occurrenceView);
  });

  app.post('/api/activities', {
    config: { permission: P['activities.write'] },
    schema: { tags: ['activities'], body: ActivityBody, response: { 201: ActivityView, 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    for (const [i, s] of (b.schedules ?? []).entries()) checkSchedule(s, `schedules.${i}.`);
    // An association contact creates activities they lead themself.
    const leader = actor.role === 'association_contact' ? actor.userId : (b.leaderUserId ?? null);
    if (leader && leader !== actor.userId) {
      const m = await db.selectFrom('memberships').select('role').where('partnership_id', '=', actor.partnershipId).where('user_id', '=', leader).executeTakeFirst();
      if (!m || !['association_contact', 'counsellor'].includes(m.role)) throw badRequest('Lederen skal være foreningskontakt eller ungevejleder i netværket.', [{ field: 'leaderUserId', message: 'Ukendt leder' }]);
    }
    if (b.associationId && !(await db.selectFrom('associations').select('id').where('id', '=', b.associationId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst())) {
      throw badRequest('Foreningen findes ikke.', [{ field: 'associationId', message: 'Ukendt forening' }]);
    }
    const id = await db.transaction().execute(async (trx) => {
      const a = await trx.insertInto('activities').values({
        partnership_id: actor.partnershipId, name: b.name, kind: b.kind, association_id: b.associationId ?? null, place: b.place ?? null,
        description: b.description ?? null, leader_user_id: leader,
      }).returning('id').executeTakeFirstOrThrow();
      for (const s of b.schedules ?? []) await insertSchedule(trx, a.id, s);
      return a.id;
    });
    return reply.status(201).send((await views(actor, [(await findActivity(db, actor.partnershipId, id))!]))[0]);
  });

  app.post('/api/activities/:id/schedules', {
    config: { permission: P['activities.write'] },
    schema: { tags: ['activities'], params: IdParams, body: ScheduleBody, response: { 201: ActivityView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const a = await load(actor, req.params.id, P['activities.write']);
    checkSchedule(req.body);
    await db.transaction().execute((trx) => insertSchedule(trx, a.id, req.body));
    return reply.status(201).send((await views(actor, [a]))[0]);
  });

  app.post('/api/activities/:id/cancellations', {
    config: { permission: P['activities.write'] },
    schema: { tags: ['activities'], params: IdParams, body: CancelBody, response: { 201: OccurrenceView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const a = await load(actor, req.params.id, P['activities.write']);
    const b = req.body;
    if (!isValidDate(b.date)) throw badRequest('Ugyldig dato.');
    const occ = (await occurrencesOf(db, a.id, b.date, b.date)).find((o) => o.startTime === b.start);
    if (!occ) throw badRequest('Aktiviteten mødes ikke på det tidspunkt.', [{ field: 'start', message: 'Intet møde' }]);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('activity_exceptions').values({ activity_id: a.id, on_date: b.date, start_time: b.start, reason: b.reason ?? null })
        .onConflict((oc) => oc.columns(['activity_id', 'on_date', 'start_time']).doUpdateSet({ reason: b.reason ?? null })).execute();
      // The message goes in the same transaction as the cancellation.
      const signups = await trx.selectFrom('activity_signups').select('young_person_id').where('activity_id', '=', a.id).execute();
      for (const s of signups) {
        await notifyYoungPerson(trx, s.young_person_id, {
          partnershipId: actor.partnershipId, kind: 'activity_cancelled', dedupeKey: `cancel:${a.id}:${b.date}:${b.start}:${s.young_person_id}`,
          subject: `${a.name} er aflyst ${b.date}`, body: `${a.name} ${b.date} kl. ${b.start} er aflyst${b.reason ? `: ${b.reason}` : ''}.`,
        });
      }
    });
    return reply.status(201).send(occurrenceView({ ...occ, cancelled: true, reason: b.reason ?? null }));
  });

  async function signupTarget(trx: Trx, actor: Actor, body: { youngPersonId?: string }) {
    if (actor.role === 'young_person') {
      const own = await ownYoungPersonId(trx, actor.partnershipId, actor.userId);
      if (!own || (body.youngPersonId && body.youngPersonId !== own)) throw notFound('Den unge');
      return own;
    }
    if (!body.youngPersonId) throw badRequest('Vælg den unge.', [{ field: 'youngPersonId', message: 'Mangler' }]);
    const yp = await trx.selectFrom('young_people').select('id').where('id', '=', body.youngPersonId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    if (!yp) throw notFound('Den unge');
    return yp.id;
  }

  for (const method of ['post', 'delete'] as const) {
    app[method]('/api/activities/:id/signup', {
      config: { permission: P['activities.signup'] },
      schema: { tags: ['activities'], params: IdParams, body: method === 'post' ? SignupBody : Type.Optional(SignupBody), response: { 200: ActivityView, 400: ErrorResponse, 404: ErrorResponse } },
    }, async (req) => {
      const actor = actorOf(req);
      const a = await load(actor, req.params.id, P['activities.signup']);
      await db.transaction().execute(async (trx) => {
        const ypId = await signupTarget(trx, actor, (req.body ?? {}) as { youngPersonId?: string });
        if (method === 'post') await trx.insertInto('activity_signups').values({ activity_id: a.id, young_person_id: ypId }).onConflict((oc) => oc.doNothing()).execute();
        else await trx.deleteFrom('activity_signups').where('activity_id', '=', a.id).where('young_person_id', '=', ypId).execute();
        await audit(trx, actor, { action: 'change', subjectKind: 'activity_signup', subjectId: ypId, purpose: actor.role === 'young_person' ? 'own_data' : 'casework' });
      });
      return (await views(actor, [a]))[0];
    });
  }

  await activityEditRoutes(app, views);
  await attendanceRoutes(app);
  await feedRoutes(app);
}

async function insertSchedule(trx: Trx, activityId: string, s: Schedule) {
  await trx.insertInto('activity_schedules').values({
    activity_id: activityId, weekday: s.weekday, start_time: s.start, end_time: s.end, valid_from: s.validFrom, valid_until: s.validUntil ?? null,
  }).execute();
}
