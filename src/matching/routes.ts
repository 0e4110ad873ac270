import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { fillCoordinates } from '../geo/fill.ts';
import { geocoderFromConfig } from '../geo/geocoder.ts';
import { proposeForAll } from './batch.ts';
import { acceptSuggestion, decisionView, rejectSuggestion } from './decide.ts';
import { loadYouth } from './load.ts';
import { matchingPermissions as P } from './policy.ts';
import { matchReport } from './report.ts';
import {
  AcceptBody, BatchBody, BatchResponse, DecisionView, IdParams, RejectBody, ReportResponse, SuggestionsQuery, SuggestionsResponse,
  WeightsBody, WeightsResponse, type SuggestionView,
} from './schemas.ts';
import { describe, notesFor, rankFor } from './suggest.ts';
import { DEFAULTS, saveWeights, weightsOf } from './weights.ts';

/** The young person, if in the actor's partnership (else 404: existence is not revealed). */
/** The young person to match; an unknown place says why, so each explanation names the real cause (#21). */
async function subject(db: Queryable, actor: Actor, id: string, hasGeocoder: boolean) {
  const [y] = await loadYouth(db, actor.partnershipId, [id]);
  if (!y) throw notFound('Den unge');
  if (y.profile.location) return y;
  const locationUnknownReason = hasGeocoder ? 'adressen eller postnummeret kunne ikke findes' : 'ingen adressetjeneste sat op';
  return { ...y, profile: { ...y.profile, locationUnknownReason } };
}

