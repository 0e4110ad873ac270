// The spreadsheet layout of the catalog (CSV and XLSX share it): one row per
// initiative. Documented for users in docs/catalog-columns.md; keep the two
// in step.

import { formatContacts, readContacts } from './contacts.ts';
import { entryKey } from './owners.ts';
import { TAG_VOCABULARY } from './tags.ts';
import {
  CATALOG_STATUSES,
  emptyDescription,
  type CatalogDescription,
  type CatalogEntryDraft,
  type CatalogStatus,
  type RowProblem,
  type RowsResult,
} from './types.ts';

export interface CatalogColumn {
  header: string;
  /** Danish explanation, also written to the "Kolonner" sheet of the XLSX file. */
  meaning: string;
  width: number;
}

const SECTION_COLUMNS: [string, keyof CatalogDescription, string][] = [
  ['background', 'background', 'Baggrund'],
  ['purpose', 'purpose', 'Formål'],
  ['target_group', 'targetGroup', 'Målgruppe'],
  ['actors', 'actors', 'Aktører'],
  ['economy', 'economy', 'Økonomi'],
  ['effect', 'effect', 'Effekt og resultater'],
  ['description', 'general', 'Øvrig beskrivelse (tekst uden for de kendte overskrifter)'],
];

export const CATALOG_COLUMNS: readonly CatalogColumn[] = [
  { header: 'key', meaning: 'Fast nøgle: ejer/titel i små bogstaver. Tom = dannes af ejer og titel.', width: 40 },
  { header: 'title', meaning: 'Indsatsens navn (påkrævet).', width: 40 },
  { header: 'owner', meaning: 'Kommune eller organisation, fx "Herning Kommune".', width: 24 },
  { header: 'municipality', meaning: 'Kommunen indsatsen hører til, hvis den kendes.', width: 22 },
  { header: 'age_min', meaning: 'Laveste alder (helt tal 0-99) eller tom.', width: 9 },
  { header: 'age_max', meaning: 'Højeste alder (helt tal 0-99, ikke under age_min) eller tom.', width: 9 },
  { header: 'tags', meaning: `Tags adskilt af ";". Tilladte: ${TAG_VOCABULARY.join('; ')}.`, width: 40 },
  { header: 'status', meaning: 'project (projekt), anchored (forankret i drift) eller ended (afsluttet).', width: 10 },
  { header: 'period_text', meaning: 'Projektperioden som skrevet.', width: 30 },
  { header: 'period_start', meaning: 'Startdato ÅÅÅÅ-MM-DD eller tom.', width: 12 },
  { header: 'period_end', meaning: 'Slutdato ÅÅÅÅ-MM-DD eller tom.', width: 12 },
  { header: 'contacts', meaning: 'Kontaktpersoner: "Navn (rolle) <email> telefon; …".', width: 50 },
  ...SECTION_COLUMNS.map(([header, , meaning]) => ({ header, meaning, width: 60 })),
  { header: 'source_line', meaning: 'Linjenummer i kildeteksten (kun til orientering).', width: 10 },
];

export const CATALOG_HEADERS: readonly string[] = CATALOG_COLUMNS.map((c) => c.header);

/** One spreadsheet row: header → cell text ('' for empty). */
export type CatalogRow = Record<string, string>;

export function entryToRow(e: CatalogEntryDraft): CatalogRow {
  const row: CatalogRow = {
    key: e.key,
    title: e.title,
    owner: e.owner,
    municipality: e.municipality ?? '',
    age_min: e.ageRange?.min?.toString() ?? '',
    age_max: e.ageRange?.max?.toString() ?? '',
    tags: e.tags.join('; '),
    status: e.status,
    period_text: e.period?.text ?? '',
    period_start: e.period?.start ?? '',
    period_end: e.period?.end ?? '',
    contacts: formatContacts(e.contacts),
    source_line: String(e.sourceLine),
  };
  for (const [header, field] of SECTION_COLUMNS) row[header] = e.description[field] ?? '';
  return row;
}

export function entriesToRows(entries: CatalogEntryDraft[]): CatalogRow[] {
  return entries.map(entryToRow);
}

const STATUS_WORDS: Record<string, CatalogStatus> = {
  project: 'project', projekt: 'project',
  anchored: 'anchored', forankret: 'anchored', drift: 'anchored',
  ended: 'ended', afsluttet: 'ended', ophørt: 'ended',
};

