import { Type, type Static } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import type { Queryable } from '../core/db.ts';
import { actorOf } from '../core/actor.ts';
import { AppError, forbidden, notFound } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { presentYoungPerson } from '../youth/presenter.ts';
import { findYoungPerson } from '../youth/queries.ts';
import { companySummaries, findCompany, listContacts, listOpenings } from '../companies/queries.ts';
import { Contact, ContactBody, ContactPatch, CompanySummary, Opening, OpeningBody, OpeningPatch } from '../companies/schemas.ts';
import { createOpening, findContact, findOpening, updateOpening } from '../companies/write.ts';
import { addContact, deleteContact, updateContact } from '../companies/contacts.ts';
import { placementPermissions as P } from './policy.ts';
import { attendanceOf, registerAttendance } from './attendance.ts';
import { earliestAttendanceDay, isoWeekday, todayInDenmark } from './dates.ts';
import { counsellorOf, listPlacements, scheduleOn } from './placements.ts';
import { createTask } from './tasks.ts';
import { AttendanceBody, AttendanceRow, ConcernBody, IdParams, Placement, ScheduleStep } from './schemas.ts';

/** The company a contact acts for: their own, in the current partnership. */
export async function myCompany(trx: Queryable, actor: Actor) {
  const link = await trx.selectFrom('company_contacts').select(['company_id', 'id']).where('user_id', '=', actor.userId)
    .where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
  if (!link) throw forbidden();
  return { ...(await findCompany(trx, actor.partnershipId, link.company_id))!, contactId: link.id };
}

