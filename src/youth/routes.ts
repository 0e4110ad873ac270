import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Trx } from '../core/db.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { youthPermissions as P } from './policy.ts';
import { counsellorsOf, findYoungPerson, findYoungPersonRow, followUpsFor, likelyDuplicates, listYoungPeople } from './queries.ts';
import { presentYoungPerson } from './presenter.ts';
import { staleVersion } from './errors.ts';
import { ageOn } from './domain.ts';
import { Counsellor, DuplicateQuery, FollowUps, IdParams, IntakeBody, LikelyDuplicate, UpdateBody, YoungPersonSummary, YoungPersonView, YouthListQuery } from './schemas.ts';
import { caseworkRoutes } from './casework-routes.ts';
import { meRoutes } from './me-routes.ts';
import { inviteRoutes } from './invite.ts';

export const localDate = (d: Date = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Column names for the intake fields of the API. */
const COLUMNS = {
  referralSource: 'referral_source', firstName: 'first_name', lastName: 'last_name', birthDate: 'birth_date',
  municipalCaseRef: 'municipal_case_ref', phone: 'phone', email: 'email', address: 'address', postalCode: 'postal_code',
  guardianName: 'guardian_name', guardianPhone: 'guardian_phone', guardianEmail: 'guardian_email',
  preferredContactTimes: 'preferred_contact_times', counsellorId: 'counsellor_id', nextFollowUp: 'next_follow_up',
  nextAppointmentAt: 'next_appointment_at', nextAppointmentPlace: 'next_appointment_place',
} as const;

/** The partnership's age range and the guardian rule for under-18s; problems are reported at the field. */
async function checkIntake(trx: Trx, partnershipId: string, v: { birthDate?: string; guardianName?: string | null; guardianPhone?: string | null; guardianEmail?: string | null; counsellorId?: string | null }) {
  const fields: { field: string; message: string }[] = [];
  if (v.birthDate) {
    const p = await trx.selectFrom('partnerships').select(['age_min', 'age_max', 'name']).where('id', '=', partnershipId).executeTakeFirstOrThrow();
    const age = ageOn(v.birthDate);
    if (age < p.age_min || age > p.age_max) {
      fields.push({ field: 'birthDate', message: `Den unge er ${age} år. ${p.name} tager imod unge fra ${p.age_min} til ${p.age_max} år.` });
    } else if (age < 18 && !v.guardianName) {
      fields.push({ field: 'guardianName', message: 'Den unge er under 18 år: skriv navnet på en forælder eller værge.' });
    }
    if (age < 18 && v.guardianName && !v.guardianPhone && !v.guardianEmail) {
      fields.push({ field: 'guardianPhone', message: 'Skriv telefonnummer eller e-mail på forælderen eller værgen.' });
    }
  }
  if (v.counsellorId) {
    const m = await trx.selectFrom('memberships').select('role').where('user_id', '=', v.counsellorId).where('partnership_id', '=', partnershipId).executeTakeFirst();
    if (m?.role !== 'counsellor') fields.push({ field: 'counsellorId', message: 'Kontaktpersonen skal være en vejleder i netværket.' });
  }
  if (fields.length) throw badRequest(`Der er fejl i formularen: ${fields.map((f) => f.message).join(' ')}`, fields);
}

function toColumns(body: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(COLUMNS)) if (k in body) out[col] = body[k];
  return out;
}