export async function matchingRoutes(app: App) {
  const { db, config } = app.deps;
  const geocoder = geocoderFromConfig(config);
  /** Coordinates for new or changed addresses, looked up before the reading transaction (no locks held over HTTP). */
  const geocodePending = async (partnershipId: string) => (geocoder ? fillCoordinates(db, geocoder, partnershipId, 200) : null);

  app.get('/api/youth/:id/suggestions', {
    config: { permission: P['matching.suggest'] },
    schema: { tags: ['matching'], params: IdParams, querystring: SuggestionsQuery, response: { 200: SuggestionsResponse, 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const kind: 'mentor' | 'initiative' | 'opening' = req.query.kind === 'mentors' ? 'mentor' : req.query.kind === 'initiatives' ? 'initiative' : 'opening';
    await geocodePending(actor.partnershipId);
    const y = await subject(db, actor, req.params.id, geocoder !== null);
    const [, { ranked, byId, candidates }, decisions] = await Promise.all([
      audit(db, actor, { action: 'read', subjectKind: 'young_person', subjectId: y.id, purpose: 'matching' }),
      rankFor(db, actor.partnershipId, y, kind, req.query.limit ?? 50),
      db.selectFrom('match_decisions').select(['candidate_id', 'decision', 'reason', 'decided_at'])
        .where('young_person_id', '=', y.id).where('kind', '=', kind).orderBy('decided_at', 'desc').execute(),
    ]);
    const last = new Map<string, (typeof decisions)[number]>();
    for (const d of decisions) if (!last.has(d.candidate_id)) last.set(d.candidate_id, d);
    const suggestions: SuggestionView[] = ranked.map((s) => {
      const d = describe(byId.get(s.candidateId)!, kind);
      const dec = last.get(s.candidateId);
      return {
        candidateId: s.candidateId, ...d, score: s.score, contributions: [...s.contributions], excluded: [...(s.excluded?.limits ?? [])],
        lastDecision: dec ? { decision: dec.decision as 'accepted' | 'rejected', reason: dec.reason, decidedAt: new Date(dec.decided_at).toISOString() } : null,
      };
    });
    return { youngPersonId: y.id, youngPersonName: y.name, kind, ...notesFor(y, candidates, geocoder !== null, kind), suggestions };
  });

  app.get('/api/youth/:id/match-decisions', {
    config: { permission: P['matching.suggest'] },
    schema: { tags: ['matching'], params: IdParams, response: { 200: Type.Array(DecisionView), 404: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const y = await subject(db, actor, req.params.id, geocoder !== null);
    const [, rows] = await Promise.all([
      audit(db, actor, { action: 'read', subjectKind: 'match_decision', subjectId: y.id, purpose: 'matching' }),
      db.selectFrom('match_decisions').selectAll().where('young_person_id', '=', y.id).orderBy('decided_at', 'desc').execute(),
    ]);
    return rows.map(decisionView);
  });

  app.post('/api/youth/:id/suggestions/accept', {
    config: { permission: P['matching.decide'] },
    schema: { tags: ['matching'], params: IdParams, body: AcceptBody, response: { 201: DecisionView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction().execute(async (trx) => {
      const y = await subject(trx, actor, req.params.id, geocoder !== null);
      const d = await acceptSuggestion(trx, actor, y, req.body);
      await audit(trx, actor, { action: 'create', subjectKind: req.body.kind === 'opening' ? 'placement' : 'mentorship', subjectId: y.id, purpose: 'matching' });
      return d;
    });
    return reply.status(201).send(out);
  });

  app.post('/api/youth/:id/suggestions/reject', {
    config: { permission: P['matching.decide'] },
    schema: { tags: ['matching'], params: IdParams, body: RejectBody, response: { 201: DecisionView, 400: ErrorResponse, 404: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction().execute(async (trx) => {
      const y = await subject(trx, actor, req.params.id, geocoder !== null);
      const d = await rejectSuggestion(trx, actor, y, req.body);
      await audit(trx, actor, { action: 'create', subjectKind: 'match_decision', subjectId: y.id, purpose: 'matching' });
      return d;
    });
    return reply.status(201).send(out);
  });

  app.post('/api/matching/batch', {
    config: { permission: P['matching.batch'] },
    schema: { tags: ['matching'], body: BatchBody, response: { 200: BatchResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const kind = req.body.kind === 'mentors' ? 'mentor' : 'opening';
    await geocodePending(actor.partnershipId);
    const started = performance.now();
    const out = await proposeForAll(db, actor.partnershipId, kind);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    // Each young person shown (proposed or left without) is a read of their screening.
    // Handed to the audit writer together, so they go in as few statements as it can.
    const shown = [...out.proposals.map((p) => p.youngPersonId), ...out.unassigned.map((u) => u.youngPersonId)];
    await Promise.all([
      audit(db, actor, { action: 'search', subjectKind: 'young_person', criterion: `matching_batch_${kind}`, purpose: 'matching' }),
      ...shown.map((id) => audit(db, actor, { action: 'read', subjectKind: 'young_person', subjectId: id, purpose: 'matching' })),
    ]);
    return { ...out, ms };
  });

  app.get('/api/matching/weights', {
    config: { permission: P['matching.weights.read'] },
    schema: { tags: ['matching'], response: { 200: WeightsResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const opening = await weightsOf(db, actor.partnershipId, 'opening');
    const mentor = await weightsOf(db, actor.partnershipId, 'mentor');
    return { opening: { ...opening, defaults: DEFAULTS.opening }, mentor: { ...mentor, defaults: DEFAULTS.mentor } };
  });

  app.put('/api/matching/weights', {
    config: { permission: P['matching.weights.write'] },
    schema: { tags: ['matching'], body: WeightsBody, response: { 200: WeightsResponse, 400: ErrorResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction().execute((trx) => saveWeights(trx, actor.partnershipId, actor.userId, req.body.kind, req.body.weights));
    const opening = await weightsOf(db, actor.partnershipId, 'opening');
    const mentor = await weightsOf(db, actor.partnershipId, 'mentor');
    return { opening: { ...opening, defaults: DEFAULTS.opening }, mentor: { ...mentor, defaults: DEFAULTS.mentor } };
  });

  app.get('/api/matching/report', {
    config: { permission: P['matching.report'] },
    schema: { tags: ['matching'], response: { 200: ReportResponse } },
  }, async (req) => matchReport(db, actorOf(req).partnershipId));

  app.post('/api/matching/geocode', {
    config: { permission: P['matching.geocode'] },
    schema: { tags: ['matching'], response: { 200: Type.Object({ configured: Type.Boolean(), lookedUp: Type.Integer(), found: Type.Integer(), failed: Type.Integer() }) } },
  }, async (req) => {
    const r = await geocodePending(actorOf(req).partnershipId);
    return r ? { configured: true, lookedUp: r.looked_up, found: r.found, failed: r.failed } : { configured: false, lookedUp: 0, found: 0, failed: 0 };
  });
}
