import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { assertScope } from '../youth/presenter.ts';
import { findYoungPersonRow } from '../youth/queries.ts';
import { placementPermissions as P } from './policy.ts';
import { createPlacement, endPlacement, findPlacementRow, ladderOf, listPlacements, setSchedule } from './placements.ts';
import { computeStability, attendanceOf } from './attendance.ts';
import { addDays, mondayOf, todayInDenmark } from './dates.ts';
import { completeTask, createTask, openTasksFor } from './tasks.ts';
import type { Trx } from '../core/db.ts';
import { followPathway } from '../youth/index.ts';
import {
  IdParams, Ladder, Placement, PlacementCreate, PlacementDetail, PlacementEnd, PlacementListQuery, PlacementPatch,
  ScheduleStep, Stability, Task, YoungPersonParams,
} from './schemas.ts';

const Attention = Type.Array(Type.Object({ placement: Placement, stability: Stability }));

export async function placementRoutes(app: App) {
  const { db } = app.deps;

  async function detail(trx: Parameters<typeof listPlacements>[0], partnershipId: string, id: string) {
    const [p] = await listPlacements(trx, partnershipId, { id });
    const today = todayInDenmark();
    const records = await attendanceOf(trx, [id], addDays(mondayOf(today), -7 * 12), today);
    return { ...p, stability: computeStability({ start_date: p.startDate, end_date: p.endDate, status: p.status }, p.schedule, records, today) };
  }

  /** Current placements whose attendance stability is falling. */
  async function attention(partnershipId: string) {
    const current = (await listPlacements(db, partnershipId, {})).filter((p) => p.status === 'active' || p.status === 'paused');
    const today = todayInDenmark();
    const records = await attendanceOf(db, current.map((p) => p.id), addDays(mondayOf(today), -7 * 12), today);
    return current
      .map((p) => ({ placement: p, stability: computeStability({ start_date: p.startDate, end_date: p.endDate, status: p.status }, p.schedule, records.filter((r) => r.placement_id === p.id), today) }))
      .filter((x) => x.stability.falling);
  }

  app.get('/api/placements', {
    config: { permission: P['placements.list'] },
    schema: { tags: ['placements'], querystring: PlacementListQuery, response: { 200: Type.Array(Placement) } },
  }, async (req) => {
    const actor = actorOf(req);
    const rows = await listPlacements(db, actor.partnershipId, req.query);
    await audit(db, actor, {
      action: 'search', subjectKind: 'placement', subjectId: req.query.youngPersonId ?? null,
      criterion: req.query.companyId ? 'company' : req.query.youngPersonId ? 'young_person' : 'all', purpose: 'casework',
      subjectIds: req.query.youngPersonId ? undefined : [...new Set(rows.map((r) => r.youngPersonId))],
    });
    return rows;
  });

  app.post('/api/placements', {
    config: { permission: P['placements.write'] },
    schema: { tags: ['placements'], body: PlacementCreate, response: { 201: PlacementDetail, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction().execute(async (trx) => {
      const id = await createPlacement(trx, actor.partnershipId, actor.userId, req.body);
      await audit(trx, actor, { action: 'create', subjectKind: 'placement', subjectId: req.body.youngPersonId, purpose: 'casework' });
      return detail(trx, actor.partnershipId, id);
    });
    return reply.status(201).send(out);
  });

  app.get('/api/placements/attention', {
    config: { permission: P['placements.list'] },
    schema: { tags: ['placements'], description: 'Current placements whose attendance stability is falling', response: { 200: Attention } },
  }, async (req) => {
    const actor = actorOf(req);
    const [out] = await Promise.all([
      attention(actor.partnershipId),
      audit(db, actor, { action: 'search', subjectKind: 'placement', criterion: 'attendance_falling', purpose: 'casework' }),
    ]);
    return out;
  });

  app.get('/api/placements/:id', {
    config: { permission: P['placements.read'] },
    schema: { tags: ['placements'], params: IdParams, response: { 200: PlacementDetail, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const p = await authorize(actor, P['placements.read'], await findPlacementRow(db, actor.partnershipId, req.params.id), db);
    const [, out] = await Promise.all([
      audit(db, actor, { action: 'read', subjectKind: 'placement', subjectId: p.young_person_id, purpose: 'casework' }),
      detail(db, actor.partnershipId, p.id),
    ]);
    return out;
  });

  app.patch('/api/placements/:id', {
    config: { permission: P['placements.write'] },
    schema: { tags: ['placements'], params: IdParams, body: PlacementPatch, response: { 200: PlacementDetail, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const p = await authorize(actor, P['placements.write'], await findPlacementRow(trx, actor.partnershipId, req.params.id), trx);
      if (p.status === 'ended') throw new AppError(409, 'already_ended', 'Forløbet er afsluttet og kan ikke ændres.');
      const b = req.body;
      if (b.endDate && b.endDate < p.start_date) throw badRequest('Slutdatoen ligger før startdatoen.', [{ field: 'endDate', message: 'Slutdatoen skal være efter startdatoen.' }]);
      if (b.mentorContactId) {
        const m = await trx.selectFrom('company_contacts').select('id').where('id', '=', b.mentorContactId).where('company_id', '=', p.company_id).executeTakeFirst();
        if (!m) throw badRequest('Virksomhedsmentoren skal være en af virksomhedens kontaktpersoner.', [{ field: 'mentorContactId', message: 'Vælg en kontaktperson fra virksomheden.' }]);
      }
      const set = Object.fromEntries(Object.entries({ status: b.status, end_date: b.endDate, mentor_contact_id: b.mentorContactId }).filter(([, v]) => v !== undefined));
      if (Object.keys(set).length) await trx.updateTable('placements').set({ ...set, updated_at: new Date() }).where('id', '=', p.id).execute();
      // A planned placement that starts moves the pathway to "I praktik" (#21); resuming a paused one changes nothing there.
      if (b.status === 'active' && p.status === 'planned') await followPathway(trx, p.young_person_id, 'in_placement', 'Praktikforløb startet', actor.userId);
      await audit(trx, actor, { action: 'change', subjectKind: 'placement', subjectId: p.young_person_id, purpose: 'casework' });
      return detail(trx, actor.partnershipId, p.id);
    });
  });

  app.post('/api/placements/:id/schedule', {
    config: { permission: P['placements.write'] },
    schema: { tags: ['placements'], description: 'Step hours up (or down) from a date', params: IdParams, body: ScheduleStep, response: { 200: PlacementDetail, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const p = await authorize(actor, P['placements.write'], await findPlacementRow(trx, actor.partnershipId, req.params.id), trx);
      if (p.status === 'ended') throw new AppError(409, 'already_ended', 'Forløbet er afsluttet og kan ikke ændres.');
      if (req.body.validFrom < p.start_date) throw badRequest('Skemaet kan ikke gælde fra før forløbets start.', [{ field: 'validFrom', message: 'Vælg en dato i forløbet.' }]);
      await setSchedule(trx, p.id, req.body);
      await audit(trx, actor, { action: 'change', subjectKind: 'placement', subjectId: p.young_person_id, purpose: 'casework' });
      return detail(trx, actor.partnershipId, p.id);
    });
  });

  app.post('/api/placements/:id/end', {
    config: { permission: P['placements.write'] },
    schema: { tags: ['placements'], params: IdParams, body: PlacementEnd, response: { 200: PlacementDetail, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const p = await authorize(actor, P['placements.write'], await findPlacementRow(trx, actor.partnershipId, req.params.id), trx);
      await endPlacement(trx, p, req.body);
      await audit(trx, actor, { action: 'change', subjectKind: 'placement', subjectId: p.young_person_id, purpose: 'casework' });
      await suggestOutcome(trx, actor.partnershipId, actor.userId, p.young_person_id, p.id, req.body.endReason);
      return detail(trx, actor.partnershipId, p.id);
    });
  });

  app.get('/api/placements/ladder/:youngPersonId', {
    config: { permission: P['placements.ladder'] },
    schema: { tags: ['placements'], description: 'The young person\'s placements as a ladder, for the pathway timeline', params: YoungPersonParams, response: { 200: Ladder, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await findYoungPersonRow(db, actor.partnershipId, req.params.youngPersonId);
    const scope = assertScope({ actor }, yp, ['team', 'admin', 'self']);
    const [, ladder] = await Promise.all([
      audit(db, actor, { action: 'read', subjectKind: 'placement', subjectId: yp!.id, purpose: scope === 'self' ? 'own_data' : 'casework' }),
      ladderOf(db, actor.partnershipId, yp!.id),
    ]);
    return ladder;
  });

  app.get('/api/tasks', {
    config: { permission: P['tasks.read'] },
    schema: { tags: ['tasks'], description: 'My open tasks and the team\'s unassigned ones', response: { 200: Type.Array(Task) } },
  }, async (req) => {
    const actor = actorOf(req);
    const tasks = await openTasksFor(db, actor.partnershipId, actor.userId);
    // Only a list naming young people is a search of their data.
    const named = [...new Set(tasks.flatMap((t) => (t.youngPersonId ? [t.youngPersonId] : [])))];
    if (named.length) await audit(db, actor, { action: 'search', subjectKind: 'task', criterion: 'open_tasks', purpose: 'casework', subjectIds: named });
    return tasks;
  });

  app.post('/api/tasks/:id/done', {
    config: { permission: P['tasks.write'] },
    schema: { tags: ['tasks'], params: IdParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const ok = await db.transaction().execute((trx) => completeTask(trx, actor.partnershipId, req.params.id, actor.userId));
    if (!ok) throw notFound('Opgaven');
    return reply.status(204).send(null);
  });
}

/**
 * An end by hiring or education feeds the pathway: the young person moves to
 * the stage "employed" or "in education" (logged in the pathway history), and
 * the counsellor gets a task, in the same transaction, to register the outcome
 * when the pathway ends (after any retention follow-up).
 */
async function suggestOutcome(trx: Trx, partnershipId: string, userId: string, youngPersonId: string, placementId: string, reason: string) {
  if (reason !== 'hired' && reason !== 'education') return;
  const yp = await trx.selectFrom('young_people').select(['counsellor_id', 'first_name', 'stage']).where('id', '=', youngPersonId).executeTakeFirstOrThrow();
  const stage = reason === 'hired' ? 'employed' : 'in_education';
  if (yp.stage !== 'ended' && yp.stage !== stage) {
    await trx.updateTable('young_people').set((eb) => ({ stage, version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', youngPersonId).execute();
    await trx.insertInto('pathway_events').values({
      young_person_id: youngPersonId, kind: 'stage', from_stage: yp.stage, to_stage: stage, changed_by: userId,
      note: reason === 'hired' ? 'Ansat efter praktikforløb' : 'Startet på uddannelse efter praktikforløb',
    }).execute();
  }
  await createTask(trx, {
    partnershipId, assigneeId: yp.counsellor_id ?? userId, kind: 'pathway_outcome', youngPersonId, placementId, createdBy: userId,
    title: reason === 'hired' ? `${yp.first_name} er blevet ansat: registrér resultatet på forløbet` : `${yp.first_name} er startet på uddannelse: registrér resultatet på forløbet`,
    body: reason === 'hired' ? 'Resultat: ordinær ansættelse.' : 'Resultat: uddannelse.', dueAt: new Date(),
  });
}
