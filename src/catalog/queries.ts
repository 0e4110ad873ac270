// Reads of the regional catalog: Danish full-text search with facets, one
// initiative by its key, and all entries for export.
import { sql, type Selectable, type SqlBool, type RawBuilder } from 'kysely';
import type { InitiativesTable } from '../core/db-types.ts';
import type { Db, Trx } from '../core/db.ts';
import type { CatalogContact, CatalogEntryDraft, CatalogStatus } from './parse/types.ts';
import { fold, queryWords } from './search-text.ts';

type Q = Db | Trx;
export type InitiativeRow = Selectable<InitiativesTable>;

/** Age bands for the facet; an initiative is in every band its age range overlaps. */
export const AGE_BANDS = [
  { band: 'under_15', lo: 0, hi: 14 },
  { band: '15_17', lo: 15, hi: 17 },
  { band: '18_24', lo: 18, hi: 24 },
  { band: '25_29', lo: 25, hi: 29 },
  { band: '30_plus', lo: 30, hi: 99 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['band'] | 'none';

export interface CatalogFilter {
  q?: string;
  owner?: string;
  municipality?: string;
  ageBand?: AgeBand;
  tag?: string;
  status?: CatalogStatus;
  limit?: number;
  offset?: number;
}

export interface FacetValue {
  value: string;
  count: number;
}
export interface Facets {
  owner: FacetValue[];
  municipality: FacetValue[];
  ageBand: FacetValue[];
  tag: FacetValue[];
  status: FacetValue[];
}

/**
 * The match condition for one query word. Any of three is enough: Danish
 * stemming with prefix on the text as written ("mentorer" → mentor:*), the same
 * on the folded text (ae/oe/aa), and trigram similarity to the title for
 * spelling slips. Trigrams are not matched against the whole description:
 * that costs a scan of every text and made a 5,000-entry search take seconds.
 */
function wordMatch(word: string): RawBuilder<SqlBool> {
  const prefix = `${word}:*`;
  return sql<SqlBool>`(folded_doc @@ to_tsquery('danish', ${prefix})
    OR search_doc @@ to_tsquery('danish', ${prefix})
    OR (length(${word}) >= 4 AND ${word} <% folded_title))`;
}

function tsquery(words: string[]): string {
  return words.map((w) => `${w}:*`).join(' | ');
}

/** The query's words without Danish stop words ("og", "for"), which would match nothing. */
async function meaningfulWords(db: Q, q: string | undefined): Promise<string[]> {
  const words = queryWords(q ?? '');
  if (words.length === 0) return [];
  const { rows } = await sql<{ w: string }>`
    SELECT w FROM unnest(${words}::text[]) AS w WHERE numnode(to_tsquery('danish', w || ':*')) > 0`.execute(db);
  return rows.map((r) => r.w);
}

function whereOf(f: CatalogFilter, words: string[]): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  for (const w of words) parts.push(wordMatch(w));
  if (f.owner) parts.push(sql<SqlBool>`owner = ${f.owner}`);
  if (f.municipality) parts.push(sql<SqlBool>`municipality = ${f.municipality}`);
  if (f.status) parts.push(sql<SqlBool>`status = ${f.status}`);
  if (f.tag) parts.push(sql<SqlBool>`${f.tag} = ANY(tags)`);
  if (f.ageBand === 'none') parts.push(sql<SqlBool>`age_min IS NULL AND age_max IS NULL`);
  else if (f.ageBand) {
    const b = AGE_BANDS.find((x) => x.band === f.ageBand)!;
    parts.push(sql<SqlBool>`(age_min IS NOT NULL OR age_max IS NOT NULL) AND coalesce(age_min, 0) <= ${b.hi} AND coalesce(age_max, 99) >= ${b.lo}`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

export interface SearchHit {
  key: string;
  title: string;
  owner: string;
  municipality: string | null;
  age_min: number | null;
  age_max: number | null;
  tags: string[];
  status: string;
  period_text: string | null;
  purpose: string | null;
  general_text: string | null;
  target_group: string | null;
  rank: number;
}

const collator = new Intl.Collator('da');

/**
 * One statement: the matching initiatives are found once (a materialised CTE),
 * then the page of results and every facet's counts are read from them.
 */
export async function searchCatalog(db: Q, f: CatalogFilter): Promise<{ total: number; hits: SearchHit[]; facets: Facets }> {
  const words = await meaningfulWords(db, f.q);
  const where = whereOf(f, words);
  // Rank: full-text rank (title A > tags B > text C) on both spellings, plus
  // trigram similarity of the query to the title so near-misses still order well.
  const rank = words.length
    ? sql<number>`(ts_rank(search_doc, to_tsquery('danish', ${tsquery(words)}))
        + ts_rank(folded_doc, to_tsquery('danish', ${tsquery(words)}))
        + word_similarity(${words.join(' ')}, folded_title))`
    : sql<number>`0`;
  const limit = Math.min(f.limit ?? 20, 100);
  const bands = sql.join(AGE_BANDS.map((b) => sql`(${b.band}, ${b.lo}::int, ${b.hi}::int)`));
  const { rows } = await sql<{ total: number; items: SearchHit[] | null; facets: { facet: keyof Facets; value: string; count: number }[] | null }>`
    WITH hits AS MATERIALIZED (
      SELECT key, title, owner, municipality, age_min, age_max, tags, status, period_text, purpose, general_text, target_group,
        folded_title, ${rank}::float8 AS rank
      FROM initiatives WHERE ${where}),
    page AS (
      SELECT key, title, owner, municipality, age_min, age_max, tags, status, period_text, purpose, general_text, target_group, rank, folded_title
      FROM hits ORDER BY rank DESC, folded_title, key LIMIT ${limit} OFFSET ${f.offset ?? 0}),
    facets AS (
      SELECT 'owner' AS facet, owner AS value, count(*)::int AS count FROM hits GROUP BY owner
      UNION ALL SELECT 'municipality', municipality, count(*)::int FROM hits WHERE municipality IS NOT NULL GROUP BY municipality
      UNION ALL SELECT 'status', status, count(*)::int FROM hits GROUP BY status
      UNION ALL SELECT 'tag', t, count(*)::int FROM hits, unnest(tags) AS t GROUP BY t
      UNION ALL SELECT 'ageBand', b.band, count(*)::int FROM hits
        JOIN (VALUES ${bands}) AS b(band, lo, hi)
          ON (hits.age_min IS NOT NULL OR hits.age_max IS NOT NULL) AND coalesce(hits.age_min, 0) <= b.hi AND coalesce(hits.age_max, 99) >= b.lo
        GROUP BY b.band
      UNION ALL SELECT 'ageBand', 'none', count(*)::int FROM hits WHERE age_min IS NULL AND age_max IS NULL HAVING count(*) > 0)
    SELECT (SELECT count(*)::int FROM hits) AS total,
      (SELECT json_agg(page ORDER BY rank DESC, folded_title, key) FROM page) AS items,
      (SELECT json_agg(facets) FROM facets) AS facets`.execute(db);
  const row = rows[0]!;
  return { total: row.total, hits: row.items ?? [], facets: sortFacets(row.facets ?? []) };
}

function sortFacets(rows: { facet: keyof Facets; value: string; count: number }[]): Facets {
  const facets: Facets = { owner: [], municipality: [], ageBand: [], tag: [], status: [] };
  for (const r of rows) facets[r.facet].push({ value: r.value, count: r.count });
  const bandOrder = [...AGE_BANDS.map((b) => b.band as string), 'none'];
  facets.ageBand.sort((a, b) => bandOrder.indexOf(a.value) - bandOrder.indexOf(b.value));
  for (const k of ['owner', 'municipality', 'tag', 'status'] as const) {
    facets[k].sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
  }
  return facets;
}

export async function findInitiative(db: Q, key: string): Promise<InitiativeRow | undefined> {
  return db.selectFrom('initiatives').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The stored initiative in the parser's shape (for export and round trips). */
export function rowToDraft(r: InitiativeRow): CatalogEntryDraft {
  const period = r.period_text || r.period_start || r.period_end
    ? { text: r.period_text ?? '', ...(r.period_start ? { start: r.period_start } : {}), ...(r.period_end ? { end: r.period_end } : {}) }
    : null;
  return {
    key: r.key, title: r.title, owner: r.owner, municipality: r.municipality,
    description: {
      background: r.background, purpose: r.purpose, targetGroup: r.target_group, actors: r.actors,
      economy: r.economy, effect: r.effect, general: r.general_text,
    },
    ageRange: r.age_min === null && r.age_max === null ? null : { min: r.age_min, max: r.age_max },
    tags: r.tags, contacts: r.contacts as unknown as CatalogContact[], period, status: r.status as CatalogStatus,
    sourceLine: r.source_line ?? 0,
  };
}

export async function allDrafts(db: Q): Promise<CatalogEntryDraft[]> {
  const rows = await db.selectFrom('initiatives').selectAll().execute();
  return rows.sort((a, b) => collator.compare(a.owner, b.owner) || collator.compare(a.title, b.title)).map(rowToDraft);
}

export { fold };
