// Demo: the default weights (nothing stored), a few accepted suggestions linked
// to placements the companies seed made (so the report has something to
// compare), and two rejections with a reason on young people still waiting.
import type { SeedContext } from '../demo/context.ts';
import { loadYouth } from './load.ts';
import { rankFor } from './suggest.ts';

export async function seedMatching(ctx: SeedContext) {
  const { trx, partnershipId, users } = ctx;
  const placements = await trx.selectFrom('placements').select(['id', 'young_person_id', 'opening_id', 'created_at'])
    .where('partnership_id', '=', partnershipId).where('kind', '=', 'work_placement').orderBy('start_date').limit(6).execute();
  for (const [i, p] of placements.entries()) {
    if (i % 2 === 1) continue; // every other one was made without a suggestion
    await trx.insertInto('match_decisions').values({
      partnership_id: partnershipId, young_person_id: p.young_person_id, kind: 'opening', candidate_id: p.opening_id,
      decision: 'accepted', source: 'single', placement_id: p.id, decided_by: users.counsellor, decided_at: p.created_at,
    }).execute();
  }
  const waiting = (await loadYouth(trx, partnershipId, 'waiting_placement')).slice(0, 2);
  const reasons = ['Den unge vil hellere prøve noget med dyr først', 'Virksomheden har lige fået en ny ung og vil vente en måned'];
  for (const [i, y] of waiting.entries()) {
    const { ranked } = await rankFor(trx, partnershipId, y, 'opening', 1);
    const s = ranked.find((x) => !x.excluded);
    if (!s) continue;
    await trx.insertInto('match_decisions').values({
      partnership_id: partnershipId, young_person_id: y.id, kind: 'opening', candidate_id: s.candidateId, decision: 'rejected',
      reason: reasons[i], source: 'single', score: String(s.score), rank: 1, decided_by: users.counsellor,
    }).execute();
  }
}
