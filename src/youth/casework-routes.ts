import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { authorize, type Actor } from '../core/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Queryable, Trx } from '../core/db.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { youthPermissions as P } from './policy.ts';
import { findYoungPersonRow, userNames } from './queries.ts';
import { allScreeningFields } from './presenter.ts';
import { ageOn, readinessProblem, TRANSITIONS, type Stage } from './domain.ts';
import { staleVersion } from './errors.ts';
import { contactPersonFor, loadPlan, planHistory, planPrintHtml } from './plan.ts';
import {
  EntryParams, IdParams, JournalBody, JournalCorrectionBody, JournalEntry, PathwayBody, PathwayEvent, PlanBody, PlanResponse,
  ScreeningBody, ScreeningView, YoungPersonView,
} from './schemas.ts';
import { presentYoungPerson } from './presenter.ts';
import { followPathway, screeningHasContent } from './pathway.ts';
import { findYoungPerson } from './queries.ts';

/** Loads the young person for casework and checks the counsellor's reach (404 outside it). */
async function caseRecord(trx: Queryable, actor: Actor, id: string, permission: string) {
  return authorize(actor, permission, await findYoungPersonRow(trx, actor.partnershipId, id), trx);
}

const touch = (trx: Trx, id: string) => trx.updateTable('young_people').set({ last_contact_at: new Date() }).where('id', '=', id).execute();

