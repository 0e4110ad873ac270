import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit, type AuditAction } from '../core/audit.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Trx } from '../core/db.ts';
import type { Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { reportPermissions as P } from './policy.ts';
import { GoalBody, GoalSettingsResponse, GoalSettingsSchema } from './schemas.ts';
import { loadSettings } from './queries.ts';
import { checkGoal, goalIdFrom, validateGoals, type GoalDefinition } from './goals.ts';

const GoalIdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }) });
const goalNotFound = () => notFound('Målet');

/**
 * Changes the partnership's goal list under a row lock (two coordinators
 * editing at once do not overwrite each other's goals) and records who changed
 * which goal in the audit log, in one transaction.
 */
async function changeGoals(trx: Trx, actor: Actor, action: AuditAction, goalId: string | (() => string), change: (goals: GoalDefinition[]) => GoalDefinition[]) {
  const pid = actor.partnershipId;
  await trx.insertInto('report_settings').values({ partnership_id: pid }).onConflict((oc) => oc.column('partnership_id').doNothing()).execute();
  const row = await trx.selectFrom('report_settings').select(['goals', 'suppression_threshold']).where('partnership_id', '=', pid).forUpdate().executeTakeFirstOrThrow();
  const current = validateGoals(row.goals);
  if (!current.ok) throw badRequest('De gemte mål kan ikke læses. Gem hele listen af mål igen (PUT /api/reports/goals).');
  const goals = change(current.goals);
  if (goals.length > 50) throw badRequest('Et netværk kan højst have 50 mål.');
  await trx.updateTable('report_settings').set({ goals: JSON.stringify(goals), updated_by: actor.userId, updated_at: new Date() }).where('partnership_id', '=', pid).execute();
  await audit(trx, actor, { action, subjectKind: 'report_goal', criterion: typeof goalId === 'function' ? goalId() : goalId, purpose: 'reporting' });
  return { goals, suppressionThreshold: row.suppression_threshold };
}

function checked(input: unknown): GoalDefinition {
  const c = checkGoal(input);
  if (!c.ok) throw badRequest(c.message, c.fields);
  return c.goal;
}

export async function goalRoutes(app: App) {
  const { db } = app.deps;

  app.get('/api/reports/goals', {
    config: { permission: P['reports.goals.read'] },
    schema: { tags: ['reports'], response: { 200: GoalSettingsResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const s = await loadSettings(db, actor.partnershipId);
    const c = validateGoals(s.goals);
    return { goals: c.ok ? c.goals : [], suppressionThreshold: s.threshold };
  });

  /** Replaces the whole list and the suppression threshold. */
  app.put('/api/reports/goals', {
    config: { permission: P['reports.goals.write'] },
    schema: { tags: ['reports'], body: GoalSettingsSchema, response: { 200: GoalSettingsResponse, 400: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const c = validateGoals(req.body.goals);
    if (!c.ok) throw badRequest(`Målene kan ikke gemmes: ${c.problems.join(' ')}`);
    const ids = c.goals.map((g) => g.id);
    if (new Set(ids).size !== ids.length) throw badRequest('To mål har samme id: giv hvert mål sit eget id.');
    return db.transaction().execute(async (trx) => {
      const out = await changeGoals(trx, actor, 'change', '*', () => c.goals);
      await trx.updateTable('report_settings').set({ suppression_threshold: req.body.suppressionThreshold }).where('partnership_id', '=', actor.partnershipId).execute();
      return { ...out, suppressionThreshold: req.body.suppressionThreshold };
    });
  });

  /** Adds one goal; the id is made from the title when left out. */
  app.post('/api/reports/goals', {
    config: { permission: P['reports.goals.write'] },
    schema: { tags: ['reports'], body: GoalBody, response: { 201: GoalSettingsResponse, 400: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const body = req.body as Record<string, unknown>;
    const result = await db.transaction().execute(async (trx) => {
      let id = '';
      return changeGoals(trx, actor, 'create', () => id, (goals) => {
        const used = new Set(goals.map((g) => g.id));
        const goal = checked({ ...body, id: typeof body?.id === 'string' && body.id ? body.id : goalIdFrom(String(body?.title ?? ''), used) });
        if (used.has(goal.id)) throw badRequest('Der findes allerede et mål med det id.', [{ field: 'id', message: 'Vælg et andet id.' }]);
        id = goal.id;
        return [...goals, goal];
      });
    });
    return reply.status(201).send(result);
  });

  /** Replaces one goal's definition; the id stays. */
  app.put('/api/reports/goals/:id', {
    config: { permission: P['reports.goals.write'] },
    schema: { tags: ['reports'], params: GoalIdParams, body: GoalBody, response: { 200: GoalSettingsResponse, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const { id } = req.params;
    const body = req.body as Record<string, unknown>;
    if (typeof body?.id === 'string' && body.id !== id) throw badRequest('Et måls id kan ikke ændres.', [{ field: 'id', message: 'Id kan ikke ændres.' }]);
    return db.transaction().execute((trx) => changeGoals(trx, actor, 'change', id, (goals) => {
      const i = goals.findIndex((g) => g.id === id);
      if (i < 0) throw goalNotFound();
      const goal = checked({ ...body, id });
      return goals.map((g, j) => (j === i ? goal : g));
    }));
  });

  app.delete('/api/reports/goals/:id', {
    config: { permission: P['reports.goals.write'] },
    schema: { tags: ['reports'], params: GoalIdParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { id } = req.params;
    await db.transaction().execute((trx) => changeGoals(trx, actor, 'delete', id, (goals) => {
      if (!goals.some((g) => g.id === id)) throw goalNotFound();
      return goals.filter((g) => g.id !== id);
    }));
    return reply.status(204).send(null);
  });
}
