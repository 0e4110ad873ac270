import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { findTable, viewLabel, type KeyFigure, type ReportBundle } from './bundle.ts';
import { SUPPRESSED_MARK, type ReportTable } from './types.ts';
import { describeResult } from './goals.ts';
import { daysText } from './labels.ts';

/**
 * Fonts: the DKFDS package ships IBM Plex Sans as TTF (the design system's
 * font, with æøå); DejaVu Sans from the OS is the fallback. pdfkit embeds a
 * subset of the font, so the PDF renders the same everywhere.
 */
const FONT_CANDIDATES: [string, string][] = [
  ['node_modules/dkfds/src/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf', 'node_modules/dkfds/src/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-SemiBold.ttf'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
];

export function pdfFonts(): { regular: string; bold: string } {
  for (const [r, b] of FONT_CANDIDATES) {
    const regular = path.resolve(r);
    const bold = path.resolve(b);
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  throw new Error('No TTF font with Danish letters found (IBM Plex Sans from dkfds or DejaVu Sans)');
}

const BLUE = '#0059b3';
const GREY = '#747474';
const LIGHT = '#e6eef7';
const PAGE = { left: 50, right: 545, width: 495 };

const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const pf = (x: number) => `${nf.format(Math.round(x * 1000) / 10)} %`;

function fmtFigure(k: KeyFigure): string {
  if (k.suppressed || k.value === null) return k.suppressed ? SUPPRESSED_MARK : '–';
  return k.kind === 'share' ? pf(k.value) : k.kind === 'days' ? daysText(k.value) : nf.format(k.value);
}

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string) {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(13).fillColor('black').text(text, PAGE.left, doc.y, { width: PAGE.width });
  doc.moveDown(0.3);
}

function keyFigures(doc: Doc, figures: KeyFigure[]) {
  const w = (PAGE.width - 30) / 4;
  figures.forEach((k, i) => {
    if (i % 4 === 0 && i > 0) doc.y += 62;
    const x = PAGE.left + (i % 4) * (w + 10);
    const y = doc.y;
    doc.rect(x, y, w, 54).fill(LIGHT);
    doc.fillColor(BLUE).font('bold').fontSize(16).text(fmtFigure(k), x + 8, y + 6, { width: w - 16 });
    doc.fillColor('black').font('regular').fontSize(8).text(k.label, x + 8, y + 28, { width: w - 16, height: 24 });
    doc.y = y;
  });
  doc.y += 62;
  doc.x = PAGE.left;
}

function table(doc: Doc, t: ReportTable) {
  // Wide tables (the cohort tables have seven columns) give the first column less room.
  const first = t.columns.length > 4 ? 130 : 200;
  const other = (PAGE.width - first) / Math.max(1, t.columns.length - 1);
  const widths = t.columns.map((_, i) => (i === 0 ? first : other));
  const rowH = 15;
  const drawRow = (cells: string[], bold: boolean, shade: boolean, indent: number) => {
    if (doc.y > 780) doc.addPage();
    const y = doc.y;
    if (shade) doc.rect(PAGE.left, y - 2, PAGE.width, rowH).fill(LIGHT);
    let x = PAGE.left;
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5).fillColor('black');
    cells.forEach((c, i) => {
      doc.text(c, x + (i === 0 ? indent : 0) + 2, y, { width: widths[i] - 6 - (i === 0 ? indent : 0), align: i === 0 ? 'left' : 'right', lineBreak: false });
      x += widths[i];
    });
    doc.y = y + rowH;
  };
  // The header wraps within its column: long status labels stay readable and apart.
  doc.font('bold').fontSize(8);
  const headH = Math.max(rowH, ...t.columns.map((c, i) => doc.heightOfString(c.label, { width: widths[i] - 6 }) + 3));
  if (doc.y + headH > 780) doc.addPage();
  const hy = doc.y;
  let hx = PAGE.left;
  t.columns.forEach((c, i) => {
    doc.text(c.label, hx + 2, hy, { width: widths[i] - 6, align: i === 0 ? 'left' : 'right' });
    hx += widths[i];
  });
  doc.y = hy + headH;
  doc.moveTo(PAGE.left, doc.y - 3).lineTo(PAGE.right, doc.y - 3).lineWidth(0.5).strokeColor(GREY).stroke();
  for (const r of t.rows) {
    const cells = r.cells.map((v, i) => {
      if (r.suppressed?.[i]) return SUPPRESSED_MARK;
      if (v === null) return '–';
      if (typeof v === 'number') return t.columns[i].kind === 'share' ? pf(v) : nf.format(v);
      return v;
    });
    drawRow(cells, r.key === 'total', r.key === 'total', (r.level ?? 0) * 12);
  }
  if (t.note) doc.font('regular').fontSize(7.5).fillColor(GREY).text(t.note, PAGE.left, doc.y + 2, { width: PAGE.width });
  doc.fillColor('black');
}

