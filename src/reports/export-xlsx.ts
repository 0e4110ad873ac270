import ExcelJS from 'exceljs';
import { SUPPRESSED_MARK, type ReportTable } from './types.ts';

const FORMATS: Record<string, string> = { count: '#,##0', number: '#,##0.0', days: '#,##0', share: '0.0%' };

/** At most `max` characters, cut after a whole word (a single over-long word is cut, there is no other way). */
export function wordCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const at = head.lastIndexOf(' ');
  return (at > 0 ? head.slice(0, at) : text.slice(0, max)).replace(/[\s,.;:–-]+$/, '');
}

/** Excel forbids []:*?/\ in sheet names, limits them to 31 characters and wants them unique. */
export function sheetName(title: string, used: Set<string>): string {
  const base = wordCut(title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim(), 31) || 'Ark';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${wordCut(base, 31 - String(n).length - 3)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

/** Short sheet names for the report's tables; a table not named here gets its title cut after a word. */
const SHEET_NAMES: Record<string, string> = {
  outcomes: 'Resultater',
  funnel: 'Tragt',
  time_to_placement: 'Tid til første praktik',
  conversion: 'Fra praktik til ansættelse',
  breakdowns: 'Afbrudte praktikker',
  goals: 'Mål og resultater',
  network_summary: 'Netværket',
  company_conversion: 'Pr. virksomhed',
  network_list_attendance: 'Mødestabilitet',
  network_list_activities: 'Fællesskabsaktiviteter',
};

/**
 * A sheet name that tells the tables apart: the twelve cohort titles all begin
 * "Status N måneder efter …" and would be cut to the same 28 characters.
 * The full title is the sheet's first line anyway.
 */
export function sheetTitle(t: Pick<ReportTable, 'id' | 'title'>): string {
  const m = /^cohort_(\d+)m_(start|mentor_match)_(readiness|placement_kind)$/.exec(t.id);
  if (!m) return SHEET_NAMES[t.id] ?? t.title;
  return `${m[1]} mdr. ${m[2] === 'start' ? 'start' : 'mentor'}, ${m[3] === 'readiness' ? 'parathed' : 'praktikform'}`;
}

export interface XlsxMeta {
  partnership: string;
  period: string;
  view: string;
}

/** One sheet per table: a title line, a bold header row, numbers as numbers with number/percent formats. */
export async function toXlsx(tables: ReportTable[], meta: XlsxMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fodfæste';
  wb.created = new Date();
  const used = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(sheetTitle(t), used));
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    ws.addRow([`${meta.partnership} · ${meta.period} · ${meta.view}`]).font = { italic: true, color: { argb: 'FF555555' } };
    ws.addRow([]);
    const header = ws.addRow(t.columns.map((c) => c.label));
    header.font = { bold: true };
    header.eachCell((cell) => { cell.border = { bottom: { style: 'thin' } }; });
    for (const r of t.rows) {
      const row = ws.addRow(r.cells.map((v, i) => (r.suppressed?.[i] ? SUPPRESSED_MARK : v)));
      if (r.key === 'total') row.font = { bold: true };
      t.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (FORMATS[c.kind] && typeof cell.value === 'number') cell.numFmt = FORMATS[c.kind];
        if (r.suppressed?.[i]) cell.alignment = { horizontal: 'right' };
        if (i === 0 && r.level) cell.alignment = { indent: r.level * 2 };
      });
    }
    if (t.note) {
      ws.addRow([]);
      ws.addRow([t.note]).font = { italic: true };
    }
    ws.columns.forEach((col, i) => { col.width = i === 0 ? 44 : Math.max(12, Math.min(40, (t.columns[i]?.label.length ?? 10) + 2)); });
    ws.views = [{ state: 'frozen', ySplit: 4 }];
  }
  // Stored, not deflated: exceljs deflates in JavaScript (JSZip/pako), which was ~80 % of the export's
  // time; the file is ~50 kB instead of ~18 kB, and Excel, LibreOffice and Numbers read stored zips.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
}
