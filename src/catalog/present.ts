// Shapes catalog rows for the API and aggregates linked pathways' outcomes
// with small-count suppression (no young person can be singled out).
import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { CatalogContact, CatalogStatus } from './parse/types.ts';
import type { InitiativeRow, SearchHit } from './queries.ts';
import type { InitiativeOutcomes, InitiativeSummary, InitiativeView } from './schemas.ts';

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

const hide = (n: number) => (n > 0 && n < SUPPRESS_BELOW ? null : n);

/**
 * Outcomes of the pathways linked to an initiative, across partnerships. Cells
 * of 1–4 are hidden; when exactly one cell is hidden, the next smallest is
 * hidden too, so it cannot be worked out from the total.
 */
export async function outcomesOf(db: Db | Trx, initiativeId: string): Promise<InitiativeOutcomes> {
  const { rows } = await sql<{ stage: string; outcome: string | null; n: number }>`
    SELECT y.stage, y.outcome, count(*)::int AS n
    FROM initiative_links l JOIN young_people y ON y.id = l.young_person_id
    WHERE l.initiative_id = ${initiativeId}
    GROUP BY y.stage, y.outcome`.execute(db);
  const linked = rows.reduce((s, r) => s + r.n, 0);
  if (linked < SUPPRESS_BELOW) return { linked: hide(linked), inProgress: null, ended: [] };
  const cells = new Map<string, number>([['inProgress', 0]]); // always present, so shown.get('inProgress') is defined
  for (const r of rows) {
    const k = r.stage === 'ended' ? (r.outcome ?? 'unknown') : 'inProgress';
    cells.set(k, (cells.get(k) ?? 0) + r.n);
  }
  const shown = new Map([...cells].map(([k, n]) => [k, hide(n)]));
  const hidden = [...shown.values()].filter((v) => v === null).length;
  if (hidden === 1) {
    const smallest = [...cells].filter(([k, n]) => shown.get(k) !== null && n > 0).sort((a, b) => a[1] - b[1])[0];
    if (smallest) shown.set(smallest[0], null);
  }
  return {
    linked,
    inProgress: shown.get('inProgress')!,
    ended: [...shown].filter(([k]) => k !== 'inProgress').map(([outcome, count]) => ({ outcome, count })),
  };
}
