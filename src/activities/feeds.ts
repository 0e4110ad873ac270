import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { Queryable } from '../core/db.ts';
import { definePermissions, type Actor } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams, Uuid } from '../lifeline/schemas.ts';
import { addDays, toLocal, weekdayOf } from '../lifeline/zoned-time.ts';
import { calendar, type CalAllDay, type CalEvent } from './ical.ts';
import { FeedView, OwnFeedView } from './schemas.ts';
import { occurrencesOf, ownYoungPersonId } from './queries.ts';
import { hashFeedToken as hash, liveFeedByToken } from './feed-queries.ts';
import { listOwnFeeds, revokeFeed, rotateFeed } from './manage-feeds.ts';

const P = definePermissions({
  'calendar.feeds': {
    roles: ['young_person', 'counsellor', 'association_contact', 'admin'],
    description: 'Make, list, rotate and revoke private calendar (iCal) links',
  },
  'calendar.feeds.own': {
    roles: ['young_person'],
    description: 'See and stop every calendar link to one\'s own calendar, also those a counsellor made',
  },
});

const FeedBody = Type.Object({ kind: Type.Union([Type.Literal('young_person'), Type.Literal('activity')]), subjectId: Type.Optional(Uuid) });
const PAST_DAYS = 30;
const AHEAD_DAYS = 120;

