// Turns the raw rows collected per initiative into entry drafts: clean text,
// sections, contacts, period, status, age, tags and a stable key.

import { findAgeRange } from './age.ts';
import { parseContacts } from './contacts.ts';
import { htmlToLine, htmlToText } from './html.ts';
import { ROW_KIND_DANISH, type RowKind } from './labels.ts';
import { entryKey, municipalitiesMentioned, slug, type OwnerName } from './owners.ts';
import { parsePeriodDates } from './period.ts';
import { descriptionText, splitDescription } from './sections.ts';
import { deriveStatus } from './status.ts';
import { deriveTags } from './tags.ts';
import type { CatalogEntryDraft, CatalogPeriod, CatalogProblem } from './types.ts';

export interface RawRow {
  kind: RowKind;
  line: number;
  /** The value, plus any continuation lines. */
  parts: string[];
  signatures: string[];
}

export interface RawEntry {
  owner: OwnerName | null;
  heading: { text: string; line: number } | null;
  startLine: number;
  rows: Partial<Record<RowKind, RawRow>>;
  /** Stray text and rows with unknown labels: kept in the general description. */
  extra: { line: number; text: string }[];
}

const SENTENCE_END = /[.!?:;)»"”]\s*$/;

/**
 * Joins a value that Word broke over several lines. When the first piece ends
 * mid-sentence and the next starts in lower case ("… at mobilisere" +
 * "<p>stabil energi …"), the pieces are one paragraph; otherwise two.
 */
export function joinParts(parts: string[]): string {
  let html = '';
  for (const part of parts) {
    if (!part) continue;
    if (!html) {
      html = part;
      continue;
    }
    // Only the seam matters; converting whole values here made long ones slow.
    const tail = htmlToLine(html.slice(-400)).slice(-3);
    const head = htmlToLine(part.slice(0, 400));
    const midSentence = tail && head && !SENTENCE_END.test(tail) && /^\p{Ll}/u.test(head);
    html = midSentence
      ? `${html.replace(/(<\/p>\s*)+$/i, '')} ${part.replace(/^\s*<p\b[^>]*>/i, '')}`
      : `${html}<p></p>${part}`;
  }
  return html;
}

/** Title text: no HTML, no wrapping quotes, no trailing full stop. */
export function cleanTitle(html: string): string {
  let t = htmlToLine(html).replace(/\*\*|__/g, '').replace(/^(indsats|initiativ)\s*:\s*/i, '').trim();
  const quoted = /^(['"“”‘’«»])(.+)(['"“”‘’«»])$/.exec(t);
  if (quoted && !quoted[2].includes(quoted[1])) t = quoted[2].trim();
  return t.replace(/\s*\.+$/, '').trim();
}

function name(kind: RowKind): string {
  const d = ROW_KIND_DANISH[kind];
  return d.charAt(0).toUpperCase() + d.slice(1);
}

interface Titled {
  raw: RawEntry;
  title: string;
  heading: string | null;
  key: string;
}

/** The title of a raw entry (project-name row, else its heading); null when it has neither. */
function titleOf(raw: RawEntry, problems: CatalogProblem[]): Titled | null {
  const row = raw.rows.title;
  const heading = raw.heading ? cleanTitle(raw.heading.text) : null;
  let title = row ? cleanTitle(joinParts(row.parts)) : '';
  if (!title) {
    const line = row?.line ?? raw.startLine;
    if (!heading) {
      problems.push({ line, message: 'kunne ikke finde projektnavn; indsatsen er sprunget over' });
      return null;
    }
    title = heading;
    problems.push({ line, message: `kunne ikke finde projektnavn; bruger overskriften "${title}"` });
  }
  return { raw, title, heading, key: entryKey(raw.owner?.owner ?? '', title) };
}

/**
 * Makes keys unique. When two initiatives of one owner carry the same project
 * name (a copy-paste slip in the source), the one whose own heading says
 * something else is renamed to its heading; that does not depend on order.
 */
function resolveDuplicateKeys(items: Titled[], problems: CatalogProblem[]): void {
  const byKey = new Map<string, Titled[]>();
  for (const t of items) byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const t of group) {
      if (!t.heading || slug(t.heading) === slug(t.title)) continue;
      const other = group.find((o) => o !== t);
      problems.push({
        line: t.raw.startLine,
        message: `projektnavnet "${t.title}" bruges også på linje ${other?.raw.startLine}; bruger overskriften "${t.heading}"`,
      });
      t.title = t.heading;
      t.key = entryKey(t.raw.owner?.owner ?? '', t.heading);
    }
  }
  const seen = new Map<string, number>();
  for (const t of items) {
    const n = (seen.get(t.key) ?? 0) + 1;
    seen.set(t.key, n);
    if (n > 1) {
      problems.push({ line: t.raw.startLine, message: `indsatsen "${t.title}" findes flere gange under ${t.raw.owner?.owner || 'samme ejer'}` });
      t.key = `${t.key}-${n}`;
    }
  }
}

function buildOne({ raw, title, key }: Titled, today: Date | string, problems: CatalogProblem[]): CatalogEntryDraft {
  const at = raw.startLine;
  if (!raw.owner) problems.push({ line: at, message: `indsatsen "${title}" står ikke under en kommune eller organisation` });
  const owner = raw.owner?.owner ?? '';

  for (const kind of ['description', 'contact', 'period'] as const) {
    const row = raw.rows[kind];
    if (!row) problems.push({ line: at, message: `indsatsen "${title}" mangler feltet ${name(kind)}` });
    else if (!htmlToLine(row.parts.join(' '))) {
      problems.push({ line: row.line, message: `feltet ${name(kind)} er tomt for indsatsen "${title}"` });
    }
  }

  const description = splitDescription(joinParts(raw.rows.description?.parts ?? []));
  if (raw.extra.length) {
    const extra = raw.extra.map((e) => e.text).join('\n\n');
    description.general = description.general ? `${description.general}\n\n${extra}` : extra;
  }
  const allText = descriptionText(description);

  const contactHtml = (raw.rows.contact?.parts ?? []).join(' ');
  const contacts = parseContacts(contactHtml);
  const contactText = htmlToLine(contactHtml);
  if (contactText && contacts.length === 0) {
    problems.push({ line: raw.rows.contact?.line ?? at, message: `kunne ikke læse en kontaktperson i "${contactText.slice(0, 80)}"` });
  }

  const periodText = htmlToText(joinParts(raw.rows.period?.parts ?? [])).replace(/\s+/g, ' ').trim();
  const period: CatalogPeriod | null = periodText ? { text: periodText, ...parsePeriodDates(periodText) } : null;

  let municipality: string | null = raw.owner?.isMunicipality ? owner : null;
  if (!municipality) {
    const inTitle = municipalitiesMentioned(title);
    const inText = municipalitiesMentioned(`${allText}\n${contactText}`);
    municipality = inTitle.length === 1 ? inTitle[0] : inText.length === 1 ? inText[0] : null;
  }

  return {
    key,
    title,
    owner,
    municipality,
    description,
    ageRange: findAgeRange([description.targetGroup, title, raw.heading?.text, allText]),
    tags: deriveTags(title, description),
    contacts,
    period,
    status: deriveStatus({ periodText, end: period?.end, descriptionText: allText, today }),
    sourceLine: at,
  };
}

export function buildEntries(raws: RawEntry[], today: Date | string): { entries: CatalogEntryDraft[]; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const titled = raws.map((raw) => titleOf(raw, problems)).filter((t): t is Titled => t !== null);
  resolveDuplicateKeys(titled, problems);
  return { entries: titled.map((t) => buildOne(t, today, problems)), problems };
}
