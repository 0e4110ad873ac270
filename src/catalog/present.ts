// Shapes catalog rows for the API and aggregates linked pathways' outcomes
// with small-count suppression (no young person can be singled out).
import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { CatalogContact, CatalogStatus } from './parse/types.ts';
import type { InitiativeRow, SearchHit } from './queries.ts';
import type { InitiativeOutcomes, InitiativeSummary, InitiativeView } from './schemas.ts';
import { suppress } from '../reports/suppression.ts';

/** Counts below this are shown as "under 5". */
export const SUPPRESS_BELOW = 5;

function excerptOf(text: string | null, max = 240): string {
  const t = (text ?? '').replace(/^- /gm, '').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))} …`;
}

export function summaryOf(r: Pick<SearchHit, 'key' | 'title' | 'owner' | 'municipality' | 'age_min' | 'age_max' | 'tags' | 'status' | 'period_text' | 'purpose' | 'general_text' | 'target_group'>): InitiativeSummary {
  return {
    key: r.key, title: r.title, owner: r.owner, municipality: r.municipality, ageMin: r.age_min, ageMax: r.age_max,
    tags: r.tags, status: r.status as CatalogStatus, periodText: r.period_text,
    excerpt: excerptOf(r.purpose ?? r.general_text ?? r.target_group),
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function viewOf(r: InitiativeRow, outcomes: InitiativeOutcomes): InitiativeView {
  return {
    key: r.key, title: r.title, owner: r.owner, municipality: r.municipality,
    description: {
      background: r.background, purpose: r.purpose, targetGroup: r.target_group, actors: r.actors,
      economy: r.economy, effect: r.effect, general: r.general_text,
    },
    ageMin: r.age_min, ageMax: r.age_max, tags: r.tags, contacts: r.contacts as unknown as CatalogContact[],
    periodText: r.period_text, periodStart: r.period_start, periodEnd: r.period_end, status: r.status as CatalogStatus,
    source: r.source, importedAt: iso(r.imported_at), updatedAt: iso(r.updated_at), outcomes,
  };
}

/**
 * Outcomes of the pathways linked to an initiative, across partnerships,
 * suppressed per partnership before summing (issue #22). Each partnership
 * knows its own young people, so a sum over partnerships minus one
 * partnership's own counts is the other partnerships' counts: "linked 7,
 * disability pension hidden" was 6 known + 1. So:
 *
 * - a partnership with fewer than 5 linked young people is left out of every
 *   figure, `linked` included;
 * - each other partnership's cells are suppressed on their own (small counts,
 *   the zeros beside them, and complements so no hidden cell follows from
 *   its total: the reports' solver);
 * - a category is shown as the sum of the partnerships' cells, or hidden
 *   (null) when any partnership hid its cell.
 *
 * One partnership's share of a published figure is then never more than its
 * own suppressed table, which is safe by itself.
 */
export async function outcomesOf(db: Db | Trx, initiativeId: string): Promise<InitiativeOutcomes> {
  const { rows } = await sql<OutcomeCountRow>`
    SELECT y.partnership_id, y.stage, y.outcome, count(*)::int AS n
    FROM initiative_links l JOIN young_people y ON y.id = l.young_person_id
    WHERE l.initiative_id = ${initiativeId}
    GROUP BY y.partnership_id, y.stage, y.outcome`.execute(db);
  return aggregateOutcomes(rows);
}

export interface OutcomeCountRow { partnership_id: string; stage: string; outcome: string | null; n: number }

/** The pure part of outcomesOf: linked pathways counted per partnership, stage and outcome. */
export function aggregateOutcomes(rows: OutcomeCountRow[]): InitiativeOutcomes {
  const keyOf = (r: { stage: string; outcome: string | null }) => (r.stage === 'ended' ? (r.outcome ?? 'unknown') : 'inProgress');
  const categories = ['inProgress', ...[...new Set(rows.map(keyOf))].filter((k) => k !== 'inProgress').sort()];
  const byPartnership = new Map<string, number[]>();
  for (const r of rows) {
    const cells = byPartnership.get(r.partnership_id) ?? categories.map(() => 0);
    cells[categories.indexOf(keyOf(r))] += r.n;
    byPartnership.set(r.partnership_id, cells);
  }
  let linked = 0;
  let leftOut = false;
  const sums = categories.map(() => 0);
  const hidden = categories.map(() => false);
  for (const cells of byPartnership.values()) {
    const n = cells.reduce((a, b) => a + b, 0);
    if (n < SUPPRESS_BELOW) { leftOut ||= n > 0; continue; }
    linked += n;
    const values = [...cells, n];
    const h = suppress({ values, lines: [{ parts: cells.map((_, i) => i), total: cells.length }], fixed: values.map((_, i) => i === cells.length) }, SUPPRESS_BELOW);
    cells.forEach((v, i) => { sums[i] += v; hidden[i] ||= h[i]; });
  }
  if (linked === 0) return { linked: leftOut ? null : 0, inProgress: null, ended: [] };
  const shown = categories.map((_, i) => (hidden[i] ? null : sums[i]));
  return {
    linked,
    inProgress: shown[0],
    // A category nobody counted (a partnership left out) is not listed; one hidden anywhere is null.
    ended: categories.slice(1).map((outcome, i) => ({ outcome, count: shown[i + 1] })).filter((e) => e.count !== 0),
  };
}
