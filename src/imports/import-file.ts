// Use case: a dry run or an all-or-nothing import of one file into one set.
// The dry run plans every row (create / matches an existing record / error) and
// writes nothing but its audit row; the import plans again inside one
// transaction and writes only when no row has an error.
import type { Db, Queryable } from '../core/db.ts';
import { auditMany } from '../core/audit.ts';
import { todayInDenmark } from '../core/today.ts';
import { matchHeaders, parseRows, describeProblem, type RowProblem } from './columns.ts';
import { readSheet, SheetError, type Sheet } from './sheet.ts';
import { setOf } from './sets.ts';
import { findPartnership } from './queries.ts';
import type { ImportActor, ImportContext, ImportSetName, Planned } from './set.ts';
import type { ImportReport } from './schemas.ts';

export type { ImportReport };

async function contextFor(q: Queryable, actor: ImportActor): Promise<ImportContext> {
  const partnership = await findPartnership(q, { id: actor.partnershipId });
  if (!partnership) throw new Error('Netværket findes ikke.');
  return { actor, partnership, today: todayInDenmark() };
}

const ACTION_WORD = { create: 'oprettes', match: 'findes allerede', error: 'fejl' } as const;

function report(set: ImportSetName, sheet: Sheet | null, dryRun: boolean, imported: boolean, problems: RowProblem[], planned: Planned<unknown>[]): ImportReport {
  const counts = { rows: planned.length, create: 0, match: 0, error: 0 };
  for (const p of planned) counts[p.action]++;
  const refused = problems.length > 0 || counts.error > 0;
  const lines = [
    ...problems.map(describeProblem),
    ...planned.map((p) => `Række ${p.row} (${ACTION_WORD[p.action]}): ${p.label}${p.note ? ` – ${p.note}` : ''}`),
    ...planned.flatMap((p) => p.problems.map(describeProblem)),
    refused
      ? `Intet er importeret: ret ${counts.error + problems.length} fejl i filen, og prøv igen.`
      : imported
        ? `Importeret: ${counts.create} oprettet, ${counts.match} fandtes allerede.`
        : `Prøvekørsel: ${counts.create} vil blive oprettet, ${counts.match} findes allerede, ingen fejl.`,
  ];
  return {
    set, format: sheet?.format ?? null, encoding: sheet?.encoding ?? null, dryRun, imported, counts, problems,
    rows: planned.map(({ row, action, label, note, matchId, problems: p }) => ({ row, action, label, note, matchId, problems: p })),
    lines,
  };
}

export async function importFile(db: Db, input: {
  set: ImportSetName; fileName: string; data: Uint8Array; actor: ImportActor; dryRun: boolean; onProgress?: (done: number, total: number) => void;
}): Promise<ImportReport> {
  const set = setOf(input.set);
  let sheet: Sheet;
  try {
    sheet = await readSheet(input.fileName, input.data);
  } catch (err) {
    if (err instanceof SheetError) return { ...report(input.set, null, input.dryRun, false, [{ row: 1, column: null, message: err.message }], []), fileRefused: err.status };
    throw err;
  }
  const layout = matchHeaders(sheet, set.columns);
  if (layout.problems.length) return report(input.set, sheet, input.dryRun, false, layout.problems, []);
  const parsed = parseRows(sheet, set.columns, layout);
  const auditEntry = { action: 'search' as const, subjectKind: set.subjectKind, criterion: `import:${input.dryRun ? 'dry-run' : 'refused'}`, purpose: 'import' };

  if (input.dryRun) {
    const ctx = await contextFor(db, input.actor);
    const planned = await set.plan(db, ctx, parsed);
    await db.transaction().execute((trx) => auditMany(trx, input.actor, [auditEntry]));
    return report(input.set, sheet, true, false, [], planned);
  }
  return db.transaction().execute(async (trx) => {
    const ctx = await contextFor(trx, input.actor);
    const planned = await set.plan(trx, ctx, parsed);
    if (planned.some((p) => p.action === 'error') || planned.length === 0) {
      await auditMany(trx, input.actor, [auditEntry]);
      return report(input.set, sheet, false, false, planned.length ? [] : [{ row: 2, column: null, message: 'Filen har ingen rækker med data.' }], planned);
    }
    const drafts = planned.filter((p) => p.action === 'create' && p.draft).map((p) => p.draft!);
    const ids = await set.write(trx, ctx, drafts, (done) => input.onProgress?.(done, drafts.length));
    await auditMany(trx, input.actor, ids.map((id) => ({ action: 'create' as const, subjectKind: set.subjectKind, subjectId: id, purpose: 'import' })));
    return report(input.set, sheet, false, true, [], planned);
  });
}
