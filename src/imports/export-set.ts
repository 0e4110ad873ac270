// Use case: export one set in the import's own layout (Danish headers), as CSV
// (UTF-8 with BOM, semicolons) or XLSX, so a partnership can hand its network
// over. Exporting young people puts every exported person on record.
import type { Db } from '../core/db.ts';
import { auditMany } from '../core/audit.ts';
import { setOf } from './sets.ts';
import { writeCsv, writeXlsx, XLSX_TYPE } from './sheet.ts';
import type { ImportActor, ImportSetName } from './set.ts';
import { todayInDenmark } from '../core/today.ts';

export type ExportFormat = 'csv' | 'xlsx';

export async function exportSet(db: Db, input: { set: ImportSetName; format: ExportFormat; actor: ImportActor }) {
  const set = setOf(input.set);
  const headers = set.columns.map((c) => c.header);
  const { rows } = await db.transaction().execute(async (trx) => {
    const out = await set.export(trx, input.actor.partnershipId);
    await auditMany(trx, input.actor, set.subjectKind === 'young_person'
      ? out.ids.map((id) => ({ action: 'export' as const, subjectKind: set.subjectKind, subjectId: id, purpose: 'handover_export' }))
      : [{ action: 'export' as const, subjectKind: set.subjectKind, criterion: `export:${input.set}`, purpose: 'handover_export' }]);
    return out;
  });
  const fileName = `${input.set}-${todayInDenmark()}.${input.format}`;
  if (input.format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', data: writeCsv(headers, rows), count: rows.length };
  return { fileName, contentType: XLSX_TYPE, data: await writeXlsx(set.sheetName, headers, rows), count: rows.length };
}
