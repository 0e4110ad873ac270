import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import type { Queryable } from '../core/db.ts';
import { actorOf } from '../core/actor.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { companyPermissions as P } from './policy.ts';
import { findCompany } from './queries.ts';
import {
  AttendanceBody, EVENT_KINDS, EventBody, EventDetail, EventSummary, IdParams, InviteBody, ParticipationHistory, RSVPS, RsvpBody,
} from './schemas.ts';

type Rsvp = (typeof RSVPS)[number];
type EventKind = (typeof EVENT_KINDS)[number];

/** The invitation the actor answers for: their company's (company contact) or their own (mentor). */
async function ownInvitee(trx: Queryable, actor: Actor): Promise<{ companyId?: string; mentorId?: string } | null> {
  if (actor.role === 'company_contact') {
    const c = await trx.selectFrom('company_contacts').select('company_id').where('user_id', '=', actor.userId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    return c ? { companyId: c.company_id } : null;
  }
  if (actor.role === 'volunteer_mentor') {
    const m = await trx.selectFrom('mentors').select('id').where('user_id', '=', actor.userId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    return m ? { mentorId: m.id } : null;
  }
  return null;
}

async function invitations(trx: Queryable, eventIds: string[]) {
  if (!eventIds.length) return [];
  const rows = await trx.selectFrom('event_invitations as i').leftJoin('companies as c', 'c.id', 'i.company_id').leftJoin('mentors as m', 'm.id', 'i.mentor_id')
    .select(['i.id', 'i.event_id', 'i.company_id', 'i.mentor_id', 'i.rsvp', 'i.attended', 'c.name as company_name', 'm.name as mentor_name'])
    .where('i.event_id', 'in', eventIds).execute();
  return rows.map((r) => ({
    eventId: r.event_id, id: r.id, companyId: r.company_id, mentorId: r.mentor_id, name: r.company_name ?? r.mentor_name ?? '–',
    rsvp: r.rsvp as Rsvp, attended: r.attended,
  }));
}

export async function eventRoutes(app: App) {
  const { db } = app.deps;

  async function load(trx: Queryable, actor: Actor, id?: string) {
    const team = actor.role === 'counsellor' || actor.role === 'admin';
    const own = team ? null : await ownInvitee(trx, actor);
    if (!team && !own) return [];
    let q = trx.selectFrom('network_events').selectAll().where('partnership_id', '=', actor.partnershipId);
    if (id) q = q.where('id', '=', id);
    const events = await q.orderBy('starts_at', 'desc').limit(200).execute();
    const inv = await invitations(trx, events.map((e) => e.id));
    return events.map((e) => {
      const mine = own ? inv.find((i) => i.eventId === e.id && ((own.companyId && i.companyId === own.companyId) || (own.mentorId && i.mentorId === own.mentorId))) ?? null : null;
      const all = inv.filter((i) => i.eventId === e.id);
      return {
        id: e.id, title: e.title, kind: e.kind as EventKind, startsAt: new Date(e.starts_at).toISOString(), location: e.location,
        description: e.description, jobsCreated: e.jobs_created, invited: all.length, yes: all.filter((i) => i.rsvp === 'yes').length,
        attended: all.filter((i) => i.attended).length, myInvitation: mine, invitations: team ? all : [],
        visible: team || mine !== null,
      };
    }).filter((e) => e.visible);
  }

  app.get('/api/network/events', {
    config: { permission: P['network.events.read'] },
    schema: { tags: ['network'], response: { 200: Type.Array(EventSummary) } },
  }, async (req) => load(db, actorOf(req)));

  app.get('/api/network/events/:id', {
    config: { permission: P['network.events.read'] },
    schema: { tags: ['network'], params: IdParams, response: { 200: EventDetail, 404: ErrorResponse } },
  }, async (req) => {
    const [e] = await load(db, actorOf(req), req.params.id);
    if (!e) throw notFound('Arrangementet');
    return e;
  });

  app.post('/api/network/events', {
    config: { permission: P['network.events.write'] },
    schema: { tags: ['network'], body: EventBody, response: { 201: Type.Object({ id: Type.String() }) } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    const row = await db.insertInto('network_events').values({
      partnership_id: actor.partnershipId, title: b.title, kind: b.kind, starts_at: new Date(b.startsAt), location: b.location ?? null,
      description: b.description ?? null, jobs_created: b.jobsCreated ?? null, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    return reply.status(201).send(row);
  });

  app.patch('/api/network/events/:id', {
    config: { permission: P['network.events.write'] },
    schema: { tags: ['network'], params: IdParams, body: Type.Partial(EventBody), response: { 200: EventDetail, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const b = req.body;
    return db.transaction().execute(async (trx) => {
      const set = Object.fromEntries(Object.entries({
        title: b.title, kind: b.kind, starts_at: b.startsAt ? new Date(b.startsAt) : undefined, location: b.location, description: b.description, jobs_created: b.jobsCreated,
      }).filter(([, v]) => v !== undefined));
      const r = Object.keys(set).length
        ? await trx.updateTable('network_events').set(set).where('id', '=', req.params.id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst()
        : { numUpdatedRows: 1n };
      const [e] = await load(trx, actor, req.params.id);
      if (!e || Number(r.numUpdatedRows) === 0) throw notFound('Arrangementet');
      return e;
    });
  });

  app.post('/api/network/events/:id/invitations', {
    config: { permission: P['network.events.write'] },
    schema: { tags: ['network'], params: IdParams, body: InviteBody, response: { 200: EventDetail, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const e = await trx.selectFrom('network_events').select('id').where('id', '=', req.params.id).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
      if (!e) throw notFound('Arrangementet');
      const companyIds = req.body.companyIds ?? [];
      const mentorIds = req.body.mentorIds ?? [];
      if (companyIds.length) {
        const ok = await trx.selectFrom('companies').select('id').where('partnership_id', '=', actor.partnershipId).where('id', 'in', companyIds).execute();
        if (ok.length !== companyIds.length) throw badRequest('En eller flere virksomheder findes ikke i netværket.');
        await trx.insertInto('event_invitations').values(companyIds.map((c) => ({ event_id: e.id, company_id: c })))
          .onConflict((oc) => oc.columns(['event_id', 'company_id']).where('company_id', 'is not', null).doNothing()).execute();
      }
      if (mentorIds.length) {
        const ok = await trx.selectFrom('mentors').select('id').where('partnership_id', '=', actor.partnershipId).where('id', 'in', mentorIds).execute();
        if (ok.length !== mentorIds.length) throw badRequest('En eller flere mentorer findes ikke i netværket.');
        await trx.insertInto('event_invitations').values(mentorIds.map((m) => ({ event_id: e.id, mentor_id: m })))
          .onConflict((oc) => oc.columns(['event_id', 'mentor_id']).where('mentor_id', 'is not', null).doNothing()).execute();
      }
      return (await load(trx, actor, e.id))[0];
    });
  });

  app.post('/api/network/events/:id/attendance', {
    config: { permission: P['network.events.write'] },
    schema: { tags: ['network'], params: IdParams, body: AttendanceBody, response: { 200: EventDetail, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const [e] = await load(trx, actor, req.params.id);
      if (!e) throw notFound('Arrangementet');
      for (const x of req.body.entries) {
        const r = await trx.updateTable('event_invitations').set({ attended: x.attended }).where('id', '=', x.invitationId).where('event_id', '=', e.id).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound('Invitationen');
      }
      return (await load(trx, actor, e.id))[0];
    });
  });

  app.post('/api/network/events/:id/rsvp', {
    config: { permission: P['network.events.rsvp'] },
    schema: { tags: ['network'], params: IdParams, body: RsvpBody, response: { 200: EventSummary, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const [e] = await load(trx, actor, req.params.id);
      if (!e) throw notFound('Arrangementet');
      const team = actor.role === 'counsellor' || actor.role === 'admin';
      const invitationId = team ? req.body.invitationId : e.myInvitation?.id;
      if (!invitationId) throw badRequest(team ? 'Vælg hvem svaret gælder.' : 'Du er ikke inviteret til arrangementet.');
      const r = await trx.updateTable('event_invitations').set({ rsvp: req.body.rsvp }).where('id', '=', invitationId).where('event_id', '=', e.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('Invitationen');
      return (await load(trx, actor, e.id))[0];
    });
  });

  app.get('/api/companies/:id/events', {
    config: { permission: P['companies.read'] },
    schema: { tags: ['network'], description: 'The company\'s history of participation', params: IdParams, response: { 200: ParticipationHistory, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const c = await findCompany(db, actor.partnershipId, req.params.id);
    if (!c) throw notFound('Virksomheden');
    const rows = await db.selectFrom('event_invitations as i').innerJoin('network_events as e', 'e.id', 'i.event_id')
      .select(['e.id', 'e.title', 'e.kind', 'e.starts_at', 'i.rsvp', 'i.attended']).where('i.company_id', '=', c.id).orderBy('e.starts_at', 'desc').execute();
    return rows.map((r) => ({ eventId: r.id, title: r.title, kind: r.kind, startsAt: new Date(r.starts_at).toISOString(), rsvp: r.rsvp, attended: r.attended }));
  });
}
