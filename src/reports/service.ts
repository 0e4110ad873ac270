import type { Db, Trx } from '../core/db.ts';
import { forView, buildReport } from './report.ts';
import type { ReportBundle, ViewKind } from './bundle.ts';
import { validateGoals, type GoalDefinition } from './goals.ts';
import { countGoalFacts, loadNetwork, loadPathways, loadSettings, type ReportQuery } from './queries.ts';

/**
 * Runs every report for one partnership: loads the pathways once, counts the
 * count goals and network figures in the database, builds the exact (team)
 * bundle, and suppresses it for views outside the team. `networkTables: false`
 * leaves out the network tables (an export that does not include them).
 */
export async function runReport(db: Db | Trx, partnershipId: string, q: ReportQuery, view: ViewKind, opts: { networkTables?: boolean } = {}): Promise<ReportBundle> {
  const partnership = await db.selectFrom('partnerships').select(['id', 'name']).where('id', '=', partnershipId).executeTakeFirstOrThrow();
  const settings = await loadSettings(db, partnershipId);
  const checked = validateGoals(settings.goals);
  const goals: GoalDefinition[] = checked.ok ? checked.goals : [];
  const missing = checked.ok ? [] : ['Netværkets mål kunne ikke læses (ugyldig definition); ret dem under Mål.'];
  const [records, counted, network] = [
    await loadPathways(db, partnershipId, q),
    await countGoalFacts(db, partnershipId, goals, q.asOf),
    await loadNetwork(db, partnershipId, q, { tables: opts.networkTables }),
  ];
  const bundle = buildReport({
    partnership,
    period: { from: q.from, to: q.to, asOf: q.asOf },
    filters: { counsellorId: q.counsellorId, ageBand: q.ageBand, readiness: q.readiness },
    records,
    facts: {},
    counted,
    goals,
    networkTables: network.tables,
    networkFigures: network.figures,
    missing,
  });
  return forView(bundle, view, settings.threshold);
}
