// The text the catalog search works on. Folding makes Danish letters and their
// ASCII spellings equal: "Fællesskab", "faellesskab" and "fællesskab" all fold to
// "faellesskab"; accents go too ("café" → "cafe"). The query is folded the same way.
import { createHash } from 'node:crypto';
import { DESCRIPTION_SECTIONS, type CatalogEntryDraft } from './parse/types.ts';

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The words of a search query, folded, without punctuation; at most 12. */
export function queryWords(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/** All description sections as one text, in the order the catalog shows them. */
export function descriptionOf(e: CatalogEntryDraft): string {
  return DESCRIPTION_SECTIONS.map((s) => e.description[s]).filter(Boolean).join('\n\n');
}

/** Everything that decides whether a re-import changed an entry (not where it sat in the file). */
export function contentHash(e: CatalogEntryDraft): string {
  const { sourceLine: _line, ...content } = e;
  return createHash('sha256').update(canonical(content)).digest('hex');
}

/** JSON with object keys sorted: the same content hashes the same whatever the reader's key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The columns of one initiative row, including the search text. */
export function initiativeColumns(e: CatalogEntryDraft, source: string) {
  const description = descriptionOf(e);
  const tagsText = e.tags.join(' ');
  return {
    key: e.key,
    title: e.title,
    owner: e.owner,
    municipality: e.municipality,
    background: e.description.background,
    purpose: e.description.purpose,
    target_group: e.description.targetGroup,
    actors: e.description.actors,
    economy: e.description.economy,
    effect: e.description.effect,
    general_text: e.description.general,
    age_min: e.ageRange?.min ?? null,
    age_max: e.ageRange?.max ?? null,
    tags: e.tags,
    contacts: JSON.stringify(e.contacts),
    period_text: e.period?.text || null,
    period_start: e.period?.start ?? null,
    period_end: e.period?.end ?? null,
    status: e.status,
    source,
    source_line: e.sourceLine || null,
    content_hash: contentHash(e),
    tags_text: tagsText,
    description_text: description,
    folded_title: fold(e.title),
    folded_text: fold([e.title, e.owner, e.municipality ?? '', tagsText, description].join('\n')),
  };
}
