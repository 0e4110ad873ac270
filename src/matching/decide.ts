// Accepting a suggestion creates the real thing in the same transaction as the
// decision, through the owning feature's one use case — the same code its own
// route runs: a planned placement via placements' createPlacement (locks the
// opening row, so capacity holds under concurrency) or a mentorship via
// mentors' createMentorship (active, onboarded, børneattest under 18, review
// task). A hard limit found at accept time refuses (409).
import type { Trx } from '../core/db.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { createPlacement } from '../placements/placements.ts';
import { todayInDenmark } from '../placements/dates.ts';
import { createMentorship } from '../mentors/mentorships.ts';
import type { YouthSubject } from './load.ts';
import type { OpeningCandidate } from './load.ts';
import type { AcceptBody, DecisionView, RejectBody } from './schemas.ts';
import { judgeOne } from './suggest.ts';

export async function acceptSuggestion(trx: Trx, actor: Actor, y: YouthSubject, b: AcceptBody): Promise<DecisionView> {
  const judged = await judgeOne(trx, actor.partnershipId, y, b.kind, b.candidateId);
  if (!judged) {
    throw b.kind === 'opening'
      ? new AppError(409, 'no_free_place', 'Opgaven findes ikke længere eller har ingen ledige pladser.')
      : new AppError(409, 'mentor_unavailable', 'Mentoren kan ikke tage en ny mentee lige nu.');
  }
  const limits = judged.suggestion.excluded?.limits ?? [];
  if (limits.length) throw new AppError(409, 'hard_limit', `Forslaget kan ikke bruges: ${limits.map((l) => l.text).join('; ')}.`);
  let placementId: string | null = null, mentorshipId: string | null = null;
  const startDate = b.startDate ?? todayInDenmark();
  if (b.kind === 'opening') {
    const o = judged.candidate as OpeningCandidate;
    placementId = await createPlacement(trx, actor.partnershipId, actor.userId, {
      youngPersonId: y.id, openingId: o.id, kind: b.placementKind ?? (o.placementKinds[0] as NonNullable<AcceptBody['placementKind']>),
      startDate, status: 'planned',
    });
  } else {
    mentorshipId = (await createMentorship(trx, actor, { mentorId: b.candidateId, youngPersonId: y.id, startedOn: startDate })).id;
  }
  const row = await trx.insertInto('match_decisions').values({
    partnership_id: actor.partnershipId, young_person_id: y.id, kind: b.kind, candidate_id: b.candidateId, decision: 'accepted',
    source: b.source ?? 'single', score: String(judged.suggestion.score), rank: judged.rank, placement_id: placementId,
    mentorship_id: mentorshipId, decided_by: actor.userId,
  }).returningAll().executeTakeFirstOrThrow();
  return decisionView(row);
}

export async function rejectSuggestion(trx: Trx, actor: Actor, y: YouthSubject, b: RejectBody): Promise<DecisionView> {
  const judged = await judgeOne(trx, actor.partnershipId, y, b.kind, b.candidateId);
  if (!judged) {
    // Full openings and busy mentors can still be turned down; unknown ids (or another partnership's) cannot.
    const table = b.kind === 'opening' ? 'openings' : 'mentors';
    const exists = await trx.selectFrom(table).select('id').where('id', '=', b.candidateId).where('partnership_id', '=', actor.partnershipId).executeTakeFirst();
    if (!exists) throw notFound(b.kind === 'opening' ? 'Opgaven' : 'Mentoren');
  }
  const row = await trx.insertInto('match_decisions').values({
    partnership_id: actor.partnershipId, young_person_id: y.id, kind: b.kind, candidate_id: b.candidateId, decision: 'rejected',
    reason: b.reason.trim(), source: b.source ?? 'single', score: judged ? String(judged.suggestion.score) : null,
    rank: judged?.rank ?? null, decided_by: actor.userId,
  }).returningAll().executeTakeFirstOrThrow();
  return decisionView(row);
}

interface DecisionRow {
  id: string; young_person_id: string; kind: string; candidate_id: string; decision: string; reason: string | null; source: string;
  score: string | null; placement_id: string | null; mentorship_id: string | null; decided_at: Date;
}

export function decisionView(r: DecisionRow): DecisionView {
  return {
    id: r.id, youngPersonId: r.young_person_id, kind: r.kind as DecisionView['kind'], candidateId: r.candidate_id,
    decision: r.decision as DecisionView['decision'], reason: r.reason, source: r.source as DecisionView['source'],
    score: r.score === null ? null : Number(r.score), placementId: r.placement_id, mentorshipId: r.mentorship_id,
    decidedAt: new Date(r.decided_at).toISOString(),
  };
}
