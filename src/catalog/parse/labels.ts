// The catalog is a two-column table whose left column (the label) was typed
// differently by each municipality: "Projekt navn (overskrift)", "Projektnavn",
// "Indsats: Projekt navn (overskrift)", "<p>Kontaktperson te- (mail og
// telefonnr.)</p>" … These rules map the varied labels to a few field kinds.

import { htmlToLine } from './html.ts';
import type { DescriptionSection } from './types.ts';

export type RowKind = 'title' | 'description' | 'contact' | 'period';

export const ROW_KIND_DANISH: Record<RowKind, string> = {
  title: 'projektnavn',
  description: 'kort beskrivelse',
  contact: 'kontaktperson',
  period: 'projektperiode',
};

const ROW_LABELS: [RowKind, RegExp][] = [
  ['title', /^(projekt\s*-?\s*navn|(indsats|initiativ|projekt)(ens|ets)\s+navn|navn\s+på\b|titel\b|overskrift\b)/],
  ['description', /^(kort\s+)?beskrivelse\b/],
  ['contact', /^kontakt/],
  ['period', /^((projekt|tids|indsats)\s*)?periode\b|^varighed\b|^tidsramme\b/],
];

/** Lower-cased label text without HTML, "Indsats:" prefix or trailing colon. */
export function normaliseLabel(label: string): string {
  return htmlToLine(label)
    .toLowerCase()
    .replace(/^\s*\**\s*(indsats|initiativ)\s*:\s*/, '')
    .replace(/[\s:]+$/, '')
    .trim();
}

export function classifyRowLabel(label: string): RowKind | null {
  const norm = normaliseLabel(label);
  if (!norm) return null;
  for (const [kind, re] of ROW_LABELS) if (re.test(norm)) return kind;
  return null;
}

const FRAGMENT_WORDS = /(formål|aktører|målgruppe|økonomi|effekt|herunder|\bmv\b|linjer|projektet|telefon|mail)/;

/**
 * The second half of a label that Word broke over two lines, such as
 * "formål, aktører, målgruppe, økonomi, effekt mv.": it starts in lower case
 * and repeats the words of the description label.
 */
export function isLabelFragment(label: string): boolean {
  const text = htmlToLine(label).trim();
  if (!text || text.length > 160) return false;
  const first = text.replace(/^[^\p{L}]+/u, '')[0];
  if (!first || first !== first.toLowerCase() || first === first.toUpperCase()) return false;
  return FRAGMENT_WORDS.test(text.toLowerCase());
}

/** True for "-----", "---" and friends: table rule lines left over from the export. */
export function isRuleText(text: string): boolean {
  return /^[\s\-=_*|:+]*$/.test(text) && /[-=_*]/.test(text);
}

// Inline labels inside the description ("Baggrund:", "<b>Målgruppe</b>",
// "<u>Formålet med Sporet er:</u>", "Mål/effekt:"). Order matters: effect is
// tested before purpose so that "Mål/effekt" lands in effect.
const SECTION_LABELS: [DescriptionSection, RegExp][] = [
  ['effect', /^(forventet\s+|forventede\s+)?(effekt|resultat)|^mål\s*\/\s*effekt|succeskriter|^målsætning|^evaluering/],
  ['targetGroup', /^målgrupp/],
  ['background', /^baggrund/],
  ['purpose', /^(formål|vision|hensigt|idéen|ideen|idé\b|ide\b|mål\b)/],
  ['actors', /^(centrale\s+)?(aktør|samarbejdspartner|partner|bidragyder|deltagere|organisering)/],
  ['economy', /^(økonomi|finansiering|budget)/],
];

/** Maps an inline description label to its section, or null when it is not one we know. */
export function classifySectionLabel(label: string): Exclude<DescriptionSection, 'general'> | null {
  const norm = label.toLowerCase().replace(/[\s:.]+$/, '').trim();
  if (!norm || norm.length > 60 || norm.split(/\s+/).length > 8) return null;
  for (const [section, re] of SECTION_LABELS) {
    if (re.test(norm)) return section as Exclude<DescriptionSection, 'general'>;
  }
  return null;
}
