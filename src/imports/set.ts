// What every import set provides, and the context an import runs in.
import type { Queryable, Trx } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import type { Column, ParsedRow, RowProblem } from './columns.ts';

export const IMPORT_SETS = ['young-people', 'companies', 'mentors'] as const;
export type ImportSetName = (typeof IMPORT_SETS)[number];

/** Who imports: a logged-in user, or the CLI (no user; the rows are audited to the partnership). */
export interface ImportActor {
  userId: string | null;
  partnershipId: string;
  role: Role | null;
}

export interface ImportContext {
  actor: ImportActor;
  partnership: { id: string; name: string; age_min: number; age_max: number };
  /** Today in Europe/Copenhagen, YYYY-MM-DD. */
  today: string;
}

export interface Planned<D> {
  row: number;
  action: 'create' | 'match' | 'error';
  /** What the row is about, for the report: a name. */
  label: string;
  problems: RowProblem[];
  /** The existing record a 'match' row is. */
  matchId?: string;
  note?: string;
  draft?: D;
}

export interface ImportSet<K extends string, D> {
  name: ImportSetName;
  /** Sheet name on export, and the audit subject kind. */
  sheetName: string;
  subjectKind: string;
  columns: readonly Column<K>[];
  plan(q: Queryable, ctx: ImportContext, rows: ParsedRow<K>[]): Promise<Planned<D>[]>;
  /** Writes the drafts; returns the ids of the records created (audited one by one). */
  write(trx: Trx, ctx: ImportContext, drafts: D[], onProgress?: (done: number) => void): Promise<string[]>;
  export(q: Queryable, partnershipId: string): Promise<{ ids: string[]; rows: string[][] }>;
}
