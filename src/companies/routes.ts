import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { authorize } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { companyPermissions as P } from './policy.ts';
import { companySummaries, danish, findCompany, HIRED_ON, IS_HIRE, listContacts, listOpenings } from './queries.ts';
import {
  CompanyBody, CompanyContactParams, CompanyDetail, CompanyListQuery, CompanyPatch, CompanySummary, Contact, ContactBody,
  ContactPatch, IdParams, MEMBERSHIPS, NetworkOverview, Opening, OpeningBody, OpeningListQuery, OpeningPatch,
} from './schemas.ts';
import { createCompany, createOpening, findContact, findOpening, updateCompany, updateOpening } from './write.ts';
import { addContact, deleteContact, updateContact } from './contacts.ts';

const Created = Type.Object({ id: Type.String() });

export async function companyRoutes(app: App) {
  const { db } = app.deps;

  async function detail(partnershipId: string, id: string) {
    const [summary] = await companySummaries(db, partnershipId, id);
    const c = (await findCompany(db, partnershipId, id))!;
    return {
      ...summary, address: c.address, size: c.size, experienceTags: c.experience_tags, notes: c.notes,
      contacts: await listContacts(db, id), openings: await listOpenings(db, partnershipId, { companyId: id }),
    };
  }

  app.get('/api/companies', {
    config: { permission: P['companies.list'] },
    schema: { tags: ['companies'], querystring: CompanyListQuery, response: { 200: Type.Array(CompanySummary) } },
  }, async (req) => {
    const actor = actorOf(req);
    const q = req.query.q?.toLocaleLowerCase('da');
    return (await companySummaries(db, actor.partnershipId)).filter((c) =>
      (!q || c.name.toLocaleLowerCase('da').includes(q) || (c.industry ?? '').toLocaleLowerCase('da').includes(q) || c.cvr === q) &&
      (!req.query.membership || c.membership === req.query.membership) &&
      (req.query.active === undefined || c.active === req.query.active));
  });

  app.post('/api/companies', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], body: CompanyBody, response: { 201: Created, 400: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const row = await db.transaction().execute((trx) => createCompany(trx, actor.partnershipId, req.body));
    return reply.status(201).send(row);
  });

  app.get('/api/companies/:id', {
    config: { permission: P['companies.read'] },
    schema: { tags: ['companies'], params: IdParams, response: { 200: CompanyDetail, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    await authorize(actor, P['companies.read'], await findCompany(db, actor.partnershipId, req.params.id), db);
    return detail(actor.partnershipId, req.params.id);
  });

  app.patch('/api/companies/:id', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], params: IdParams, body: CompanyPatch, response: { 200: CompanyDetail, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction().execute(async (trx) => {
      await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      await updateCompany(trx, req.params.id, req.body);
    });
    return detail(actor.partnershipId, req.params.id);
  });

  app.post('/api/companies/:id/contacts', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], params: IdParams, body: ContactBody, response: { 201: Contact, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const contact = await db.transaction().execute(async (trx) => {
      const c = await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      return addContact(trx, c, req.body);
    });
    return reply.status(201).send(contact);
  });

  app.patch('/api/companies/:id/contacts/:contactId', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], params: CompanyContactParams, body: ContactPatch, response: { 200: Contact, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const c = await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      return updateContact(trx, await findContact(trx, c.id, req.params.contactId), req.body);
    });
  });

  app.delete('/api/companies/:id/contacts/:contactId', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], params: CompanyContactParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction().execute(async (trx) => {
      const c = await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      await deleteContact(trx, await findContact(trx, c.id, req.params.contactId));
    });
    return reply.status(204).send(null);
  });

  // POST /api/companies/:id/contacts/:contactId/login (and /invite): contact-invite.ts

  app.post('/api/companies/:id/openings', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], params: IdParams, body: OpeningBody, response: { 201: Opening, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const opening = await db.transaction().execute(async (trx) => {
      const c = await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      const { id } = await createOpening(trx, c, req.body);
      return (await listOpenings(trx, actor.partnershipId, { openingId: id }))[0];
    });
    return reply.status(201).send(opening);
  });

  app.patch('/api/openings/:id', {
    config: { permission: P['companies.write'] },
    schema: { tags: ['companies'], params: IdParams, body: OpeningPatch, response: { 200: Opening, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const o = await authorize(actor, P['companies.write'], await findOpening(trx, actor.partnershipId, req.params.id), trx);
      await updateOpening(trx, o, req.body);
      return (await listOpenings(trx, actor.partnershipId, { openingId: o.id }))[0];
    });
  });

  app.get('/api/openings', {
    config: { permission: P['companies.list'] },
    schema: { tags: ['companies'], querystring: OpeningListQuery, response: { 200: Type.Array(Opening) } },
  }, async (req) => {
    const actor = actorOf(req);
    const rows = await listOpenings(db, actor.partnershipId, req.query);
    return rows.sort((a, b) => danish.compare(a.companyName, b.companyName) || danish.compare(a.title, b.title));
  });

  app.get('/api/network/overview', {
    config: { permission: P['companies.list'] },
    schema: { tags: ['companies'], response: { 200: NetworkOverview } },
  }, async (req) => {
    const actor = actorOf(req);
    const perCompany = await companySummaries(db, actor.partnershipId);
    const openings = (await listOpenings(db, actor.partnershipId)).filter((o) => o.open && o.freePlaces > 0);
    const { rows: [year] } = await sql<{ placements: number; hires: number }>`
      SELECT count(*) FILTER (WHERE p.start_date >= current_date - interval '12 months')::int AS placements,
        count(DISTINCT p.young_person_id) FILTER (WHERE ${IS_HIRE} AND ${HIRED_ON} >= current_date - interval '12 months')::int AS hires
      FROM placements p WHERE p.partnership_id = ${actor.partnershipId}`.execute(db);
    const active = perCompany.filter((c) => c.active).length;
    return {
      companies: perCompany.length, active, passive: perCompany.length - active,
      byMembership: MEMBERSHIPS.map((m) => ({
        membership: m, total: perCompany.filter((c) => c.membership === m).length,
        active: perCompany.filter((c) => c.membership === m && c.active).length,
      })),
      placementsLast12Months: Number(year.placements), hiresLast12Months: Number(year.hires),
      openingsWithFreePlaces: openings.length, freePlaces: openings.reduce((s, o) => s + o.freePlaces, 0),
      perCompany,
    };
  });
}