export async function caseworkRoutes(app: App) {
  const { db } = app.deps;

  // Screening: each save is a new version; baseVersion must be the newest, else 409.
  app.get('/api/youth/:id/screenings', {
    config: { permission: P['youth.casework.read'] },
    schema: { tags: ['youth'], params: IdParams, response: { 200: Type.Array(ScreeningView), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await caseRecord(db, actor, req.params.id, P['youth.casework.read']);
    const rows = await db.selectFrom('screenings').selectAll().where('young_person_id', '=', yp.id).orderBy('version', 'desc').execute();
    const names = await userNames(db, rows.map((r) => r.created_by));
    await audit(db, actor, { action: 'read', subjectKind: 'screening', subjectId: yp.id, purpose: 'casework' });
    return rows.map((r) => ({ ...allScreeningFields(r), createdByName: r.created_by ? names.get(r.created_by) ?? null : null }));
  });

  app.post('/api/youth/:id/screenings', {
    config: { permission: P['youth.casework.write'] },
    schema: { tags: ['youth'], params: IdParams, body: ScreeningBody, response: { 201: ScreeningView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    const saved = await db.transaction().execute(async (trx) => {
      const yp = await caseRecord(trx, actor, req.params.id, P['youth.casework.write']);
      // Lock the person row so two saves of the same base version cannot both win.
      await trx.selectFrom('young_people').select('id').where('id', '=', yp.id).forUpdate().execute();
      const newest = await trx.selectFrom('screenings').select('version').where('young_person_id', '=', yp.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
      const current = newest?.version ?? 0;
      if (b.baseVersion !== current) throw staleVersion(current);
      if (b.readiness) {
        const problem = readinessProblem(b.readiness, ageOn(yp.birth_date));
        if (problem) throw badRequest(problem, [{ field: 'readiness', message: problem }]);
      }
      const row = await trx.insertInto('screenings').values({
        young_person_id: yp.id, version: current + 1, barriers: b.barriers, barrier_note: b.barrierNote ?? null,
        health_note: b.healthNote ?? null, strengths: b.strengths.map((x) => x.trim()), interests: b.interests.map((x) => x.trim()),
        wishes: b.wishes ?? null, days_per_week: b.daysPerWeek ?? null, hours_per_day: b.hoursPerDay ?? null,
        earliest_start: b.earliestStart ?? null, transport: b.transport, max_travel_minutes: b.maxTravelMinutes ?? null,
        can_do_early_mornings: b.canDoEarlyMornings ?? null, can_lift: b.canLift ?? null, after_hours_mentor: b.afterHoursMentor ?? null,
        readiness: b.readiness, created_by: actor.userId,
      }).returningAll().executeTakeFirstOrThrow();
      // The first screening that says something moves a new referral on; an empty form does not (#21).
      if (screeningHasContent(b)) await followPathway(trx, yp.id, 'screening', 'Første afklaring gemt', actor.userId, ['referred']);
      await touch(trx, yp.id);
      await audit(trx, actor, { action: 'create', subjectKind: 'screening', subjectId: yp.id, purpose: 'casework' });
      return allScreeningFields(row);
    });
    return reply.status(201).send(saved);
  });

  // Plan: versioned like the screening.
  app.get('/api/youth/:id/plan', {
    config: { permission: P['youth.casework.read'] },
    schema: { tags: ['youth'], params: IdParams, response: { 200: PlanResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await caseRecord(db, actor, req.params.id, P['youth.casework.read']);
    const plan = await loadPlan(db, yp.id);
    const history = await planHistory(db, yp.id);
    await audit(db, actor, { action: 'read', subjectKind: 'plan', subjectId: yp.id, purpose: 'casework' });
    return { plan, history };
  });

  app.put('/api/youth/:id/plan', {
    config: { permission: P['youth.casework.write'] },
    schema: { tags: ['youth'], params: IdParams, body: PlanBody, response: { 200: PlanResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const b = req.body;
    return db.transaction().execute(async (trx) => {
      const yp = await caseRecord(trx, actor, req.params.id, P['youth.casework.write']);
      await trx.selectFrom('young_people').select('id').where('id', '=', yp.id).forUpdate().execute();
      const newest = await trx.selectFrom('plans').select('version').where('young_person_id', '=', yp.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
      const current = newest?.version ?? 0;
      if (b.baseVersion !== current) throw staleVersion(current);
      if (b.contactPersonId) {
        const m = await trx.selectFrom('memberships').select('role').where('user_id', '=', b.contactPersonId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
        if (m?.role !== 'counsellor') throw badRequest('Kontaktpersonen skal være en vejleder i netværket.', [{ field: 'contactPersonId', message: 'Vælg en vejleder i netværket.' }]);
      }
      await trx.insertInto('plans').values({
        young_person_id: yp.id, version: current + 1, contact_person_id: b.contactPersonId, summary: b.summary,
        goals: JSON.stringify(b.goals), agreements: JSON.stringify(b.agreements), created_by: actor.userId,
      }).execute();
      await touch(trx, yp.id);
      await audit(trx, actor, { action: 'change', subjectKind: 'plan', subjectId: yp.id, purpose: 'casework' });
      return { plan: await loadPlan(trx, yp.id), history: await planHistory(trx, yp.id) };
    });
  });

  app.get('/api/youth/:id/plan/print', {
    config: { permission: P['youth.casework.read'] },
    schema: { tags: ['youth'], params: IdParams },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const yp = await caseRecord(db, actor, req.params.id, P['youth.casework.read']);
    const plan = await loadPlan(db, yp.id);
    await audit(db, actor, { action: 'read', subjectKind: 'plan', subjectId: yp.id, purpose: 'casework' });
    const html = planPrintHtml(yp.first_name, plan, await contactPersonFor(db, yp.counsellor_id, plan));
    return reply.type('text/html; charset=utf-8').send(html);
  });

  // Pathway: validated transitions; an outcome only with an end; reopening is explicit and logged.
  app.get('/api/youth/:id/pathway', {
    config: { permission: P['youth.casework.read'] },
    schema: { tags: ['youth'], params: IdParams, response: { 200: Type.Array(PathwayEvent), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await caseRecord(db, actor, req.params.id, P['youth.casework.read']);
    const rows = await db.selectFrom('pathway_events').selectAll().where('young_person_id', '=', yp.id).orderBy('id', 'desc').execute();
    const names = await userNames(db, rows.map((r) => r.changed_by));
    await audit(db, actor, { action: 'read', subjectKind: 'pathway', subjectId: yp.id, purpose: 'casework' });
    return rows.map((r) => ({
      kind: r.kind, fromStage: r.from_stage, toStage: r.to_stage, outcome: r.outcome, outcomeEducation: r.outcome_education,
      outcomeDate: r.outcome_date, note: r.note, changedByName: r.changed_by ? names.get(r.changed_by) ?? null : null,
      changedAt: new Date(r.changed_at).toISOString(),
    }));
  });

  app.post('/api/youth/:id/pathway', {
    config: { permission: P['youth.casework.write'] },
    schema: { tags: ['youth'], params: IdParams, body: PathwayBody, response: { 200: YoungPersonView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const b = req.body;
    return db.transaction().execute(async (trx) => {
      const yp = await caseRecord(trx, actor, req.params.id, P['youth.casework.write']);
      if (b.version !== yp.version) throw staleVersion(yp.version);
      const from = yp.stage as Stage;
      let set: { stage: Stage; outcome: string | null; outcome_education: string | null; outcome_date: string | null };
      if (b.action === 'stage') {
        if (from === 'ended') throw badRequest('Forløbet er afsluttet. Genåbn det først.', [{ field: 'toStage', message: 'Forløbet er afsluttet. Genåbn det først.' }]);
        if (!TRANSITIONS[from].includes(b.toStage)) throw badRequest('Det trin kan forløbet ikke gå til herfra.', [{ field: 'toStage', message: 'Det trin kan forløbet ikke gå til herfra.' }]);
        set = { stage: b.toStage, outcome: null, outcome_education: null, outcome_date: null };
      } else if (b.action === 'end') {
        if (from === 'ended') throw badRequest('Forløbet er allerede afsluttet.', [{ field: 'outcome', message: 'Forløbet er allerede afsluttet.' }]);
        if (b.outcome === 'education' && !b.outcomeEducation) throw badRequest('Vælg hvilken uddannelse.', [{ field: 'outcomeEducation', message: 'Vælg hvilken uddannelse.' }]);
        if (b.outcome !== 'education' && b.outcomeEducation) throw badRequest('Uddannelse kan kun vælges, når resultatet er uddannelse.', [{ field: 'outcomeEducation', message: 'Kun ved uddannelse.' }]);
        set = { stage: 'ended', outcome: b.outcome, outcome_education: b.outcomeEducation ?? null, outcome_date: b.outcomeDate };
      } else {
        if (from !== 'ended') throw badRequest('Kun et afsluttet forløb kan genåbnes.', [{ field: 'action', message: 'Forløbet er ikke afsluttet.' }]);
        set = { stage: b.toStage, outcome: null, outcome_education: null, outcome_date: null };
      }
      await trx.updateTable('young_people').set({ ...set, version: yp.version + 1, updated_at: new Date() }).where('id', '=', yp.id).execute();
      await trx.insertInto('pathway_events').values({
        young_person_id: yp.id, kind: b.action, from_stage: from, to_stage: set.stage, outcome: set.outcome,
        outcome_education: set.outcome_education, outcome_date: set.outcome_date, note: b.note ?? null, changed_by: actor.userId,
      }).execute();
      await audit(trx, actor, { action: 'change', subjectKind: 'pathway', subjectId: yp.id, purpose: 'casework' });
      return presentYoungPerson(trx, { actor }, await findYoungPerson(trx, actor.partnershipId, yp.id));
    });
  });

  // Journal: append-only; a correction is a new version of the same entry.
  app.get('/api/youth/:id/journal', {
    config: { permission: P['youth.casework.read'] },
    schema: { tags: ['youth'], params: IdParams, response: { 200: Type.Array(JournalEntry), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const yp = await caseRecord(db, actor, req.params.id, P['youth.casework.read']);
    const rows = await db.selectFrom('journal_entries').selectAll().where('young_person_id', '=', yp.id)
      .orderBy('occurred_on', 'desc').orderBy('entry_id').orderBy('version', 'desc').execute();
    const names = await userNames(db, rows.map((r) => r.author_id));
    await audit(db, actor, { action: 'read', subjectKind: 'journal', subjectId: yp.id, purpose: 'casework' });
    const byEntry = new Map<string, ReturnType<typeof journalView>[]>();
    for (const r of rows) {
      const list = byEntry.get(r.entry_id) ?? [];
      list.push(journalView(r, names));
      byEntry.set(r.entry_id, list);
    }
    // The newest version is the current one, whatever date a correction gave it (rows come sorted by date).
    return [...byEntry.values()]
      .map((versions) => versions.sort((x, y) => y.version - x.version))
      .map((versions) => ({ ...versions[0]!, earlier: versions.slice(1) }))
      .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
  });

  app.post('/api/youth/:id/journal', {
    config: { permission: P['youth.casework.write'] },
    schema: { tags: ['youth'], params: IdParams, body: JournalBody, response: { 201: JournalEntry, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const entry = await db.transaction().execute(async (trx) => {
      const yp = await caseRecord(trx, actor, req.params.id, P['youth.casework.write']);
      const row = await trx.insertInto('journal_entries').values({
        entry_id: randomUUID(), version: 1, young_person_id: yp.id, kind: req.body.kind, occurred_on: req.body.occurredOn,
        sensitivity: req.body.sensitivity, body: req.body.body, author_id: actor.userId,
      }).returningAll().executeTakeFirstOrThrow();
      if (req.body.kind === 'meeting' || req.body.kind === 'phone') await touch(trx, yp.id);
      // The author is the one asking: their name is in the session.
      const names = new Map([[actor.userId, req.session!.name]]);
      // Last before commit: the audit chain's head stays locked from here until the commit.
      await audit(trx, actor, { action: 'create', subjectKind: 'journal', subjectId: yp.id, purpose: 'casework' });
      return { ...journalView(row, names), earlier: [] };
    });
    return reply.status(201).send(entry);
  });

  app.post('/api/youth/:id/journal/:entryId/versions', {
    config: { permission: P['youth.casework.write'] },
    schema: { tags: ['youth'], params: EntryParams, body: JournalCorrectionBody, response: { 201: JournalEntry, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const b = req.body;
    const entry = await db.transaction().execute(async (trx) => {
      const yp = await caseRecord(trx, actor, req.params.id, P['youth.casework.write']);
      await trx.selectFrom('young_people').select('id').where('id', '=', yp.id).forUpdate().execute();
      const versions = await trx.selectFrom('journal_entries').selectAll().where('young_person_id', '=', yp.id).where('entry_id', '=', req.params.entryId).orderBy('version', 'desc').execute();
      if (versions.length === 0) throw notFound('Notatet');
      if (b.baseVersion !== versions[0].version) throw staleVersion(versions[0].version);
      const row = await trx.insertInto('journal_entries').values({
        entry_id: req.params.entryId, version: versions[0].version + 1, young_person_id: yp.id, kind: b.kind, occurred_on: b.occurredOn,
        sensitivity: b.sensitivity, body: b.body, author_id: actor.userId,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, actor, { action: 'change', subjectKind: 'journal', subjectId: yp.id, purpose: 'casework' });
      const names = await userNames(trx, [...versions.map((v) => v.author_id), actor.userId]);
      return { ...journalView(row, names), earlier: versions.map((v) => journalView(v, names)) };
    });
    return reply.status(201).send(entry);
  });
}

function journalView(r: { id: string; entry_id: string; version: number; kind: string; occurred_on: string; sensitivity: string; body: string; author_id: string | null; created_at: Date }, names: Map<string, string>) {
  return {
    id: r.id, entryId: r.entry_id, version: r.version, kind: r.kind, occurredOn: r.occurred_on, sensitivity: r.sensitivity,
    body: r.body, authorName: r.author_id ? names.get(r.author_id) ?? null : null, createdAt: new Date(r.created_at).toISOString(),
  };
}