/** May this actor make a feed for this subject? Returns the feed's title, or throws 404. */
async function feedSubject(db: Queryable, actor: Actor, kind: 'young_person' | 'activity', subjectId: string | undefined): Promise<{ id: string; title: string }> {
  if (kind === 'young_person') {
    const id = actor.role === 'young_person' ? await ownYoungPersonId(db, actor.partnershipId, actor.userId) : subjectId;
    if (!id || (actor.role === 'young_person' && subjectId && subjectId !== id) || !['young_person', 'counsellor'].includes(actor.role)) throw notFound('Den unge');
    const yp = await db.selectFrom('young_people').select(['id', 'first_name', 'counsellor_id']).where('id', '=', id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    // A counsellor links the calendar of their own young people only: the link ends when they stop being the counsellor (feed-queries.ts).
    if (!yp || (actor.role === 'counsellor' && yp.counsellor_id !== actor.userId)) throw notFound('Den unge');
    return { id: yp.id, title: `Fodfæste: ${yp.first_name}` };
  }
  if (!subjectId) throw badRequest('Vælg aktiviteten.', [{ field: 'subjectId', message: 'Mangler' }]);
  const a = await db.selectFrom('activities').select(['id', 'name', 'leader_user_id']).where('id', '=', subjectId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
  if (!a) throw notFound('Aktiviteten');
  if (actor.role === 'association_contact' && a.leader_user_id !== actor.userId) throw notFound('Aktiviteten');
  return { id: a.id, title: `Fodfæste: ${a.name}` };
}

async function activityEvents(db: Queryable, activityId: string, from: string, to: string): Promise<CalEvent[]> {
  const a = await db.selectFrom('activities').select(['name', 'place', 'description']).where('id', '=', activityId).executeTakeFirstOrThrow();
  return (await occurrencesOf(db, activityId, from, to)).map((o) => ({
    uid: `activity-${activityId}-${o.date}-${o.startTime.replace(':', '')}@fodfaeste`, summary: o.cancelled ? `AFLYST: ${a.name}` : a.name,
    start: o.startsAt, end: o.endsAt, location: a.place, description: o.reason ?? a.description, cancelled: o.cancelled,
  }));
}

/** The young person's appointment, placement working days and activities they signed up for. */
async function youngPersonCalendar(trx: Queryable, ypId: string, from: string, to: string) {
  const yp = await trx.selectFrom('young_people').select(['next_appointment_at', 'next_appointment_place']).where('id', '=', ypId).executeTakeFirstOrThrow();
  const events: CalEvent[] = [];
  const allDay: CalAllDay[] = [];
  if (yp.next_appointment_at) {
    const start = new Date(yp.next_appointment_at);
    events.push({ uid: `appointment-${ypId}-${start.getTime()}@fodfaeste`, summary: 'Aftale med din ungevejleder', start, end: new Date(start.getTime() + 3_600_000), location: yp.next_appointment_place });
  }
  const placements = await trx.selectFrom('placements as p').innerJoin('companies as c', 'c.id', 'p.company_id')
    .select(['p.id', 'p.start_date', 'p.end_date', 'c.name']).where('p.young_person_id', '=', ypId).where('p.status', 'in', ['planned', 'active']).execute();
  for (const p of placements) {
    const schedules = await trx.selectFrom('placement_schedules').select(['valid_from', 'weekdays', 'hours_per_day']).where('placement_id', '=', p.id).orderBy('valid_from').execute();
    const first = [p.start_date, from].sort()[1];
    const last = [p.end_date ?? to, to].sort()[0];
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const s = schedules.filter((x) => x.valid_from <= d).at(-1);
      if (!s || !s.weekdays.includes(weekdayOf(d))) continue;
      allDay.push({ uid: `placement-${p.id}-${d}@fodfaeste`, date: d, summary: `Praktik hos ${p.name}`, description: `${Number(s.hours_per_day)} timer` });
    }
  }
  const signups = await trx.selectFrom('activity_signups').select('activity_id').where('young_person_id', '=', ypId).execute();
  for (const s of signups) events.push(...(await activityEvents(trx, s.activity_id, from, to)));
  return { events, allDay };
}

export async function feedRoutes(app: App) {
  const { db, config } = app.deps;
  const feedUrl = (token: string, req: { protocol: string; host: string }) => `${config.PUBLIC_URL ?? `${req.protocol}://${req.host}`}/api/calendar/${token}`;

  app.post('/api/calendar-feeds', {
    config: { permission: P['calendar.feeds'] },
    schema: { tags: ['calendar'], body: FeedBody, response: { 201: FeedView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const token = randomBytes(32).toString('base64url');
    const out = await db.transaction().execute(async (trx) => {
      const subject = await feedSubject(trx, actor, req.body.kind, req.body.subjectId);
      const row = await trx.insertInto('calendar_feeds').values({
        partnership_id: actor.partnershipId, kind: req.body.kind, subject_id: subject.id, token_hash: hash(token), created_by: actor.userId,
      }).returning(['id', 'kind', 'subject_id', 'created_at']).executeTakeFirstOrThrow();
      if (req.body.kind === 'young_person') await audit(trx, actor, { action: 'create', subjectKind: 'calendar_feed', subjectId: subject.id, purpose: actor.role === 'young_person' ? 'own_data' : 'casework' });
      return { id: row.id, kind: row.kind, subjectId: row.subject_id, title: subject.title, createdAt: new Date(row.created_at).toISOString() };
    });
    // The token is shown this once; only its hash is stored.
    return reply.status(201).send({ ...out, url: feedUrl(token, req) });
  });

  app.get('/api/calendar-feeds', {
    config: { permission: P['calendar.feeds'] },
    schema: { tags: ['calendar'], response: { 200: Type.Array(FeedView) } },
  }, async (req) => {
    const actor = actorOf(req);
    const rows = await db.selectFrom('calendar_feeds').select(['id', 'kind', 'subject_id', 'created_at'])
      .where('partnership_id', '=', actor.partnershipId).where('created_by', '=', actor.userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, subjectId: r.subject_id, title: r.kind === 'activity' ? 'Aktivitet' : 'Min kalender', createdAt: new Date(r.created_at).toISOString() }));
  });

  app.delete('/api/calendar-feeds/:id', {
    config: { permission: P['calendar.feeds'] },
    schema: { tags: ['calendar'], params: IdParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (req, reply) => {
    await revokeFeed(db, actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/calendar-feeds/:id/rotate', {
    config: { permission: P['calendar.feeds'] },
    schema: { tags: ['calendar'], description: 'A new secret address for a link one made; the old address stops working', params: IdParams, response: { 200: FeedView, 404: ErrorResponse } },
  }, async (req) => {
    const { token, feed } = await rotateFeed(db, actorOf(req), req.params.id);
    return { id: feed.id, kind: feed.kind, subjectId: feed.subjectId, title: feed.kind === 'activity' ? 'Aktivitet' : 'Min kalender', createdAt: new Date().toISOString(), url: feedUrl(token, req) };
  });

  app.get('/api/me/calendar-feeds', {
    config: { permission: P['calendar.feeds.own'] },
    schema: { tags: ['calendar', 'me'], response: { 200: Type.Array(OwnFeedView), 404: ErrorResponse } },
  }, async (req) => listOwnFeeds(db, actorOf(req)));

  // Public: the unguessable token is the key (calendar apps cannot log in). A revoked token answers 404.
  app.get('/api/calendar/:token', {
    config: { permission: 'public' },
    schema: { tags: ['calendar'], params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }) },
  }, async (req, reply) => {
    const body = await feedCalendar(db, req.params.token);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="fodfaeste.ics"').send(body);
  });
}

/** The feed's calendar text; a young person's calendar is an export of their data, on record before it is sent. */
async function feedCalendar(db: Queryable, token: string): Promise<string> {
  // Unknown, revoked, rotated, or ended because its maker was deactivated or lost the relationship: 404 alike.
  const feed = await liveFeedByToken(db, token);
  if (!feed) throw notFound('Kalenderen');
  const today = toLocal(new Date()).date;
  const from = addDays(today, -PAST_DAYS);
  const to = addDays(today, AHEAD_DAYS);
  if (feed.kind === 'activity') {
    const a = await db.selectFrom('activities').select('name').where('id', '=', feed.subject_id).executeTakeFirst();
    if (!a) throw notFound('Kalenderen');
    return calendar(`Fodfæste: ${a.name}`, await activityEvents(db, feed.subject_id, from, to));
  }
  const [{ events, allDay }] = await Promise.all([
    youngPersonCalendar(db, feed.subject_id, from, to),
    audit(db, null, { action: 'export', subjectKind: 'calendar_feed', subjectId: feed.subject_id, purpose: 'calendar_feed' }),
  ]);
  return calendar('Fodfæste', events, allDay);
}