export const EmployerPlacement = Type.Object({
  id: Type.String(),
  kind: Placement.properties.kind,
  status: Placement.properties.status,
  openingTitle: Type.String(),
  startDate: Type.String(),
  endDate: Type.Union([Type.String(), Type.Null()]),
  schedule: Type.Array(ScheduleStep),
  plannedToday: Type.Boolean(),
  /** Exactly what the young person shares with this company; absent fields are not shared. */
  youngPerson: Type.Record(Type.String(), Type.Unknown()),
  attendance: Type.Array(Type.Object({ day: Type.String(), status: Type.String() })),
  /** The young person's counsellor: whom the company calls about the placement (#21). */
  counsellor: Type.Union([Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});
export type EmployerPlacement = Static<typeof EmployerPlacement>;
export const EmployerHome = Type.Object({
  company: CompanySummary,
  contacts: Type.Array(Contact),
  openings: Type.Array(Opening),
  /** The logged-in contact's own contact person (they cannot remove themself). */
  myContactId: Type.String(),
  today: Type.String(),
});
export type EmployerHome = Static<typeof EmployerHome>;
const ContactParams = Type.Object({ contactId: Type.String({ format: 'uuid' }) });
const PlacementsQuery = Type.Object({ scope: Type.Optional(Type.Union([Type.Literal('current'), Type.Literal('past')])) });

export async function employerRoutes(app: App) {
  const { db } = app.deps;

  /** Each young person is presented through the consent presenter: one audit row per person read. */
  async function present(trx: Queryable, actor: Actor, companyId: string, scope: 'current' | 'past' | 'one', id?: string) {
    const rows = (await listPlacements(trx, actor.partnershipId, { companyId, id })).filter((p) =>
      scope === 'one' || (scope === 'current' ? p.status !== 'ended' : p.status === 'ended'));
    const today = todayInDenmark();
    const records = await attendanceOf(trx, rows.map((p) => p.id), earliestAttendanceDay(today), today);
    const out = [];
    for (const p of rows) {
      const yp = await presentYoungPerson(trx, { actor, recipient: { kind: 'company', id: companyId } },
        await findYoungPerson(trx, actor.partnershipId, p.youngPersonId), { purpose: 'placement_follow_up' });
      const s = scheduleOn(p.schedule, today);
      out.push({
        id: p.id, kind: p.kind, status: p.status, openingTitle: p.openingTitle, startDate: p.startDate, endDate: p.endDate,
        schedule: p.schedule, youngPerson: yp as Record<string, unknown>,
        plannedToday: p.status === 'active' && p.startDate <= today && (!p.endDate || p.endDate >= today) && !!s && s.weekdays.includes(isoWeekday(today)),
        attendance: records.filter((r) => r.placement_id === p.id).map((r) => ({ day: r.day, status: r.status })),
        counsellor: await counsellorOf(trx, actor.partnershipId, p.youngPersonId),
      });
    }
    return out;
  }

  app.get('/api/employer', {
    config: { permission: P['employer.read'] },
    schema: { tags: ['employer'], response: { 200: EmployerHome, 403: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const c = await myCompany(db, actor);
    const [company] = await companySummaries(db, actor.partnershipId, c.id);
    return { company, contacts: await listContacts(db, c.id), openings: await listOpenings(db, actor.partnershipId, { companyId: c.id }), myContactId: c.contactId, today: todayInDenmark() };
  });

  app.get('/api/employer/placements', {
    config: { permission: P['employer.read'] },
    schema: { tags: ['employer'], querystring: PlacementsQuery, response: { 200: Type.Array(EmployerPlacement), 403: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return present(db, actor, (await myCompany(db, actor)).id, req.query.scope ?? 'current');
  });

  app.get('/api/employer/placements/:id', {
    config: { permission: P['employer.read'] },
    schema: { tags: ['employer'], params: IdParams, response: { 200: EmployerPlacement, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const [p] = await present(db, actor, (await myCompany(db, actor)).id, 'one', req.params.id);
    if (!p) throw notFound('Forløbet');
    return p;
  });

  app.post('/api/employer/attendance', {
    config: { permission: P['employer.attendance'] },
    schema: { tags: ['employer'], body: AttendanceBody, response: { 200: Type.Array(AttendanceRow), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => registerAttendance(trx, actor, (await myCompany(trx, actor)).id, req.body));
  });

  app.post('/api/employer/placements/:id/concern', {
    config: { permission: P['employer.concern'] },
    schema: { tags: ['employer'], params: IdParams, body: ConcernBody, response: { 201: Type.Object({ id: Type.String() }), 403: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await db.transaction().execute(async (trx) => {
      const c = await myCompany(trx, actor);
      const p = await trx.selectFrom('placements as p').innerJoin('young_people as y', 'y.id', 'p.young_person_id')
        .select(['p.id', 'p.young_person_id', 'y.counsellor_id', 'y.first_name'])
        .where('p.id', '=', req.params.id).where('p.company_id', '=', c.id).where('p.partnership_id', '=', actor.partnershipId).executeTakeFirst();
      if (!p) throw notFound('Forløbet');
      const me = await trx.selectFrom('company_contacts').select(['name', 'phone']).where('id', '=', c.contactId).executeTakeFirstOrThrow();
      const title = req.body.callMe
        ? `Ring til ${me.name} (${c.name})${me.phone ? ` på ${me.phone}` : ''} om ${p.first_name}`
        : `Bekymring fra ${c.name} om ${p.first_name}`;
      return createTask(trx, {
        partnershipId: actor.partnershipId, assigneeId: p.counsellor_id, kind: req.body.callMe ? 'call_me' : 'company_concern',
        title, body: req.body.message, youngPersonId: p.young_person_id, placementId: p.id, createdBy: actor.userId, dueAt: new Date(),
      });
    });
    return reply.status(201).send({ id });
  });

  app.post('/api/employer/openings', {
    config: { permission: P['employer.edit'] },
    schema: { tags: ['employer'], body: OpeningBody, response: { 201: Opening, 400: ErrorResponse, 403: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const o = await db.transaction().execute(async (trx) => {
      const c = await myCompany(trx, actor);
      const { id } = await createOpening(trx, c, req.body);
      return (await listOpenings(trx, actor.partnershipId, { openingId: id }))[0];
    });
    return reply.status(201).send(o);
  });

  app.patch('/api/employer/openings/:id', {
    config: { permission: P['employer.edit'] },
    schema: { tags: ['employer'], params: IdParams, body: OpeningPatch, response: { 200: Opening, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const c = await myCompany(trx, actor);
      const o = await findOpening(trx, actor.partnershipId, req.params.id);
      if (!o || o.company_id !== c.id) throw notFound('Opgaven');
      await updateOpening(trx, o, req.body);
      return (await listOpenings(trx, actor.partnershipId, { openingId: o.id }))[0];
    });
  });

  app.post('/api/employer/contacts', {
    config: { permission: P['employer.edit'] },
    schema: { tags: ['employer'], body: ContactBody, response: { 201: Contact, 403: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const contact = await db.transaction().execute(async (trx) => addContact(trx, await myCompany(trx, actor), req.body));
    return reply.status(201).send(contact);
  });

  app.patch('/api/employer/contacts/:contactId', {
    config: { permission: P['employer.edit'] },
    schema: { tags: ['employer'], params: ContactParams, body: ContactPatch, response: { 200: Contact, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const c = await myCompany(trx, actor);
      return updateContact(trx, await findContact(trx, c.id, req.params.contactId), req.body);
    });
  });

  app.delete('/api/employer/contacts/:contactId', {
    config: { permission: P['employer.edit'] },
    schema: { tags: ['employer'], params: ContactParams, response: { 204: Type.Null(), 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction().execute(async (trx) => {
      const c = await myCompany(trx, actor);
      if (req.params.contactId === c.contactId) throw new AppError(409, 'self', 'Du kan ikke fjerne dig selv som kontaktperson. Bed en kollega eller ungevejlederen om det.');
      await deleteContact(trx, await findContact(trx, c.id, req.params.contactId));
    });
    return reply.status(204).send(null);
  });
}
