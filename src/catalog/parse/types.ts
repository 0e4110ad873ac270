// Shapes produced by the catalog importer (indsatskatalog). Pure data: no
// database types here, so a later DB layer can map these one to one.

/** project = time-limited project; anchored = forankret i drift; ended = afsluttet. */
export const CATALOG_STATUSES = ['project', 'anchored', 'ended'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

/** Target age range; a side is null when the text only bounds the other ("under 30 år"). */
export interface AgeRange {
  min: number | null;
  max: number | null;
}

export interface CatalogContact {
  /** Person name; may be an organisation/secretariat, or '' when only an e-mail is given. */
  name: string;
  role?: string;
  /** Danish numbers as 8 digits; several numbers joined by " / ". */
  phone?: string;
  email?: string;
}

export interface CatalogPeriod {
  /** The period as written in the catalog (clean text). */
  text: string;
  /** ISO date (YYYY-MM-DD) when it could be read from the text. */
  start?: string;
  end?: string;
}

/** Description split by the catalog's inline labels; null when a section is absent. */
export interface CatalogDescription {
  background: string | null;
  purpose: string | null;
  targetGroup: string | null;
  actors: string | null;
  economy: string | null;
  effect: string | null;
  /** Everything that did not sit under a recognised label, in order. */
  general: string | null;
}

export const DESCRIPTION_SECTIONS = [
  'background',
  'purpose',
  'targetGroup',
  'actors',
  'economy',
  'effect',
  'general',
] as const satisfies readonly (keyof CatalogDescription)[];
export type DescriptionSection = (typeof DESCRIPTION_SECTIONS)[number];

export interface CatalogEntryDraft {
  /** Stable id from normalised owner + title: re-imports update instead of duplicating. */
  key: string;
  title: string;
  /** Municipality or organisation as written, normalised ("Hedensted kommune" → "Hedensted Kommune"). */
  owner: string;
  /** The owner when it is a municipality, else the one municipality the text points to, else null. */
  municipality: string | null;
  description: CatalogDescription;
  ageRange: AgeRange | null;
  /** Values from TAG_VOCABULARY (tags.ts). */
  tags: string[];
  contacts: CatalogContact[];
  period: CatalogPeriod | null;
  status: CatalogStatus;
  /** 1-based line in the source where the entry starts (its heading, or its first row). */
  sourceLine: number;
}

/** A line-level finding in the source text, message in Danish. */
export interface CatalogProblem {
  line: number;
  message: string;
}

/** A finding in a spreadsheet/CSV row (row 1 is the header), message in Danish. */
export interface RowProblem {
  row: number;
  message: string;
}

export interface ParseResult {
  entries: CatalogEntryDraft[];
  problems: CatalogProblem[];
}

export interface RowsResult {
  entries: CatalogEntryDraft[];
  problems: RowProblem[];
}

export function emptyDescription(): CatalogDescription {
  return {
    background: null,
    purpose: null,
    targetGroup: null,
    actors: null,
    economy: null,
    effect: null,
    general: null,
  };
}