export async function youthRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/youth', {
    config: { permission: P['youth.list'] },
    schema: { tags: ['youth'], querystring: YouthListQuery, response: { 200: Type.Array(YoungPersonSummary) } },
  }, async (req) => {
    const actor = actorOf(req);
    const { mine, ...filter } = req.query;
    // Paging (limit, after) is not a search criterion.
    const criteria = Object.entries(req.query).filter(([k, v]) => k !== 'limit' && k !== 'after' && v !== undefined).map(([k]) => k);
    // A read needs no transaction. The search is put on record (audit.ts) with everyone it shows, in one row, before anything is sent:
    // each young person sees in their access log that they stood on this list.
    const rows = await listYoungPeople(db, actor.partnershipId, { ...filter, counsellorId: mine ? actor.userId : undefined }, localDate());
    await audit(db, actor, { action: 'search', subjectKind: 'young_person', criterion: criteria.join(',') || 'caseload', purpose: 'casework', subjectIds: rows.map((r) => r.id) });
    const today = new Date();
    return rows.map((r) => ({
      id: r.id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, age: ageOn(r.birth_date, today),
      counsellorId: r.counsellor_id, stage: r.stage, readiness: r.readiness ?? null, nextFollowUp: r.next_follow_up,
      lastContactAt: r.last_contact_at,
    }));
  });

  app.get('/api/youth/follow-ups', {
    config: { permission: P['youth.followups'] },
    schema: { tags: ['youth'], response: { 200: FollowUps } },
  }, async (req) => {
    const actor = actorOf(req);
    const today = localDate();
    const now = new Date();
    const endOfWeek = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((7 - now.getDay()) % 7));
    const rows = await followUpsFor(db, actor.partnershipId, actor.userId, localDate(endOfWeek));
    await audit(db, actor, { action: 'search', subjectKind: 'young_person', criterion: 'my_follow_ups', purpose: 'casework', subjectIds: rows.map((r) => r.id) });
    return {
      overdue: rows.filter((r) => r.nextFollowUp < today),
      today: rows.filter((r) => r.nextFollowUp === today),
      thisWeek: rows.filter((r) => r.nextFollowUp > today),
    };
  });

  app.get('/api/youth/counsellors', {
    config: { permission: P['youth.followups'] },
    schema: { tags: ['youth'], response: { 200: Type.Array(Counsellor) } },
  }, async (req) => counsellorsOf(db, actorOf(req).partnershipId));

  // Intake warns about a likely duplicate (same birth date and a similar name, or the same phone or
  // e-mail) before saving, with links to them; the counsellor can still go on and create.
  app.get('/api/youth/duplicates', {
    config: { permission: P['youth.create'] },
    schema: { tags: ['youth'], querystring: DuplicateQuery, response: { 200: Type.Array(LikelyDuplicate) } },
  }, async (req) => {
    const actor = actorOf(req);
    const [rows] = await Promise.all([
      likelyDuplicates(db, actor.partnershipId, req.query),
      audit(db, actor, { action: 'search', subjectKind: 'young_person', criterion: 'intake_duplicates', purpose: 'casework' }),
    ]);
    return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date }));
  });

  app.post('/api/youth', {
    config: { permission: P['youth.create'] },
    schema: { tags: ['youth'], body: IntakeBody, response: { 201: YoungPersonView, 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const body = req.body as IntakeBody;
    const view = await db.transaction().execute(async (trx) => {
      await checkIntake(trx, actor.partnershipId, body);
      const row = await trx
        .insertInto('young_people')
        .values({
          ...toColumns(body),
          partnership_id: actor.partnershipId,
          counsellor_id: body.counsellorId ?? actor.userId,
          first_name: body.firstName.trim(),
          last_name: body.lastName.trim(),
          birth_date: body.birthDate,
          last_contact_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('pathway_events').values({ young_person_id: row.id, kind: 'intake', to_stage: 'referred', changed_by: actor.userId }).execute();
      await audit(trx, actor, { action: 'create', subjectKind: 'young_person', subjectId: row.id, purpose: 'casework' });
      return presentYoungPerson(trx, { actor }, await findYoungPerson(trx, actor.partnershipId, row.id));
    });
    return reply.status(201).send(view);
  });

  app.get('/api/youth/:id', {
    config: { permission: P['youth.read'] },
    schema: { tags: ['youth'], params: IdParams, response: { 200: YoungPersonView, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return presentYoungPerson(db, { actor }, await findYoungPerson(db, actor.partnershipId, req.params.id));
  });

  app.patch('/api/youth/:id', {
    config: { permission: P['youth.update'] },
    schema: { tags: ['youth'], params: IdParams, body: UpdateBody, response: { 200: YoungPersonView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const body = req.body as UpdateBody;
    return db.transaction().execute(async (trx) => {
      const current = await findYoungPersonRow(trx, actor.partnershipId, req.params.id);
      if (!current) throw notFound();
      const merged = {
        birthDate: body.birthDate ?? current.birth_date,
        guardianName: 'guardianName' in body ? body.guardianName : current.guardian_name,
        guardianPhone: 'guardianPhone' in body ? body.guardianPhone : current.guardian_phone,
        guardianEmail: 'guardianEmail' in body ? body.guardianEmail : current.guardian_email,
        counsellorId: body.counsellorId,
      };
      await checkIntake(trx, actor.partnershipId, merged);
      // Optimistic concurrency: the update only applies to the version the editor started from.
      const updated = await trx
        .updateTable('young_people')
        .set({ ...toColumns(body), version: current.version + 1, updated_at: new Date() })
        .where('id', '=', current.id)
        .where('version', '=', body.version)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw staleVersion(current.version);
      await audit(trx, actor, { action: 'change', subjectKind: 'young_person', subjectId: current.id, purpose: 'casework' });
      return presentYoungPerson(trx, { actor }, await findYoungPerson(trx, actor.partnershipId, current.id));
    });
  });

  await app.register(caseworkRoutes);
  await app.register(meRoutes);
  await app.register(inviteRoutes);
}

/** 409 with the version now stored, so the client can reload it and keep what was typed. */