/** Horizontal bars: one per item; a hidden value gets ".." and no bar. */
function barChart(doc: Doc, title: string, items: { label: string; value: number | null; hidden?: boolean }[]) {
  heading(doc, title);
  const labelW = 170;
  const barW = PAGE.width - labelW - 50;
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  for (const it of items) {
    if (doc.y > 780) doc.addPage();
    const y = doc.y;
    doc.font('regular').fontSize(8.5).fillColor('black').text(it.label, PAGE.left, y, { width: labelW - 8, lineBreak: false });
    const w = it.value ? (it.value / max) * barW : 0;
    if (w > 0) doc.rect(PAGE.left + labelW, y, w, 11).fill(BLUE);
    doc.fillColor('black').text(it.hidden ? SUPPRESSED_MARK : it.value === null ? '–' : nf.format(it.value), PAGE.left + labelW + w + 4, y, { lineBreak: false });
    doc.y = y + 16;
  }
  doc.x = PAGE.left;
}

/** A line with points and a y axis from zero; hidden months break the line. */
function lineChart(doc: Doc, title: string, points: { label: string; value: number | null }[]) {
  heading(doc, title);
  if (doc.y > 640) doc.addPage();
  const x0 = PAGE.left + 30;
  const y0 = doc.y + 130;
  const w = PAGE.width - 40;
  const h = 120;
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  doc.lineWidth(0.5).strokeColor(GREY).moveTo(x0, y0 - h).lineTo(x0, y0).lineTo(x0 + w, y0).stroke();
  // The scale's top is the largest shown value; with every month hidden there is no scale to print (not "1").
  if (points.some((p) => p.value !== null && p.value > 0)) doc.font('regular').fontSize(7).fillColor(GREY).text(nf.format(max), PAGE.left, y0 - h - 3, { width: 26, align: 'right' });
  doc.font('regular').fontSize(7).fillColor(GREY).text('0', PAGE.left, y0 - 4, { width: 26, align: 'right' });
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  let pen = false;
  doc.lineWidth(1.5).strokeColor(BLUE);
  points.forEach((p, i) => {
    const x = x0 + i * step;
    if (p.value === null) { if (pen) doc.stroke(); pen = false; return; }
    const y = y0 - (p.value / max) * h;
    if (pen) doc.lineTo(x, y); else doc.moveTo(x, y);
    pen = true;
  });
  if (pen) doc.stroke();
  if (points.some((p) => p.value === null)) {
    doc.font('regular').fontSize(7.5).fillColor(GREY).text('Måneder med under grænsen for visning er udeladt.', x0, y0 - h - 14, { width: w, lineBreak: false });
  }
  points.forEach((p, i) => {
    const x = x0 + i * step;
    if (p.value !== null) doc.circle(x, y0 - (p.value / max) * h, 2).fill(BLUE);
    if (points.length <= 12 || i % Math.ceil(points.length / 12) === 0) doc.fillColor(GREY).fontSize(6.5).text(p.label, x - 15, y0 + 4, { width: 30, align: 'center', lineBreak: false });
  });
  doc.fillColor('black');
  doc.y = y0 + 18;
  doc.x = PAGE.left;
}

