// How accepted suggestions fared, against placements and mentorships made
// without a suggestion. Counts only, for the partnership's own team.
import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { ReportResponse } from './schemas.ts';

type Q = Db | Trx;

export async function matchReport(db: Q, partnershipId: string): Promise<ReportResponse> {
  const { rows: p } = await sql<{ from_suggestion: boolean; total: number; ongoing: number; hired: number; education: number; as_planned: number; breakdown: number }>`
    SELECT EXISTS (SELECT 1 FROM match_decisions d WHERE d.placement_id = p.id) AS from_suggestion,
      count(*)::int AS total,
      count(*) FILTER (WHERE p.status <> 'ended')::int AS ongoing,
      count(*) FILTER (WHERE p.end_reason = 'hired')::int AS hired,
      count(*) FILTER (WHERE p.end_reason = 'education')::int AS education,
      count(*) FILTER (WHERE p.end_reason = 'ended_as_planned')::int AS as_planned,
      count(*) FILTER (WHERE p.end_reason = 'breakdown')::int AS breakdown
    FROM placements p WHERE p.partnership_id = ${partnershipId} GROUP BY 1`.execute(db);
  const { rows: m } = await sql<{ from_suggestion: boolean; total: number; met: number; good: number; try_again: number; not_a_match: number }>`
    SELECT EXISTS (SELECT 1 FROM match_decisions d WHERE d.mentorship_id = ms.id) AS from_suggestion,
      count(*)::int AS total,
      count(*) FILTER (WHERE ms.first_meeting_on IS NOT NULL)::int AS met,
      count(*) FILTER (WHERE ms.chemistry = 'good')::int AS good,
      count(*) FILTER (WHERE ms.chemistry = 'try_again')::int AS try_again,
      count(*) FILTER (WHERE ms.chemistry = 'not_a_match')::int AS not_a_match
    FROM mentorships ms JOIN mentors mt ON mt.id = ms.mentor_id
    WHERE ms.partnership_id = ${partnershipId} AND mt.kind = 'volunteer' GROUP BY 1`.execute(db);
  const d = await db.selectFrom('match_decisions').select(['decision', (eb) => eb.fn.countAll<number>().as('n')])
    .where('partnership_id', '=', partnershipId).groupBy('decision').execute();
  const outcomes = (from: boolean) => {
    const r = p.find((x) => x.from_suggestion === from);
    return { total: Number(r?.total ?? 0), ongoing: Number(r?.ongoing ?? 0), hired: Number(r?.hired ?? 0), education: Number(r?.education ?? 0),
      endedAsPlanned: Number(r?.as_planned ?? 0), breakdown: Number(r?.breakdown ?? 0) };
  };
  const chemistry = (from: boolean) => {
    const r = m.find((x) => x.from_suggestion === from);
    return { total: Number(r?.total ?? 0), met: Number(r?.met ?? 0), good: Number(r?.good ?? 0), tryAgain: Number(r?.try_again ?? 0), notAMatch: Number(r?.not_a_match ?? 0) };
  };
  const count = (k: string) => Number(d.find((x) => x.decision === k)?.n ?? 0);
  return {
    placements: { fromSuggestions: outcomes(true), others: outcomes(false) },
    mentorships: { fromSuggestions: chemistry(true), others: chemistry(false) },
    decisions: { accepted: count('accepted'), rejected: count('rejected') },
  };
}
