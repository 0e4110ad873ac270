// Classifies one line of the exported catalog. The export mixes markdown
// headings (at any level), bold lines, plain "Indsats: …" lines, two-column
// "label<TAB>value" rows, table rule lines and the table of contents.

import { htmlToLine } from './html.ts';
import { classifyRowLabel, isLabelFragment, isRuleText, type RowKind } from './labels.ts';
import { looksLikeOwner } from './owners.ts';

export type Line =
  | { kind: 'skip'; line: number }
  | {
      kind: 'heading';
      line: number;
      text: string;
      /** Markdown level, or null for a bold or plain line. */
      level: number | null;
      /** Written as "Indsats: …". */
      initiative: boolean;
    }
  | {
      kind: 'row';
      line: number;
      label: string;
      value: string;
      /** null: unknown label, or no label at all (a continuation). */
      rowKind: RowKind | null;
      /** Continues the previous row: empty label, or the second half of a broken label. */
      continuation: boolean;
    }
  | { kind: 'text'; line: number; text: string };

const TOC_RE = /^[^\t]*\.{3,}\s*\t?\s*\d{1,3}\s*$/;
const MD_HEADING_RE = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE_RE = /^(?:<p>\s*)?(?:\*\*|__|<b>|<strong>)(.+?)(?:\*\*|__|<\/b>|<\/strong>)\s*:?\s*(?:<\/p>)?$/i;
const INITIATIVE_RE = /^(?:indsats|initiativ)\s*[:–-]\s*(.+)$/i;
const COLON_ROW_RE = /^(?:<p>\s*)?((?:indsats:\s*)?(?:projekt\s*navn|kontaktperson|projektperiode|kort beskrivelse)[^:\t]{0,120}?)\s*:\s+(\S.*)$/i;

/** Markdown escapes ("\*") and emphasis markers left in heading or stray text. */
function unmark(text: string): string {
  return htmlToLine(text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\*\*|__/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function heading(line: number, rawText: string, level: number | null): Line {
  const text = unmark(rawText);
  if (!text) return { kind: 'skip', line };
  const m = INITIATIVE_RE.exec(text);
  if (m) return { kind: 'heading', line, text: m[1].trim(), level, initiative: true };
  return { kind: 'heading', line, text, level, initiative: false };
}

function row(line: number, label: string, value: string): Line {
  const labelText = htmlToLine(label);
  const rowKind = labelText ? classifyRowLabel(label) : null;
  const continuation = !labelText || (!rowKind && isLabelFragment(label));
  return { kind: 'row', line, label: labelText, value: value.trim(), rowKind, continuation };
}

export function classifyLine(raw: string, line: number): Line {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const trimmed = text.trim();
  if (!trimmed || TOC_RE.test(trimmed)) return { kind: 'skip', line };

  const tab = text.indexOf('\t');
  if (tab >= 0) {
    const label = text.slice(0, tab).trim();
    const value = text.slice(tab + 1).replace(/\t+/g, ' ').trim();
    const labelText = htmlToLine(label);
    const valueIsRule = !value || (value.length <= 40 && isRuleText(htmlToLine(value)));
    if ((isRuleText(labelText) || !labelText) && valueIsRule) return { kind: 'skip', line };
    if (isRuleText(labelText)) return row(line, '', value);
    return row(line, label, value);
  }

  const md = MD_HEADING_RE.exec(trimmed);
  if (md) return heading(line, md[2], md[1].length);
  const bold = BOLD_LINE_RE.exec(trimmed);
  if (bold && !bold[1].includes('**')) return heading(line, bold[1], null);
  const colonRow = COLON_ROW_RE.exec(trimmed);
  if (colonRow) return row(line, colonRow[1], colonRow[2]);
  const plain = unmark(trimmed);
  if (!plain || isRuleText(plain)) return { kind: 'skip', line };
  if (INITIATIVE_RE.test(plain) && plain.length <= 200) return heading(line, plain, null);
  if (looksLikeOwner(plain)) return heading(line, plain, null);
  return { kind: 'text', line, text: plain };
}
