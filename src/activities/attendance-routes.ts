import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { badRequest, conflict, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { addDays, toLocal } from '../lifeline/zoned-time.ts';
import { activityPermissions as P } from './policy.ts';
import { findActivity, heldSince, occurrencesOf } from './queries.ts';
import { attendanceTrend, isSlippingAway, meetingKey } from './recurrence.ts';
import { AttendanceBody, OccurrenceQuery, RosterView, SlippingQuery, SlippingView, TrendView } from './schemas.ts';

/** How far back trends look: four months. */
const TREND_DAYS = 16 * 7;

async function roster(trx: Queryable, activityId: string, date: string, start: string) {
  const { rows } = await sql<{ young_person_id: string; first_name: string; present: boolean | null }>`
    SELECT y.id AS young_person_id, y.first_name, a.present
    FROM young_people y
    LEFT JOIN activity_attendance a ON a.young_person_id = y.id AND a.activity_id = ${activityId} AND a.on_date = ${date} AND a.start_time = ${start}
    WHERE y.id IN (SELECT young_person_id FROM activity_signups WHERE activity_id = ${activityId})
       OR a.young_person_id IS NOT NULL`.execute(trx);
  const collator = new Intl.Collator('da');
  return rows.sort((x, y) => collator.compare(x.first_name, y.first_name));
}

/** Meetings of an activity since a date where the leader took attendance (marked anyone). */
async function attendanceTakenSince(trx: Queryable, activityId: string, since: string) {
  const rows = await trx.selectFrom('activity_attendance').select(['on_date', 'start_time']).distinct()
    .where('activity_id', '=', activityId).where('on_date', '>=', since).execute();
  return new Set(rows.map((r) => meetingKey(r.on_date, r.start_time)));
}

/**
 * Per activity the young person signed up for: meetings since sign-up (max four months)
 * where attendance was taken, attended, weekly trend, flag. A meeting held without
 * attendance taken is left out: it says nothing about who came.
 */
async function trendsFor(trx: Queryable, youngPersonId: string, now: Date) {
  const signups = await trx.selectFrom('activity_signups as s').innerJoin('activities as a', 'a.id', 's.activity_id')
    .select(['a.id', 'a.name', 's.signed_up_at']).where('s.young_person_id', '=', youngPersonId).execute();
  const out = [];
  for (const s of signups) {
    const since = [toLocal(new Date(s.signed_up_at)).date, addDays(toLocal(now).date, -TREND_DAYS)].sort()[1];
    const taken = await attendanceTakenSince(trx, s.id, since);
    const held = (await heldSince(trx, s.id, since, now)).map((o) => ({ date: o.date, startTime: o.startTime }))
      .filter((o) => taken.has(meetingKey(o.date, o.startTime)));
    const marks = (await trx.selectFrom('activity_attendance').select(['on_date', 'start_time', 'present'])
      .where('activity_id', '=', s.id).where('young_person_id', '=', youngPersonId).where('on_date', '>=', since).execute())
      .map((m) => ({ date: m.on_date, startTime: m.start_time, present: m.present }));
    const attendedKeys = new Set(marks.filter((m) => m.present).map((m) => meetingKey(m.date, m.startTime)));
    const attended = held.filter((h) => attendedKeys.has(meetingKey(h.date, h.startTime)));
    out.push({
      activityId: s.id, activityName: s.name, held: held.length, attended: attended.length,
      slippingAway: isSlippingAway(held, marks, taken), lastAttended: attended.at(-1)?.date ?? null, trend: attendanceTrend(held, marks, 7),
    });
  }
  return out;
}

export async function attendanceRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/activities/:id/roster', {
    config: { permission: P['activities.attendance'] },
    schema: { tags: ['activities'], params: IdParams, querystring: OccurrenceQuery, response: { 200: RosterView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const { date, start } = req.query;
    const a = await authorize(actor, P['activities.attendance'], await findActivity(db, actor.partnershipId, req.params.id), db);
    const occ = (await occurrencesOf(db, a.id, date, date)).find((o) => o.startTime === start);
    if (!occ) throw badRequest('Aktiviteten mødes ikke på det tidspunkt.');
    const people = await roster(db, a.id, date, start);
    // One row per young person on the roster, handed over together so the audit writer can group them.
    await Promise.all(people.map((p) => audit(db, actor, { action: 'read', subjectKind: 'activity_attendance', subjectId: p.young_person_id, purpose: 'activity_attendance' })));
    return {
      activityId: a.id, activityName: a.name, date, start, cancelled: occ.cancelled,
      people: people.map((p) => ({ youngPersonId: p.young_person_id, firstName: p.first_name, present: p.present })),
    };
  });

  app.put('/api/activities/:id/attendance', {
    config: { permission: P['activities.attendance'] },
    schema: { tags: ['activities'], params: IdParams, body: AttendanceBody, response: { 200: RosterView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const { date, start, marks } = req.body;
    return db.transaction().execute(async (trx) => {
      const a = await authorize(actor, P['activities.attendance'], await findActivity(trx, actor.partnershipId, req.params.id), trx);
      const occ = (await occurrencesOf(trx, a.id, date, date)).find((o) => o.startTime === start);
      if (!occ) throw badRequest('Aktiviteten mødes ikke på det tidspunkt.');
      if (occ.cancelled) throw conflict('Mødet er aflyst; der kan ikke registreres fremmøde.');
      if (occ.startsAt.getTime() - Date.now() > 60 * 60_000) throw badRequest('Fremmøde kan først registreres, når mødet er gået i gang.');
      const known = new Set((await roster(trx, a.id, date, start)).map((p) => p.young_person_id));
      for (const m of marks) {
        if (!known.has(m.youngPersonId)) throw notFound('Den unge på holdet');
        await trx.insertInto('activity_attendance').values({ activity_id: a.id, on_date: date, start_time: start, young_person_id: m.youngPersonId, present: m.present, recorded_by: actor.userId })
          .onConflict((oc) => oc.columns(['activity_id', 'on_date', 'start_time', 'young_person_id']).doUpdateSet({ present: m.present, recorded_by: actor.userId, recorded_at: new Date() }))
          .execute();
        await audit(trx, actor, { action: 'change', subjectKind: 'activity_attendance', subjectId: m.youngPersonId, purpose: 'activity_attendance' });
      }
      const people = await roster(trx, a.id, date, start);
      return {
        activityId: a.id, activityName: a.name, date, start, cancelled: false,
        people: people.map((p) => ({ youngPersonId: p.young_person_id, firstName: p.first_name, present: p.present })),
      };
    });
  });

  app.get('/api/activities/attendance/young-people/:id', {
    config: { permission: P['activities.trend'] },
    schema: { tags: ['activities'], params: IdParams, response: { 200: Type.Array(TrendView), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await db.selectFrom('young_people').select('id').where('id', '=', req.params.id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    if (!yp) throw notFound('Den unge');
    const [, trends] = await Promise.all([
      audit(db, actor, { action: 'read', subjectKind: 'activity_attendance', subjectId: yp.id, purpose: 'casework' }),
      trendsFor(db, yp.id, new Date()),
    ]);
    return trends;
  });

  app.get('/api/activities/slipping', {
    config: { permission: P['activities.trend'] },
    schema: { tags: ['activities'], querystring: SlippingQuery, response: { 200: Type.Array(SlippingView) } },
  }, async (req) => {
    const actor = actorOf(req);
    // The counsellor's own young people by default (their daily list); all=true for the whole partnership.
    const mine = !req.query.all;
    const out = await slippingAway(db, actor.partnershipId, mine ? actor.userId : null);
    await audit(db, actor, {
      action: 'search', subjectKind: 'activity_attendance', criterion: mine ? 'slipping_away_mine' : 'slipping_away', purpose: 'casework',
      subjectIds: [...new Set(out.map((r) => r.youngPersonId))],
    });
    return out;
  });
}

/** Young people (one counsellor's, or the whole partnership's) slipping away from an activity they signed up for. */
async function slippingAway(db: Queryable, partnershipId: string, counsellorId: string | null) {
  let q = db.selectFrom('activity_signups as s').innerJoin('young_people as y', 'y.id', 's.young_person_id')
    .select(['y.id', 'y.first_name', 'y.last_name']).distinct().where('y.partnership_id', '=', partnershipId);
  if (counsellorId) q = q.where('y.counsellor_id', '=', counsellorId);
  const people = await q.execute();
  const out = [];
  for (const p of people) {
    for (const t of await trendsFor(db, p.id, new Date())) {
      if (t.slippingAway) out.push({ youngPersonId: p.id, name: `${p.first_name} ${p.last_name}`, activityId: t.activityId, activityName: t.activityName, lastAttended: t.lastAttended });
    }
  }
  return out;
}
