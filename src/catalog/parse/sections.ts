// Splits a description value into sections (background, purpose, target
// group, actors, economy, effect) using the inline labels the municipalities
// wrote, in all their forms:
//   <p><b>Baggrund:</b></p> <p>…</p>       a heading paragraph: following paragraphs belong to it
//   <p><b>Målgruppe:</b> Elever …</p>      an inline label: this and following paragraphs
//   <p>Målgruppe: Unge på kanten …</p>     a plain label with colon
//   <p>Målgruppen er unge mellem …</p>     no label, but the sentence says what it is
// Everything else goes to `general`, in order, so no text is lost.

import { htmlToText } from './html.ts';
import { classifySectionLabel } from './labels.ts';
import { emptyDescription, type CatalogDescription, type DescriptionSection } from './types.ts';

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Marks emphasised text that opens a paragraph, so it survives the HTML → text step as a label. */
function markLeadingEmphasis(html: string): string {
  return html.replace(
    /(^|<(?:p|div)\b[^>]*>)(\s*)<(b|strong|u|i|em)\b[^>]*>([\s\S]*?)<\/\3\s*>(\s*:)?/gi,
    (_m, open: string, space: string, _tag: string, inner: string, colon: string | undefined) =>
      `${open}${space}${OPEN}${inner}${colon ? ':' : ''}${CLOSE}`,
  );
}

const SENTENCE_SECTIONS: [DescriptionSection, RegExp][] = [
  ['targetGroup', /^(?:\S+\s+){0,5}?målgruppen?\s+(er|for|omfatter|består|udgøres|var|blev|vil|kan|har)\b/i],
  ['targetGroup', /^(?:\S+\s+){0,4}?målrettet\s+(mod\s+)?(unge|elever|borgere|de|alle|\S+parate)\b/i],
  ['purpose', /^(?:\S+\s+){0,5}?formål(?:et)?\s+(med|er|var)\b/i],
];

interface State {
  section: DescriptionSection;
  /** A heading paragraph ("Baggrund:" alone) binds more strongly than an inline label. */
  strong: boolean;
}

/** Routes one paragraph (or list) to a section; returns the text to store, or null for a pure heading. */
function route(block: string, state: State): { section: DescriptionSection; text: string | null } {
  if (block.startsWith(OPEN) && block.includes(CLOSE)) {
    const end = block.indexOf(CLOSE);
    const label = block.slice(1, end).replace(/\s+/g, ' ').trim();
    const rest = block.slice(end + 1).trim();
    const name = label.replace(/:$/, '').trim();
    const section = classifySectionLabel(name);
    if (section) {
      Object.assign(state, { section, strong: !rest });
      // A bare label ("Målgruppe:") is implied by the section; a longer one
      // ("Effekt på myndighedsopgaven") still says something and is kept.
      const keep = name.split(/\s+/).length > 2 ? label : '';
      return { section, text: [keep, rest].filter(Boolean).join(' ') || null };
    }
    if (!rest || label.endsWith(':')) {
      // An unknown heading ("Rammerne:", "Horisontpraktikker"): a new topic starts.
      Object.assign(state, { section: 'general', strong: !rest });
      return { section: 'general', text: rest ? `${label} ${rest}` : label };
    }
    return plain(`${label} ${rest}`, state);
  }
  return plain(block, state);
}

function plain(block: string, state: State): { section: DescriptionSection; text: string | null } {
  const colon = /^([\p{L}][\p{L} /-]{1,40}):\s*([\s\S]*)$/u.exec(block);
  if (colon && colon[1].trim().split(/\s+/).length <= 4) {
    const section = classifySectionLabel(colon[1]);
    if (section) {
      const rest = colon[2].trim();
      Object.assign(state, { section, strong: !rest });
      return { section, text: rest || null };
    }
  }
  if (!state.strong) {
    for (const [section, re] of SENTENCE_SECTIONS) {
      if (re.test(block)) {
        Object.assign(state, { section: 'general', strong: false });
        return { section, text: block };
      }
    }
  }
  return { section: state.section, text: block };
}

/** Splits description HTML into labelled sections of clean text. */
export function splitDescription(html: string): CatalogDescription {
  const text = htmlToText(markLeadingEmphasis(html));
  const parts = new Map<DescriptionSection, string[]>();
  const state: State = { section: 'general', strong: false };
  for (const raw of text.split(/\n{2,}/)) {
    const block = raw.trim();
    if (!block) continue;
    const { section, text: body } = route(block, state);
    const clean = body?.replaceAll(OPEN, '').replaceAll(CLOSE, '').trim();
    if (!clean) continue;
    parts.set(section, [...(parts.get(section) ?? []), clean]);
  }
  const result = emptyDescription();
  for (const [section, blocks] of parts) result[section] = blocks.join('\n\n');
  return result;
}

/** All sections joined, for keyword and age searches over the whole description. */
export function descriptionText(d: CatalogDescription): string {
  return [d.background, d.purpose, d.targetGroup, d.actors, d.economy, d.effect, d.general]
    .filter((s): s is string => !!s)
    .join('\n\n');
}