function age(value: string, column: string, errors: string[]): number | null {
  if (!value) return null;
  if (!/^\d{1,3}(?:[.,]0+)?$/.test(value) || Number.parseFloat(value.replace(',', '.')) > 99) {
    errors.push(`${column} "${value}" er ikke et helt tal mellem 0 og 99`);
    return null;
  }
  return Number.parseInt(value, 10);
}

function isoDate(value: string, column: string, errors: string[]): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    errors.push(`${column} "${value}" er ikke en dato på formen ÅÅÅÅ-MM-DD`);
    return undefined;
  }
  return value;
}

/** Validates one row; returns the entry, or the reasons it was rejected. */
export function rowToEntry(cells: CatalogRow): { entry: CatalogEntryDraft | null; errors: string[]; warnings: string[] } {
  const get = (h: string) => (cells[h] ?? '').trim();
  const errors: string[] = [];
  const warnings: string[] = [];
  const title = get('title');
  if (!title) errors.push('titel mangler (kolonnen title)');
  const min = age(get('age_min'), 'age_min', errors);
  const max = age(get('age_max'), 'age_max', errors);
  if (min !== null && max !== null && min > max) errors.push(`age_min (${min}) er større end age_max (${max})`);
  const statusText = get('status').toLowerCase();
  const status = STATUS_WORDS[statusText];
  if (!status) errors.push(statusText ? `status "${get('status')}" er ikke en af ${CATALOG_STATUSES.join(', ')}` : 'status mangler');
  const start = isoDate(get('period_start'), 'period_start', errors);
  const end = isoDate(get('period_end'), 'period_end', errors);
  if (start && end && start > end) errors.push(`period_start (${start}) ligger efter period_end (${end})`);
  const key = get('key') || entryKey(get('owner'), title);
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(key)) errors.push(`nøglen "${key}" skal have formen ejer/titel med små bogstaver, tal og bindestreg`);
  const sourceLine = get('source_line');
  if (sourceLine && !/^\d+$/.test(sourceLine)) errors.push(`source_line "${sourceLine}" er ikke et helt tal`);

  const tags: string[] = [];
  for (const tag of get('tags').split(';').map((t) => t.trim()).filter(Boolean)) {
    const known = TAG_VOCABULARY.find((v) => v.toLowerCase() === tag.toLowerCase());
    if (known) {
      if (!tags.includes(known)) tags.push(known);
    } else warnings.push(`ukendt tag "${tag}" er udeladt`);
  }
  if (errors.length > 0) return { entry: null, errors, warnings };

  const description = emptyDescription();
  for (const [header, field] of SECTION_COLUMNS) description[field] = get(header) || null;
  const periodText = get('period_text');
  const entry: CatalogEntryDraft = {
    key,
    title,
    owner: get('owner'),
    municipality: get('municipality') || null,
    description,
    ageRange: min === null && max === null ? null : { min, max },
    tags,
    contacts: readContacts(get('contacts')),
    period: periodText || start || end ? { text: periodText, ...(start ? { start } : {}), ...(end ? { end } : {}) } : null,
    status,
    sourceLine: sourceLine ? Number(sourceLine) : 0,
  };
  return { entry, errors, warnings };
}

/**
 * Validates rows and turns them into entries. Rows with errors are left out
 * and reported; `firstRow` is the spreadsheet row number of rows[0].
 */
export function rowsToEntries(rows: CatalogRow[], firstRow = 2): RowsResult {
  const entries: CatalogEntryDraft[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = firstRow + i;
    if (Object.values(cells).every((v) => !v.trim())) return;
    const { entry, errors, warnings } = rowToEntry(cells);
    for (const message of [...errors, ...warnings]) problems.push({ row, message });
    if (!entry) return;
    const earlier = seen.get(entry.key);
    if (earlier !== undefined) {
      problems.push({ row, message: `nøglen "${entry.key}" findes også i række ${earlier}; rækken er sprunget over` });
      return;
    }
    seen.set(entry.key, row);
    entries.push(entry);
  });
  return { entries, problems };
}

/** Problems as Danish text, one "Række N: …" per line. */
export function formatRowProblems(problems: RowProblem[]): string {
  return problems.map((p) => `Række ${p.row}: ${p.message}`).join('\n');
}
