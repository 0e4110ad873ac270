import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { authorize } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { mentorPermissions as P } from './policy.ts';
import { activeCounts, findMentor, isMember, mentorColumns, mentorView } from './queries.ts';
import { MENTOR_KINDS, MentorCreate, MentorListQuery, MentorLogin, MentorPatch, MentorView } from './schemas.ts';

const roleForKind = { volunteer: ['volunteer_mentor'], professional: ['volunteer_mentor', 'counsellor'], company: ['company_contact'] };

export async function mentorRegistryRoutes(app: App) {
  const { db } = app.deps;

  async function checkLinks(partnershipId: string, kind: keyof typeof roleForKind, b: MentorPatch) {
    if (b.userId && !(await isMember(db, partnershipId, b.userId, roleForKind[kind]))) {
      throw badRequest('Login-brugeren findes ikke i netværket med en mentor-rolle.', [{ field: 'userId', message: 'Ukendt bruger' }]);
    }
    if (kind === 'company' && b.placementId === null) throw badRequest('En virksomhedsmentor hører til en praktik.', [{ field: 'placementId', message: 'Vælg praktikken' }]);
  }

  app.get('/api/mentors', {
    config: { permission: P['mentors.list'] },
    schema: { tags: ['mentors'], querystring: MentorListQuery, response: { 200: Type.Array(MentorView) } },
  }, async (req) => {
    const actor = actorOf(req);
    let q = db.selectFrom('mentors').selectAll().where('partnership_id', '=', actor.partnershipId);
    if (req.query.status) q = q.where('status', '=', req.query.status);
    if (req.query.kind) q = q.where('kind', '=', req.query.kind);
    if (req.query.q) {
      const like = `%${req.query.q.replace(/[%_\\]/g, '\\$&')}%`;
      q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('industry', 'ilike', like), eb('interests', 'ilike', like), eb('area', 'ilike', like)]));
    }
    const rows = await q.execute();
    const counts = await activeCounts(db, rows.map((r) => r.id));
    const collator = new Intl.Collator('da');
    return rows.sort((a, b) => collator.compare(a.name, b.name)).map((r) => mentorView(r, counts.get(r.id) ?? 0));
  });

  app.get('/api/mentors/me', {
    config: { permission: P['mentors.read'] },
    schema: { tags: ['mentors'], response: { 200: MentorView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await db.selectFrom('mentors').selectAll().where('partnership_id', '=', actor.partnershipId).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!row) throw notFound('Mentorprofilen');
    return mentorView(row, (await activeCounts(db, [row.id])).get(row.id) ?? 0);
  });

  // The logins a counsellor can link to a mentor profile: members with a mentor role and no profile yet.
  app.get('/api/mentors/logins', {
    config: { permission: P['mentors.write'] },
    schema: { tags: ['mentors'], querystring: Type.Object({ kind: Type.Union(MENTOR_KINDS.map((k) => Type.Literal(k))) }), response: { 200: Type.Array(MentorLogin) } },
  }, async (req) => {
    const actor = actorOf(req);
    const rows = await db.selectFrom('memberships as ms').innerJoin('users as u', 'u.id', 'ms.user_id')
      .leftJoin('mentors as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.partnership_id', '=', actor.partnershipId))
      .select(['u.id', 'u.name', 'u.email', 'm.id as mentor_id'])
      .where('ms.partnership_id', '=', actor.partnershipId).where('ms.role', 'in', roleForKind[req.query.kind]).execute();
    const collator = new Intl.Collator('da');
    return rows.sort((a, b) => collator.compare(a.name, b.name)).map((r) => ({ userId: r.id, name: r.name, email: r.email, mentorId: r.mentor_id }));
  });

  app.get('/api/mentors/:id', {
    config: { permission: P['mentors.read'] },
    schema: { tags: ['mentors'], params: IdParams, response: { 200: MentorView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await authorize(actor, P['mentors.read'], await findMentor(db, actor.partnershipId, req.params.id), db);
    return mentorView(row, (await activeCounts(db, [row.id])).get(row.id) ?? 0);
  });

  app.post('/api/mentors', {
    config: { permission: P['mentors.write'] },
    schema: { tags: ['mentors'], body: MentorCreate, response: { 201: MentorView, 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    await checkLinks(actor.partnershipId, b.kind as keyof typeof roleForKind, { ...b, placementId: b.placementId ?? null });
    const row = await db.insertInto('mentors')
      .values({ ...mentorColumns(b), partnership_id: actor.partnershipId, kind: b.kind, name: b.name })
      .returningAll().executeTakeFirstOrThrow()
      .catch((err: Error) => {
        if (/mentors_user_key/.test(err.message)) throw badRequest('Den login-bruger har allerede en mentorprofil.', [{ field: 'userId', message: 'Har allerede en profil' }]);
        throw err;
      });
    return reply.status(201).send(mentorView(row, 0));
  });

  app.patch('/api/mentors/:id', {
    config: { permission: P['mentors.write'] },
    schema: { tags: ['mentors'], params: IdParams, body: MentorPatch, response: { 200: MentorView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const current = await authorize(actor, P['mentors.write'], await findMentor(db, actor.partnershipId, req.params.id), db);
    await checkLinks(actor.partnershipId, current.kind as keyof typeof roleForKind, req.body);
    const cols = mentorColumns(req.body);
    if (Object.keys(cols).length === 0) throw badRequest('Intet at ændre.');
    const row = await db.updateTable('mentors').set({ ...cols, updated_at: new Date() }).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
    return mentorView(row, (await activeCounts(db, [row.id])).get(row.id) ?? 0);
  });
}