function goals(doc: Doc, b: ReportBundle) {
  heading(doc, 'Mål og resultater');
  const t = findTable(b, 'goals');
  if (!b.goals.length) {
    doc.font('regular').fontSize(9).text('Netværket har ikke sat mål endnu.', PAGE.left, doc.y);
    return;
  }
  b.goals.forEach((g, i) => {
    if (doc.y > 740) doc.addPage();
    const hidden = !!t?.rows[i]?.suppressed?.[2];
    const y = doc.y;
    doc.font('bold').fontSize(9).fillColor('black').text(g.title, PAGE.left, y, { width: PAGE.width });
    const by = doc.y + 3;
    const w = PAGE.width - 160;
    const frac = g.kind === 'share' ? (g.actual ?? 0) : (g.numerator ?? 0) / g.target;
    const scale = g.kind === 'share' ? 1 : Math.max(1, frac);
    doc.rect(PAGE.left, by, w, 10).fill(LIGHT);
    if (!hidden) doc.rect(PAGE.left, by, Math.min(1, frac / scale) * w, 10).fill(g.met ? '#358000' : BLUE);
    const tx = PAGE.left + ((g.kind === 'share' ? g.target : 1) / scale) * w;
    doc.lineWidth(1.5).strokeColor('black').moveTo(tx, by - 3).lineTo(tx, by + 13).stroke();
    const target = g.kind === 'share' ? pf(g.target) : nf.format(g.target);
    doc.font('regular').fontSize(8.5).fillColor('black')
      .text(`${hidden ? SUPPRESSED_MARK : describeResult(g)} · mål ${target}${hidden ? '' : g.met ? ' · nået' : ' · ikke nået'}`, PAGE.left + w + 8, by, { width: 152, lineBreak: false });
    doc.y = by + 20;
  });
  doc.x = PAGE.left;
}

/**
 * pdfkit's own fontkit, so the parsed fonts are the objects pdfkit expects.
 * Parsing once per process (instead of per document) keeps fontkit's glyph and
 * layout caches warm between reports: text shaping was most of the PDF's time.
 */
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(b: Buffer): unknown };
let parsedFonts: { regular: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource } | undefined;
function loadFonts() {
  if (!parsedFonts) {
    const f = pdfFonts();
    parsedFonts = { regular: fontkit.create(readFileSync(f.regular)) as never, bold: fontkit.create(readFileSync(f.bold)) as never };
  }
  return parsedFonts;
}

/** The steering-group PDF: partnership, period, key figures, outcome table, charts, goals and every other table of the page. */
export async function toPdf(b: ReportBundle): Promise<Buffer> {
  const fonts = loadFonts();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 40, left: PAGE.left, right: 50 }, lang: 'da-DK', info: { Title: `Resultater – ${b.partnership.name}`, Author: 'Fodfæste' }, bufferPages: true });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  doc.font('bold').fontSize(20).fillColor(BLUE).text('Resultater til styregruppen');
  doc.font('bold').fontSize(14).fillColor('black').text(b.partnership.name);
  doc.font('regular').fontSize(10).fillColor(GREY)
    .text(`Periode: ${b.period.from} – ${b.period.to} · status pr. ${b.period.asOf}`)
    .text(viewLabel(b));
  doc.moveDown(0.8);
  keyFigures(doc, b.keyFigures);

  const outcomes = findTable(b, 'outcomes');
  if (outcomes) { heading(doc, outcomes.title); table(doc, outcomes); }

  doc.addPage();
  if (outcomes) {
    barChart(doc, 'Resultater (antal unge)', outcomes.rows.filter((r) => r.key !== 'total' && !r.level && (r.cells[1] !== 0)).map((r) => ({ label: String(r.cells[0]), value: r.cells[1] as number | null, hidden: !!r.suppressed?.[1] })));
  }
  const funnel = findTable(b, 'funnel');
  if (funnel) barChart(doc, funnel.title, funnel.rows.map((r) => ({ label: String(r.cells[0]), value: r.cells[1] as number | null, hidden: !!r.suppressed?.[1] })));
  lineChart(doc, 'Unge startet pr. måned', b.monthlyStarts.map((m) => ({ label: m.month.slice(2).replace('-', '/'), value: m.count })));

  doc.addPage();
  goals(doc, b);
  // Every other table the page shows, in the page's order (issue #21): funnel, cohorts, the rest.
  const shown = new Set(['outcomes', 'goals']);
  const rest = [
    ...b.tables.filter((t) => t.id === 'funnel'),
    ...b.tables.filter((t) => t.id.startsWith('cohort_')),
    ...b.tables.filter((t) => t.id !== 'funnel' && !t.id.startsWith('cohort_')),
  ].filter((t) => !shown.has(t.id));
  for (const t of rest) {
    if (doc.y > 640) doc.addPage();
    heading(doc, t.title);
    table(doc, t);
  }
  if (b.missing.length) {
    heading(doc, 'Tal der endnu ikke kan opgøres');
    doc.font('regular').fontSize(8.5).fillColor('black');
    for (const m of b.missing) doc.text(`• ${m}`, PAGE.left, doc.y, { width: PAGE.width });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor(GREY).text(`Fodfæste · ${b.partnership.name} · side ${i + 1} af ${range.count}`, PAGE.left, 810, { width: PAGE.width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
