import type { KeyFigure, ReportTable } from './types.ts';
import { SUPPRESSED } from './types.ts';

const locale = () => (document.documentElement.lang === 'en' ? 'en-GB' : 'da-DK');

export function formatNumber(v: number, maxFraction = 1): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: maxFraction }).format(v);
}

export function formatShare(v: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

export function formatCell(t: ReportTable, row: ReportTable['rows'][number], i: number): string {
  if (row.suppressed?.[i]) return SUPPRESSED;
  const v = row.cells[i];
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  return t.columns[i].kind === 'share' ? formatShare(v) : formatNumber(v);
}

/** `days(count, text)` picks "1 dag" / "2 dage" by i18next plurals; the server already gives whole days. */
export function formatFigure(k: KeyFigure, days: (count: number, n: string) => string): string {
  if (k.suppressed) return SUPPRESSED;
  if (k.value === null) return '–';
  if (k.kind === 'share') return formatShare(k.value);
  if (k.kind === 'days') return days(k.value, formatNumber(k.value, 0));
  return formatNumber(k.value, 0);
}
