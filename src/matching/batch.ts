// "Foreslå for alle": the exact optimum assignment (engine assign(), min-cost
// flow) of all waiting young people to candidates with free places, under each
// young person's hard limits. Proposals only: the counsellor confirms each one.
import type { Db, Trx } from '../core/db.ts';
import { assign, EXCLUDED, Scorer } from './engine/index.ts';
import { loadYouth } from './load.ts';
import type { BatchResponse, CandidateKind, Proposal } from './schemas.ts';
import { candidatesOf, criteriaOf, describe } from './suggest.ts';
import { weightsOf } from './weights.ts';

type Q = Db | Trx;

/** Scores have one decimal; the flow needs integers, so tenths are the unit (exact, no rounding loss). */
const SCALE = 10;

export async function proposeForAll(db: Q, partnershipId: string, kind: CandidateKind): Promise<Omit<BatchResponse, 'ms'>> {
  const youth = await loadYouth(db, partnershipId, kind === 'opening' ? 'waiting_placement' : 'waiting_mentor');
  const candidates = (await candidatesOf(db, partnershipId, kind)).filter((c) => describe(c, kind).freePlaces > 0);
  const { weights } = await weightsOf(db, partnershipId, kind);
  const scorer = new Scorer(criteriaOf(kind), weights);
  const pairYouth: number[] = [], pairOpening: number[] = [], pairScore: number[] = [];
  youth.forEach((y, i) => {
    candidates.forEach((c, j) => {
      const score = scorer.score(y.profile, c); // numbers only; proposals are explained below
      if (score === EXCLUDED || score <= 0) return; // hard limits: the pair does not exist for the optimiser
      pairYouth.push(i); pairOpening.push(j); pairScore.push(Math.round(score * SCALE));
    });
  });
  const capacity = candidates.map((c) => describe(c, kind).freePlaces);
  const result = assign({ youthCount: youth.length, openingCount: candidates.length, capacity, pairYouth, pairOpening, pairScore });
  const proposals: Proposal[] = [];
  const unassigned: BatchResponse['unassigned'] = [];
  youth.forEach((y, i) => {
    const e = result.pairOf[i];
    if (e < 0) { unassigned.push({ youngPersonId: y.id, youngPersonName: y.name }); return; }
    const c = candidates[pairOpening[e]], s = scorer.judge(y.profile, c), d = describe(c, kind);
    proposals.push({ youngPersonId: y.id, youngPersonName: y.name, candidateId: c.id, title: d.title, subtitle: d.subtitle, score: s.score, contributions: [...s.contributions] });
  });
  proposals.sort((a, b) => b.score - a.score || a.youngPersonName.localeCompare(b.youngPersonName, 'da'));
  return {
    kind, waiting: youth.length, candidates: candidates.length, places: capacity.reduce((a, b) => a + b, 0),
    totalScore: result.totalScore / SCALE, unassigned, proposals,
    travelJudged: youth.some((y) => y.profile.location) && candidates.some((c) => 'location' in c && c.location),
  };
}
